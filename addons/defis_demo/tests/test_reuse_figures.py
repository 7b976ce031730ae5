# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.defis_network.tests.common import DefisCase


class TestReuseDemoFigures(DefisCase):
    """The demo data give the article's figures: 788 devices collected and
    410 redistributed in 2018, about 1,200 households equipped since 2007."""

    def setUp(self):
        super().setUp()
        self.report = self.env["defis.reuse.report"]

    def test_2018_collected_and_redistributed(self):
        figures = self.report.key_figures(2018)
        self.assertEqual(figures["collected_count"], 788)
        self.assertEqual(figures["redistributed_count"], 410)
        self.assertGreater(figures["collected_item_count"], 0)
        self.assertGreater(figures["household_count"], 250)
        self.assertGreater(figures["co2_avoided"], 0)

    def test_households_equipped_since_2007(self):
        self.assertTrue(1100 <= self.report.households_since(2007) <= 1250,
                        self.report.households_since(2007))

    def test_every_device_where_its_state_says(self):
        """After the demo, the daily health check finds no device whose state
        and stock disagree (and so gives no manager anything to do)."""
        activities = self.env["mail.activity"].search_count([])
        self.assertEqual(self.env["stock.production.lot"]._cron_defis_health_check(), [])
        self.assertEqual(self.env["mail.activity"].search_count([]), activities)

    def test_past_years_before_2018(self):
        rows = self.report.search([("is_history", "=", True)])
        self.assertEqual(sorted(set(rows.mapped("year"))),
                         [str(year) for year in range(2007, 2018)])
        self.assertFalse(self.report.search([("is_history", "=", False),
                                             ("year", "<", "2018")]))
