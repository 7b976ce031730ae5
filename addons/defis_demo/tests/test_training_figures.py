# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

import holidays

from odoo import fields

from odoo.addons.defis_training.tests.common import TrainingCase

FLAGSHIP = "defis_demo.programme_numerique_quotidien_demo"


class TestTrainingDemoFigures(TrainingCase):
    """The training demo data give the article's figures: at least 10,000
    learner-hours since 2007, about 100 learners a year in Numérique au
    quotidien."""

    @classmethod
    def set_up_class_data(cls):  # pylint: disable=missing-return
        super().set_up_class_data()
        cls.flagship = cls.env.ref(FLAGSHIP)
        cls.report = cls.env["defis.training.report"]

    def total(self, domain, measure):
        return self.report.read_group(domain, [measure], [])[0][measure]

    def test_learner_hours_since_2007(self):
        hours = self.total([("date", ">=", "2007-01-01")], "learner_hours")
        self.assertGreaterEqual(hours, 10000)
        # the 2018 share is the attendance recorded
        self.env.cr.execute("""
            SELECT sum(hours) FROM defis_training_attendance
             WHERE date >= '2018-01-01' AND date < '2019-01-01'""")
        attended = self.env.cr.fetchone()[0]
        self.assertGreater(attended, 1000)
        self.assertAlmostEqual(self.total([("date", ">=", "2018-01-01"),
                                           ("date", "<", "2019-01-01")], "learner_hours"),
                               attended, places=2)
        self.assertEqual(self.env["defis.training.history"].search([], order="year")[:1].year,
                         2007)

    def test_about_100_learners_a_year_in_numerique_au_quotidien(self):
        learners = self.total([("programme_id", "=", self.flagship.id),
                               ("date", ">=", "2018-01-01"), ("date", "<", "2019-01-01")],
                              "learner_count")
        self.assertTrue(90 <= learners <= 110, learners)
        past = self.env["defis.training.history"].search(
            [("programme_id", "=", self.flagship.id)])
        self.assertEqual(len(past), 11)
        self.assertFalse(past.filtered(lambda h: not 90 <= h.learner_count <= 110))

    def test_attendance_has_absences_and_late_arrivals(self):
        lines = self.env["defis.training.attendance"].search([("date", "<", "2019-01-01")])
        self.assertEqual(set(lines.mapped("state")), {"present", "absent", "excused"})
        late = lines.filtered(lambda a: a.state == "present" and a.hours < a.session_hours)
        self.assertTrue(late)
        self.assertLess(len(late), len(lines) / 5)
        registrations = lines.mapped("registration_id")
        self.assertTrue(registrations.filtered("defis_completed"))
        self.assertTrue(registrations.filtered(lambda r: not r.defis_completed))
        trainers = lines.mapped("trainer_id")
        self.assertGreaterEqual(len(trainers), 3)
        self.assertFalse(trainers.filtered(lambda u: self.group_trainer not in u.groups_id))

    def test_funders_and_agreements(self):
        runs = self.env["event.event"].search([
            ("defis_is_training", "=", True), ("date_begin", "<", "2019-01-01")])
        self.assertGreaterEqual(len(runs), 20)
        funded = runs.filtered("defis_funding_id")
        self.assertTrue(runs - funded, "some runs are paid by the association's own funds")
        funders = funded.mapped("defis_funding_id.funder_id")
        self.assertGreaterEqual(len(funders), 5)
        self.assertTrue(funders.filtered("defis_is_structure"),
                        "network structures fund courses")

    def test_upcoming_runs_on_the_portal(self):
        now = fields.Datetime.now()
        runs = self.env["event.event"].search([
            ("defis_is_training", "=", True), ("date_begin", ">", now),
            ("website_published", "=", True), ("seats_availability", "=", "limited")])
        self.assertGreaterEqual(len(runs), 3)
        seats_left = sorted(runs.mapped("seats_available"))
        self.assertEqual(seats_left[0], 0, "one run is full")
        self.assertIn(1, seats_left, "one run is nearly full")
        self.assertGreater(seats_left[-1], 4)
        self.assertFalse(runs.filtered(lambda r: not r.defis_session_ids))


class TestTrainingDemoLivingYear(TrainingCase):
    """Besides 2018, the demo lives: the last twelve months and what comes."""

    def sessions(self, domain):
        return self.env["defis.training.session"].search(
            [("event_id.defis_is_training", "=", True)] + domain)

    def test_2018_sittings_held_and_runs_attended(self):
        sittings = self.sessions([("date_begin", "<", "2019-01-01")])
        self.assertEqual(set(sittings.mapped("state")), {"done"})
        runs = sittings.mapped("event_id")
        self.assertFalse(runs.filtered(lambda run: not run.seats_used))

    def test_sittings_of_the_last_twelve_months_held_with_attendance(self):
        now = fields.Datetime.now()
        year_ago = fields.Datetime.to_string(
            fields.Datetime.from_string(now) - timedelta(days=365))
        past = self.sessions([("date_begin", ">=", year_ago), ("date_end", "<", now)])
        self.assertGreaterEqual(len(past.mapped("event_id")), 2)
        self.assertEqual(set(past.mapped("state")), {"done"})
        self.assertFalse(past.filtered(lambda sitting: not sitting.present_count))
        ahead = self.sessions([("date_begin", ">", now)])
        self.assertEqual(set(ahead.mapped("state")), {"planned"})
        in_progress = (past.mapped("event_id") & ahead.mapped("event_id"))
        self.assertTrue(in_progress, "a run is under way")
        self.assertTrue(ahead.mapped("event_id.registration_ids"))

    def test_no_sitting_on_a_weekend_or_a_french_public_holiday(self):
        french = holidays.France()
        for sitting in self.sessions([]):
            day = fields.Datetime.from_string(sitting.date_begin).date()
            self.assertLess(day.weekday(), 5, sitting.display_name)
            self.assertNotIn(day, french, sitting.display_name)
