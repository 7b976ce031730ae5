# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields

from odoo.addons.defis_network.tests.common import DefisCase


class TestDemoFigures(DefisCase):
    """The demo data reproduce the network as described in September 2018."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partners = cls.env["res.partner"]
        cls.today = fields.Date.context_today(cls.partners)

    def households(self):
        return self.partners.search([("defis_is_household", "=", True)])

    def test_affiliated_before_july_and_in_september_2018(self):
        self.assertEqual(self.partners.defis_count_affiliated("2018-06-30"), 179)
        self.assertEqual(self.partners.defis_count_affiliated("2018-09-30"), 219)

    def test_withdrawals_change_later_counts(self):
        withdrawn = self.partners.search([
            ("defis_is_structure", "=", True), ("defis_withdrawal_date", "!=", False)])
        self.assertTrue(withdrawn)
        self.assertTrue(all(w.defis_withdrawal_date > "2018-09-30" for w in withdrawn))
        self.assertNotEqual(self.partners.defis_count_affiliated(self.today),
                            self.partners.defis_count_affiliated("2018-09-30"))

    def test_seven_subnetworks_and_every_structure_typed(self):
        structures = self.partners.search([("defis_is_structure", "=", True)])
        self.assertEqual(len(structures.mapped("defis_subnetwork_id")), 7)
        self.assertFalse(structures.filtered(lambda s: not s.defis_subnetwork_id))
        self.assertFalse(structures.filtered(lambda s: not s.defis_structure_type_id))
        ccas = self.env.ref("defis_network.structure_type_ccas")
        self.assertGreater(len(structures.filtered(lambda s: s.defis_structure_type_id == ccas)),
                           len(structures) / 4)

    def test_structures_in_morbihan_with_valid_phones(self):
        structures = self.partners.search([("defis_is_structure", "=", True)])
        self.assertEqual(set(structures.mapped(lambda s: s.zip[:2])), {"56"})
        self.assertFalse(structures.filtered(lambda s: not s.phone.startswith("+33297")))
        self.assertEqual(structures[0].defis_phone_display[:5], "02 97")

    def test_affiliated_structures_have_two_current_referents(self):
        structures = self.partners.search(self.partners._defis_affiliated_domain(self.today))
        self.assertEqual(len(structures), self.partners.defis_count_affiliated(self.today))
        self.assertFalse(structures.filtered(lambda s: len(s.defis_current_referent_ids) != 2))
        self.assertFalse(sum(structures.mapped("defis_missing_referent_count")))
        referents = structures.mapped("defis_current_referent_ids")
        self.assertEqual(referents.mapped("parent_id"), structures)
        self.assertFalse(referents.filtered(lambda r: not (r.email and r.phone)))

    def test_referent_history(self):
        ended = self.env["defis.referent"].search([("date_end", "!=", False)])
        self.assertTrue(ended.filtered(lambda r: not r.structure_id.defis_withdrawal_date),
                        "some referents were replaced")

    def test_households_and_members_today(self):
        households = self.households()
        demo = self.env["ir.model.data"].search([
            ("module", "=", "defis_demo"), ("model", "=", "res.partner"),
            ("name", "=like", "household_%_demo")])
        self.assertEqual(len(demo), 300)
        self.assertFalse(self.partners.browse(demo.mapped("res_id")) - households)
        members = households.defis_members_on()
        self.assertTrue(members)
        self.assertLess(len(members), len(households))
        self.assertTrue(households.filtered("defis_referring_structure_id"))
        self.assertTrue(households.filtered("defis_minimum_benefit"))

    def test_memberships_paid_and_waived_since_2017(self):
        lines = self.env["membership.membership_line"].search(
            [("partner", "in", self.households().ids)])
        self.assertEqual(set(lines.mapped("state")), {"paid", "free"})
        self.assertFalse(lines.filtered(lambda line: line.state == "free" and line.member_price))
        self.assertEqual(min(lines.mapped("date_from"))[:4], "2017")
        self.assertTrue(all(lines.mapped("membership_id.membership")))
        members_2018 = self.households().defis_members_on("2018-06-30")
        self.assertTrue(members_2018)

    def test_referrals_across_services_and_states(self):
        referrals = self.env["defis.referral"].search([])
        self.assertGreaterEqual(len(referrals), 150)
        self.assertEqual(set(referrals.mapped("service")),
                         {"equipment_purchase", "equipment_loan", "training"})
        self.assertEqual(set(referrals.mapped("state")),
                         {"new", "accepted", "done", "refused", "cancelled"})
        for referral in referrals:
            self.assertIn(referral.structure_id.id, self.partners.search(
                self.partners._defis_affiliated_domain(referral.date)).ids)

    def test_meetings_of_2018_with_attendance(self):
        meetings = self.env["defis.meeting"].search([
            ("date", ">=", "2018-01-01 00:00:00"), ("date", "<", "2019-01-01 00:00:00")])
        self.assertEqual(set(meetings.mapped("state")), {"held"})
        subnetwork = meetings.filtered(lambda m: m.kind == "subnetwork")
        self.assertEqual(len(subnetwork), 28)
        self.assertEqual(len(subnetwork.mapped("subnetwork_id")), 7)
        self.assertEqual(len(meetings.filtered(lambda m: m.kind == "committee")), 2)
        self.assertFalse(meetings.filtered(lambda m: not m.present_count or not m.minutes))
        self.assertFalse(meetings.filtered(lambda m: m.present_count >= m.invited_count))
        self.assertTrue(self.env["defis.meeting"].search([
            ("state", "=", "planned"), ("date", ">", fields.Datetime.now())]))

    def test_few_structures_not_represented_in_2018(self):
        missing = self.env["defis.meeting"].with_context(
            tz="Europe/Paris").structures_not_represented("2018-12-31")
        self.assertTrue(missing)
        self.assertLess(len(missing), self.partners.defis_count_affiliated("2018-12-31") / 4)

    def test_referrals_of_this_quarter(self):
        today = fields.Date.from_string(self.today)
        quarter = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
        referrals = self.env["defis.referral"].search([
            ("date", ">=", fields.Date.to_string(quarter)), ("date", "<=", self.today)])
        self.assertTrue(referrals)
        self.assertTrue(referrals.filtered(lambda referral: referral.state in ("new", "accepted")))
