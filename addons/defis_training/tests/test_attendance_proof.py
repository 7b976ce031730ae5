"""The attendance of a closed sitting is the proof of the hours given to a
funder: nobody deletes it or changes it, the administrator included; a
correction supersedes a line and the hours follow it."""
from odoo.exceptions import UserError

from odoo.addons.defis_network.tests.common import correct_through_wizard

from .common import TrainingCase

KEPT = "conservée? comme preuve"
SESSIONS = [
    ("2018-03-05 08:00:00", "2018-03-05 10:30:00"),  # 2.5 h
    ("2018-03-12 08:00:00", "2018-03-12 10:30:00"),
]


class TestAttendanceProof(TrainingCase):

    @classmethod
    def set_up_class_data(cls):  # pylint: disable=missing-return
        super().set_up_class_data()
        cls.course = cls.create_run(cls.create_programme(planned_hours=5.0), SESSIONS)
        cls.closed, cls.planned = cls.course.defis_session_ids
        cls.alice = cls.register(cls.course, cls.create_learner("Alice Martin"))
        cls.line = cls.attend(cls.closed, cls.alice)
        cls.closed.write({"state": "done"})

    def assert_refused(self, function, *args):
        for user in (self.env.user, self.defis_manager):
            with self.assertRaisesRegex(UserError, KEPT), self.cr.savepoint():
                function(self.line.sudo(user), *args)

    def test_line_of_a_closed_sitting_is_kept(self):
        self.assert_refused(lambda line: line.write({"hours": 1.0}))
        self.assert_refused(lambda line: line.write({"state": "absent"}))
        self.assert_refused(lambda line: line.unlink())
        self.assert_refused(lambda line: line.session_id.unlink())
        self.assert_refused(lambda line: line.registration_id.unlink())
        self.assert_refused(lambda line: line.event_id.unlink())
        self.assert_refused(lambda line: line.session_id.write({"state": "planned"}))
        self.assert_refused(lambda line: line.session_id.write(
            {"date_end": "2018-03-05 09:00:00"}))
        self.line.invalidate_cache()
        self.assertEqual((self.line.exists(), self.line.state, self.line.hours),
                         (self.line, "present", 2.5))
        self.assertEqual(self.alice.defis_hours_attended, 2.5)
        self.assertEqual(self.closed.state, "done")
        # the sitting's other facts stay open
        self.closed.write({"room": "Salle 2", "state": "done"})

    def test_line_of_a_planned_sitting_changes(self):
        line = self.attend(self.planned, self.alice, hours=1.0)
        line.write({"state": "absent"})
        self.assertEqual(line.hours, 0.0)
        line.unlink()
        self.assertFalse(line.exists())

    def test_correction_supersedes_the_line(self):
        new = self.line.sudo(self.defis_manager).action_defis_supersede(
            {"state": "present", "hours": 1.5}, "Arrivée à 9 h, notée présente à tort")
        self.assertFalse(self.line.active)
        self.assertEqual(self.line.hours, 2.5)
        self.assertEqual((new.session_id, new.registration_id, new.hours),
                         (self.closed, self.alice, 1.5))
        self.assertEqual(new.defis_supersedes_res_id, self.line.id)
        self.assertEqual(new.defis_correction_user_id, self.defis_manager)
        self.assertEqual(self.alice.defis_attendance_ids, new)
        self.assertEqual(self.alice.defis_hours_attended, 1.5)
        # absent: its hours follow the status
        newer = new.action_defis_supersede({"state": "absent"}, "Absente en fait")
        self.assertEqual(newer.hours, 0.0)
        self.assertEqual(self.alice.defis_hours_attended, 0.0)
        with self.assertRaisesRegex(UserError, "ne peut changer que"):
            newer.action_defis_supersede({"session_id": self.planned.id}, "autre séance")

    def test_correction_through_the_sessions_button(self):
        self.assertEqual(self.line.session_state, "done")
        line = self.line.sudo(self.defis_manager)
        new = correct_through_wizard(line, {"state": "absent"}, "Absente, notée présente")
        self.assertEqual((new.state, new.hours, new.session_id), ("absent", 0.0, self.closed))
        self.assertEqual(self.alice.defis_attendance_ids, new)
        newer = correct_through_wizard(new.sudo(self.defis_manager),
                                       {"state": "present", "hours": 1.0}, "Arrivée en retard")
        self.assertEqual((newer.state, newer.hours), ("present", 1.0))
        self.assertEqual(self.alice.defis_hours_attended, 1.0)

    def test_correction_from_a_list_showing_archived_lines(self):
        # a list with the archived lines shown (active_test off) corrects too:
        # only the lines in force count for the one line per session
        line = self.line.with_context(active_test=False).sudo(self.defis_manager)
        new = line.action_defis_supersede({"state": "absent"}, "Absente")
        newer = new.action_defis_supersede({"state": "excused"}, "Excusée en fait")
        self.assertEqual(self.alice.defis_attendance_ids, newer)
