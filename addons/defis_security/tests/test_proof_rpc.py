"""A Défis manager, from the web client (JSON-RPC), can neither delete nor
change a proof record: an erasure, the attendance of a closed sitting."""
from odoo.addons.defis_reuse.tests.common import create_device
from odoo.addons.defis_training.tests.common import create_upcoming_run, create_web_programme

from .common import SecurityHttpCase

KEPT = "conservé comme preuve"


class TestProofRecordsByRpc(SecurityHttpCase):

    def setUp(self):
        super().setUp()
        self.manager = self.create_internal_user(
            "responsable.preuves", ("defis_network.group_defis_manager",))
        lot = create_device(self.env, "T-PREUVE-RPC", state="diagnosed")
        self.erasure = self.env["defis.erasure"].create({
            "lot_id": lot.id, "method": "overwrite", "passes": 1, "tool": "nwipe 0.34"})
        run = create_upcoming_run(self.env, create_web_programme(self.env, "Preuves (RPC)"))
        registration = run._defis_register({"name": "Anne Le Bihan", "phone": "0297123456"})
        session = run.defis_session_ids[0]
        self.line = self.env["defis.training.attendance"].create({
            "session_id": session.id, "registration_id": registration.id})
        session.state = "done"
        self.login_as(self.manager)

    def assert_refused(self, record, method, args, error_name="odoo.exceptions.UserError",
                       message=KEPT):
        before = record.read()
        _result, error = self.call_kw(record._name, method, [record.ids] + args,
                                      {"context": {"lang": "fr_FR"}})
        self.assertEqual(error, error_name)
        self.assertIn(message, self.last_error)
        record.invalidate_cache()
        self.assertEqual(record.read(), before)

    def test_erasure_is_kept(self):
        # no manager deletes or writes an erasure at all (access rights)
        self.assert_refused(self.erasure, "unlink", [],
                            "odoo.exceptions.AccessError", "pas autorisé à supprimer")
        self.assert_refused(self.erasure, "write", [{"tool": "autre", "result": "failure"}],
                            "odoo.exceptions.AccessError", "pas autorisé à modifier")

    def test_attendance_of_a_closed_sitting_is_kept(self):
        self.assert_refused(self.line, "unlink", [])
        self.assert_refused(self.line, "write", [{"hours": 0.5}])

    def test_correction_by_rpc(self):
        result, error = self.call_kw("defis.training.attendance", "action_defis_supersede",
                                     [self.line.ids, {"hours": 1.0}, "Arrivée en retard"])
        self.assertIsNone(error, getattr(self, "last_error", None))
        new = self.env["defis.training.attendance"].browse(result)
        self.assertEqual((new.hours, new.defis_correction_user_id), (1.0, self.manager))
        self.line.invalidate_cache()
        self.assertFalse(self.line.active)
