from odoo import fields

from .test_meeting import MeetingCase


class TestRetention(MeetingCase):
    """The daily job on referents and on the copies of a person's data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.gone = cls.create_referent(cls.ccas, "Ronan Le Goff", "2010-01-01", "2015-06-30")
        cls.gone_met = cls.create_referent(cls.caf, "Katell Rio", "2010-01-01", "2015-06-30")
        cls.household = cls.create_person(
            "Foyer Kerbrat", defis_is_household=True, email="kerbrat@example.org",
            phone="02 97 11 22 44", defis_last_activity_date="2015-01-10")

    def run_job(self):
        return self.env["res.partner"]._cron_defis_anonymize_inactive()

    def test_the_job_runs_daily(self):
        cron = self.env.ref("defis_network.cron_anonymize_inactive_households")
        self.assertEqual((cron.interval_number, cron.interval_type), (1, "days"))
        self.assertEqual(cron.code.strip(), "model._cron_defis_anonymize_inactive()")

    def test_referents_who_left_long_ago(self):
        self.meeting(fields.Date.context_today(self.env["res.partner"]), present=[self.gone_met])
        done = self.run_job()
        self.assertIn(self.gone, done)
        self.assertTrue(self.gone.defis_anonymized)
        self.assertNotIn("Ronan", self.gone.name)
        self.assertEqual(self.gone.parent_id, self.ccas, "the structure still counts its referent")
        for kept in (self.gone_met, self.anne, self.gael):
            self.assertNotIn(kept, done)
            self.assertFalse(kept.defis_anonymized)

    def test_referent_period_is_a_parameter(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "defis_network.referent_retention_years", 50)
        self.assertNotIn(self.gone, self.run_job())

    def test_copies_of_the_person_are_erased(self):
        referral = self.env["defis.referral"].create({
            "structure_id": self.ccas.id, "person_id": self.household.id,
            "service": "equipment_loan", "reason": "Mme Kerbrat, 02 97 11 22 44, sans emploi"})
        referral.message_post(body="Message de Mme Kerbrat", author_id=self.household.id,
                              email_from="kerbrat@example.org")
        referral.message_subscribe([self.household.id])
        other = self.create_person("Foyer Pérès", defis_is_household=True)
        referral.person_id = other
        referral.person_id = self.household
        self.assertIn(self.household, self.run_job())
        self.assertFalse(referral.reason)
        self.assertEqual(referral.service, "equipment_loan")
        self.assertEqual(referral.person_id, self.household)
        written = self.env["mail.message"].search([("author_id", "=", self.household.id)])
        self.assertTrue(written)
        for message in written:
            self.assertNotIn("Kerbrat", message.body or "")
            self.assertFalse(message.email_from)
        self.assertFalse(self.env["mail.followers"].search(
            [("partner_id", "=", self.household.id)]))
        tracked = self.env["mail.tracking.value"].search([
            ("mail_message_id.model", "=", "defis.referral"),
            ("mail_message_id.res_id", "=", referral.id), ("field", "=", "person_id")])
        self.assertTrue(tracked)
        names = tracked.mapped("old_value_char") + tracked.mapped("new_value_char")
        self.assertFalse([name for name in names if name and "Kerbrat" in name])

    def test_what_was_kept_goes_once_its_date_is_past(self):
        self.household.write({"defis_last_activity_date": fields.Date.context_today(
            self.household), "defis_privacy_kept_until": "2020-01-01",
            "defis_privacy_kept": "Le nom sur une commande."})
        self.assertIn(self.household, self.run_job())
        self.assertTrue(self.household.defis_anonymized)
        self.assertFalse(self.household.defis_privacy_kept)
