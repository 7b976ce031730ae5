# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields

from odoo.addons.defis_network.tests.common import DefisCase


class TestReuseCurrentYearDemo(DefisCase):
    """The demo's living year: what the workshop, the loans desk and the
    till find on the day the demo is built."""

    def setUp(self):
        super().setUp()
        self.today = fields.Date.from_string(fields.Date.context_today(self.env.user))

    def days_ago(self, days):
        return fields.Date.to_string(self.today - timedelta(days=days))

    def test_intakes_of_the_last_weeks_at_each_state(self):
        intakes = self.env["defis.intake"].search([("date", ">=", self.days_ago(70))])
        self.assertIn("draft", intakes.mapped("state"))
        lots = intakes.mapped("line_ids.lot_ids")
        self.assertEqual(
            set(lots.mapped("defis_state")),
            {"received", "diagnosed", "erased", "refurbished", "ready", "parts", "recycled",
             "lent", "sold"})

    def test_loans_due_in_the_coming_weeks_some_overdue(self):
        Loan = self.env["defis.loan"]
        out = Loan.search([("state", "in", ("ongoing", "overdue"))])
        self.assertTrue(out)
        self.assertTrue(all(loan.date_start >= self.days_ago(60) for loan in out), out)
        self.assertTrue(all(loan.date_start[:4] == loan.name[5:9] for loan in out))
        overdue = out.filtered(lambda loan: loan.state == "overdue")
        self.assertEqual(len(overdue), 2)
        self.assertTrue(all(loan.date_due < self.days_ago(0) for loan in overdue))
        self.assertEqual(len(overdue.mapped("activity_ids")), 2)
        coming = out - overdue
        self.assertTrue(all(self.days_ago(0) <= loan.date_due <= self.days_ago(-30)
                            for loan in coming), coming.mapped("date_due"))
        self.assertGreaterEqual(len(coming), 5)

    def test_a_till_session_of_the_last_opening_day(self):
        session = self.env["pos.session"].search(
            [("config_id", "=", self.env.ref("point_of_sale.pos_config_main").id),
             ("state", "=", "closed")],
            order="start_at desc", limit=1)
        self.assertGreaterEqual(session.start_at[:10], self.days_ago(7))
        self.assertLess(session.start_at[:10], self.days_ago(0))
        self.assertEqual(len(session.order_ids), 5)
        # numbered on its day, as every session of the demo
        for each in session.search([]):
            self.assertIn(each.start_at[:10].replace("-", "/"), each.name)
        self.assertTrue(all(order.amount_total > 0 for order in session.order_ids))

    def test_2018_loans_all_ended(self):
        loans = self.env["defis.loan"].search([("date_start", "<", "2019-01-01")])
        self.assertEqual(len(loans), 60)
        self.assertEqual(set(loans.mapped("state")), {"returned", "converted", "lost"})
        self.assertTrue(all(loan.name.startswith("PRET-2018-") for loan in loans))
