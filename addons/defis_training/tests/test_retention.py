import json

import xlrd

from odoo import fields

from odoo.addons.defis_network.tests.test_privacy import label

from .test_training_report import TrainingReportCase

REPORT_FIGURES = ["run_count", "learner_count", "attendee_count", "completed_count",
                  "learner_hours"]


class TestLearnerRetention(TrainingReportCase):
    """Learners of 2004 are past their retention period; the figures of the
    funder report do not move when they are anonymised."""

    def run_job(self):
        return self.env["res.partner"]._cron_defis_anonymize_inactive()

    def funder_sheet(self):
        wizard = self.env["defis.training.report.wizard"].sudo(self.defis_manager).create({
            "funder_id": self.funder.id, "date_from": "2004-01-01", "date_to": "2004-12-31"})
        report = self.env.ref("defis_training.action_report_training_funder_xlsx")
        content, _type = report.sudo(self.defis_manager).with_context(
            lang="fr_FR").render(wizard.ids, {})
        sheet = xlrd.open_workbook(file_contents=content).sheet_by_index(0)
        return [sheet.row_values(row) for row in range(sheet.nrows)]

    def figures(self):
        groups = self.env["defis.training.report"].read_group(
            self.mine, REPORT_FIGURES + ["programme_id"], ["programme_id"], lazy=False)
        by_programme = sorted((g["programme_id"][0], [g[f] for f in REPORT_FIGURES])
                              for g in groups)
        funding = self.funding.read(["consumed_hours", "consumed_learners", "planned_hours",
                                     "planned_learners"])[0]
        return by_programme, funding

    def test_learners_anonymised_with_the_same_figures(self):
        l1 = self.learners[0]
        l1.write({"email": "stagiaire1@example.org", "phone": "06 11 22 33 44"})
        registrations = self.env["event.registration"].search([("partner_id", "=", l1.id)])
        registrations.write({"email": "stagiaire1@example.org", "phone": "0611223344"})
        sheet, figures = self.funder_sheet(), self.figures()
        done = self.run_job()
        self.assertTrue(set(self.learners) <= set(done))
        self.assertEqual(self.funder_sheet(), sheet)
        self.assertEqual(self.figures(), figures)
        self.assertTrue(l1.defis_anonymized)
        self.assertFalse(l1.email or l1.phone)
        for registration in registrations:
            self.assertEqual(registration.name, l1.name)
            self.assertFalse(registration.email or registration.phone)
        self.assertEqual(sum(registrations.mapped("defis_hours_attended")), 7.0)

    def test_recent_attendance_keeps_the_learner(self):
        today = fields.Date.context_today(self.env["res.partner"])
        recent = self.create_run(self.prog_b, [("%s 08:00:00" % today, "%s 11:00:00" % today)])
        learner = self.learners[3]
        self.attend(recent.defis_session_ids, self.register(recent, learner))
        done = self.run_job()
        self.assertNotIn(learner, done)
        self.assertIn(self.learners[1], done)

    def test_learner_period_is_a_parameter(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "defis_training.learner_retention_years", 60)
        self.assertFalse(set(self.learners) & set(self.run_job()))

    def test_funder_agreement_keeps_the_names(self):
        self.funding.learner_retention_years = 40  # until 31/12/2044
        l1, l4 = self.learners[0], self.learners[3]
        l1.email = "stagiaire1@example.org"
        self.run_job()
        self.assertFalse(l1.defis_anonymized)
        self.assertEqual(l1.name, "Stagiaire 1")
        self.assertFalse(l1.email)
        self.assertEqual(l1.defis_privacy_kept_until, "2044-12-31")
        self.assertIn(self.funding.name, l1.defis_privacy_kept)
        self.assertIn("31/12/2044", l1.defis_privacy_kept)
        registration = self.env["event.registration"].search(
            [("partner_id", "=", l1.id), ("event_id", "=", self.run_a.id)])
        self.assertEqual(registration.name, "Stagiaire 1")
        self.assertTrue(l4.defis_anonymized, "learner 4 only attended a run of own funds")
        # years later: the agreement's period is over
        self.funding.learner_retention_years = 5
        l1.defis_privacy_kept_until = "2009-12-31"
        self.assertIn(l1, self.run_job())
        self.assertTrue(l1.defis_anonymized)
        self.assertNotIn("Stagiaire", l1.name)
        self.assertNotIn("Stagiaire", registration.name)

    def test_export_holds_registrations_and_attendance(self):
        learner = self.learners[1]
        _name, content = learner.sudo(self.defis_user).with_context(
            lang="fr_FR")._defis_personal_data_file()
        data = json.loads(content.decode("utf-8"))["Données"]
        run = label(self.env, "event.registration", "event_id")
        runs = sorted(row[run] for row in data["Inscriptions aux formations"])
        self.assertEqual(runs, [self.run_a.display_name])
        attended = label(self.env, "defis.training.attendance", "hours")
        hours = sorted(row[attended] for row in data["Présence en formation"])
        self.assertEqual(hours, [1.5, 2.0])
