from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import TrainingCase

SESSIONS = [
    ("2018-03-05 08:00:00", "2018-03-05 10:30:00"),  # 2.5 h
    ("2018-03-12 08:00:00", "2018-03-12 10:30:00"),
    ("2018-03-19 08:00:00", "2018-03-19 10:30:00"),
    ("2018-03-26 08:00:00", "2018-03-26 10:30:00"),
]


class TestAttendance(TrainingCase):

    @classmethod
    def set_up_class_data(cls):  # pylint: disable=missing-return
        super().set_up_class_data()
        cls.programme = cls.create_programme()
        cls.course = cls.create_run(cls.programme, SESSIONS)
        cls.session1, cls.session2, cls.session3, cls.session4 = cls.course.defis_session_ids
        cls.alice = cls.register(cls.course, cls.create_learner("Alice Martin"))
        cls.bruno = cls.register(cls.course, cls.create_learner("Bruno Le Goff"))

    def test_planned_hours_from_sessions(self):
        self.assertEqual(self.session1.duration_hours, 2.5)
        self.assertEqual(self.course.defis_planned_hours, 10.0)
        self.assertTrue(self.course.defis_is_training)
        self.session4.state = "cancelled"
        self.assertEqual(self.course.defis_planned_hours, 7.5)

    def test_hours_default_to_session_length(self):
        self.attend(self.session1, self.alice)
        self.attend(self.session2, self.alice, "absent")
        self.attend(self.session3, self.alice, "excused")
        self.assertEqual(self.alice.defis_attendance_ids.mapped("hours"), [2.5, 0.0, 0.0])
        self.assertEqual(self.alice.defis_hours_attended, 2.5)
        self.assertEqual(self.alice.defis_completion_rate, 25.0)
        # marked present afterwards: the whole session
        self.attend(self.session2, self.alice, "present")
        self.assertEqual(self.alice.defis_hours_attended, 5.0)

    def test_late_arrival(self):
        line = self.attend(self.session1, self.bruno, hours=1.75)
        self.assertEqual(self.bruno.defis_hours_attended, 1.75)
        with self.assertRaises(ValidationError), self.cr.savepoint():
            line.hours = 3.0
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.attend(self.session2, self.bruno, "absent", hours=1.0)
        self.assertEqual(self.bruno.defis_hours_attended, 1.75)

    def test_moving_a_session_keeps_whole_presence(self):
        self.attend(self.session1, self.alice)
        self.attend(self.session1, self.bruno, hours=2.0)
        self.session1.date_end = "2018-03-05 11:00:00"  # 3 h
        self.assertEqual(self.alice.defis_hours_attended, 3.0)
        self.assertEqual(self.bruno.defis_hours_attended, 2.0)
        self.assertEqual(self.course.defis_planned_hours, 10.5)
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.session1.date_end = "2018-03-05 09:30:00"  # shorter than Bruno's 2 h

    def test_defis_user_registers_learners(self):
        learner = self.create_learner("Émile Le Floch")
        registration = self.env["event.registration"].sudo(self.defis_user).create({
            "event_id": self.course.id, "partner_id": learner.id, "name": learner.name,
            "defis_source": "assisted"})
        registration.confirm_registration()
        self.assertEqual(registration.state, "open")
        self.assertEqual(registration.defis_learner_type, "individuals")
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.course.defis_session_ids[0].sudo(self.defis_user).write({"room": "Salle 2"})

    @mute_logger("odoo.sql_db")
    def test_one_line_per_session_and_same_run(self):
        self.attend(self.session1, self.alice)
        # a trainer scripting over RPC: no language in the context, the
        # refusal reads in the trainer's language
        attendances = self.env["defis.training.attendance"].sudo(self.trainer)
        as_trainer = attendances.with_context({})  # pylint: disable=context-overridden
        with self.assertRaisesRegex(ValidationError, "une seule ligne de présence par séance"), \
                self.cr.savepoint():
            as_trainer.create({"session_id": self.session1.id, "registration_id": self.alice.id})
        other_run = self.create_run(self.programme, SESSIONS[:1])
        stranger = self.register(other_run, self.create_learner("Chloé Guillou"))
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.attend(self.session1, stranger)

    def test_completion_threshold(self):
        for session in (self.session1, self.session2, self.session3):
            self.attend(session, self.alice)
        self.attend(self.session4, self.alice, hours=0.5)  # 8 h of 10
        self.assertEqual(self.alice.defis_completion_rate, 80.0)
        self.assertTrue(self.alice.defis_completed)
        self.programme.completion_threshold = 90
        self.assertFalse(self.alice.defis_completed)
        self.attend(self.session4, self.alice, hours=1.5)
        self.assertTrue(self.alice.defis_completed)
        self.assertFalse(self.bruno.defis_completed)

    def test_threshold_defaults_to_parameter(self):
        self.assertEqual(self.programme.completion_threshold, 80.0)
        self.env["ir.config_parameter"].set_param("defis_training.completion_threshold", "75")
        self.assertEqual(self.create_programme("Visa Internet").completion_threshold, 75.0)

    def test_attendance_sheet_lists_every_learner(self):
        cancelled = self.register(self.course, self.create_learner("Denis Annulé"))
        cancelled.button_reg_cancel()
        action = self.session1.action_attendance_sheet()
        lines = self.env["defis.training.attendance"].search(action["domain"])
        self.assertEqual(lines.mapped("registration_id"), self.alice | self.bruno)
        self.assertEqual(set(lines.mapped("state")), {"absent"})
        self.session1.action_mark_all_present()
        self.assertEqual(lines.mapped("hours"), [2.5, 2.5])
        self.assertEqual(self.session1.state, "done")
        self.assertEqual(self.session1.present_count, 2)

    def test_trainer_records_own_sessions_only(self):
        self.session2.trainer_id = self.other_trainer
        as_trainer = self.session1.sudo(self.trainer)
        as_trainer.action_mark_all_present()
        self.assertEqual(self.alice.defis_hours_attended, 2.5)
        line = self.session1.attendance_ids.filtered(
            lambda a: a.registration_id == self.alice).sudo(self.trainer)
        # the sitting is closed: a late arrival is a correction (who, why)
        with self.assertRaises(UserError), self.cr.savepoint():
            line.write({"hours": 2.0})
        line.action_defis_supersede({"hours": 2.0}, "Arrivée en retard")
        self.assertEqual(self.alice.defis_hours_attended, 2.0)
        # another trainer's session: readable, not editable
        self.session2.sudo(self.trainer).action_attendance_sheet()  # opens, creates nothing
        self.assertFalse(self.session2.attendance_ids)
        self.session2.action_attendance_sheet()
        other_line = self.session2.attendance_ids[0].sudo(self.trainer)
        self.assertEqual(other_line.state, "absent")
        with self.assertRaises(AccessError), self.cr.savepoint():
            other_line.write({"state": "present"})
        self.session2.attendance_ids.filtered(
            lambda a: a.registration_id == self.bruno).unlink()
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.session2.sudo(self.trainer).action_mark_all_present()
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.env["defis.training.attendance"].sudo(self.trainer).create({
                "session_id": self.session2.id, "registration_id": self.bruno.id})
        # a Défis user (not a trainer) reads the attendance but does not record it
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.session1.attendance_ids[0].sudo(self.defis_user).write({"state": "absent"})
        self.assertTrue(self.session1.attendance_ids.sudo(self.defis_user).read(["hours"]))

    def test_attendance_sheet_query_count(self):
        """Opening the sheet again and reading its lines does not grow with the learners."""
        counts = []
        for size in (10, 40):
            run = self.create_run(self.programme, SESSIONS[:1], name="Groupe %d" % size)
            for index in range(size):
                self.register(run, self.create_learner("Stagiaire %d-%d" % (size, index)))
            session = run.defis_session_ids.sudo(self.trainer)
            session.action_attendance_sheet()
            session.action_mark_all_present()
            self.env.cache.invalidate()
            before = self.cr.sql_log_count
            action = session.action_attendance_sheet()
            rows = self.env["defis.training.attendance"].sudo(self.trainer).search_read(
                action["domain"], ["partner_id", "state", "hours", "session_hours"])
            counts.append(self.cr.sql_log_count - before)
            self.assertEqual(len(rows), size)
            self.assertEqual(sum(row["hours"] for row in rows), 2.5 * size)
        self.assertEqual(counts[0], counts[1])

    def test_run_list_counts_the_learners_who_attended(self):
        """A finished run's learners are "done" (attended), not reserved:
        the list of runs shows them."""
        arch = self.env["event.event"].fields_view_get(
            view_id=self.env.ref("event.view_event_tree").id, view_type="tree")["arch"]
        self.assertIn('name="seats_used"', arch)
