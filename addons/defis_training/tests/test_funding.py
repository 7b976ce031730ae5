from odoo.exceptions import AccessError, ValidationError

from .common import TrainingCase
from .test_attendance import SESSIONS


class TestFunding(TrainingCase):

    @classmethod
    def set_up_class_data(cls):  # pylint: disable=missing-return
        super().set_up_class_data()
        cls.programme = cls.create_programme()
        cls.funding = cls.create_funding(
            cls.programme, contracted_hours=25.0, contracted_learners=2, name="ML 2018")
        cls.course = cls.create_run(cls.programme, SESSIONS, funding=cls.funding)
        cls.alice = cls.register(cls.course, cls.create_learner("Alice Martin"))
        cls.bruno = cls.register(cls.course, cls.create_learner("Bruno Le Goff"))

    def test_consumed_hours_from_attendance(self):
        self.assertEqual(self.funding.consumed_hours, 0.0)
        self.assertEqual(self.funding.planned_hours, 20.0)
        for session in self.course.defis_session_ids[:2]:
            session.action_mark_all_present()
        self.attend(self.course.defis_session_ids[2], self.alice, hours=1.0)
        self.funding.invalidate_cache()
        self.assertEqual(self.funding.consumed_hours, 11.0)
        self.assertEqual(self.funding.remaining_hours, 14.0)
        self.assertEqual(self.funding.consumed_rate, 44.0)
        self.assertEqual(self.funding.consumed_learners, 2)
        # a run on the association's own funds counts for no agreement
        own = self.create_run(self.programme, SESSIONS[:1])
        self.register(own, self.create_learner("Chloé Guillou"))
        own.defis_session_ids.action_mark_all_present()
        self.funding.invalidate_cache()
        self.assertEqual(self.funding.consumed_hours, 11.0)
        self.assertFalse(own.defis_funding_warning)

    def test_warning_before_going_over(self):
        self.assertFalse(self.funding.warning)
        self.assertFalse(self.course.defis_funding_warning)
        self.register(self.course, self.create_learner("Chloé Guillou"))
        self.funding.invalidate_cache()
        self.course.invalidate_cache()
        warning = self.funding.with_context(lang="fr_FR").warning
        self.assertIn("Convention ML 2018 dépassée", warning)
        self.assertIn("30,0 heures stagiaires prévues pour 25,0 conventionnées", warning)
        self.assertIn("3 stagiaires inscrits pour 2 conventionnés", warning)
        self.assertEqual(self.course.with_context(lang="fr_FR").defis_funding_warning, warning)

    def test_onchange_warns_on_the_run_form(self):
        form = self.env["event.event"].with_context(lang="fr_FR").new({
            "name": "Nouvelle session", "date_begin": SESSIONS[0][0],
            "date_end": SESSIONS[-1][1], "defis_programme_id": self.programme.id})
        self.programme.default_funding_id = self.funding
        form._onchange_defis_programme_id()
        self.assertEqual(form.defis_funding_id, self.funding)
        self.assertEqual(form._onchange_defis_funding_warning(), {})
        # 2 learners already for 2 contracted: one more run with 1 learner
        form.registration_ids = [(0, 0, {"name": "Denis", "state": "open"})]
        form.defis_session_ids = [(0, 0, {"date_begin": SESSIONS[0][0],
                                          "date_end": SESSIONS[0][1]})]
        result = form._onchange_defis_funding_warning()
        self.assertIn("3 stagiaires inscrits pour 2 conventionnés",
                      result["warning"]["message"])

    def test_run_within_period_and_programmes(self):
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.create_run(self.programme, [("2019-01-07 08:00:00", "2019-01-07 10:00:00")],
                            funding=self.funding)
        other = self.create_programme("Visa Internet Bretagne")
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.create_run(other, SESSIONS[:1], funding=self.funding)
        # 31 December 23:30 in Lanester is still within the agreement
        late = self.create_run(
            self.programme, [("2018-12-31 20:00:00", "2018-12-31 22:30:00")],
            funding=self.funding)
        self.assertEqual(late.defis_funding_id, self.funding)
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.funding.date_end = "2018-06-30"

    def test_office_staff_read_agreements_managers_edit_them(self):
        self.course.defis_session_ids[0].action_mark_all_present()
        as_office = self.funding.sudo(self.defis_user)
        self.assertEqual(as_office.consumed_hours, 5.0)
        self.assertEqual(self.programme.sudo(self.trainer).name, "Numérique au quotidien")
        with self.assertRaises(AccessError), self.cr.savepoint():
            as_office.write({"contracted_hours": 100.0})
        # the amount is the managers'; trainers read no agreement
        with self.assertRaises(AccessError), self.cr.savepoint():
            as_office.read(["amount"])
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.funding.sudo(self.trainer).read(["consumed_hours"])
        self.assertEqual(self.funding.sudo(self.defis_manager).amount, self.funding.amount)
        self.funding.sudo(self.defis_manager).write({"contracted_hours": 100.0})
        self.assertEqual(self.funding.sudo(self.defis_manager).remaining_hours, 95.0)
