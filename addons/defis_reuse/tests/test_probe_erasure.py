# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The probe erases real loop devices with the real tools (nwipe for a hard
disk, blkdiscard for flash that has no firmware erase), the data are gone,
and the suite files the erasure from the tool's own log; a log altered,
cut short or contradicting itself is refused with nothing changed, a
failed erasure is recorded as failed."""
import base64
import json

from odoo.exceptions import UserError, ValidationError

from odoo.addons.defis_reuse.tools import probe

from .common import ReuseCase
from .common_probe import SECRET, LoopDevice, probe_erase


class TestProbeErasure(ReuseCase):

    @classmethod
    def set_up_reuse_data(cls):
        cls.lots = cls.receive_devices(4)
        cls.lots[:3].action_defis_refurbish()
        cls.hdd_lot, cls.ssd_lot, cls.failed_lot, cls.received_lot = cls.lots
        cls.runs = {}
        with LoopDevice() as loop:
            cls.runs["hdd"] = probe_erase(cls.hdd_lot.name, loop) + (loop.content(),)
        with LoopDevice() as loop:
            cls.runs["ssd"] = probe_erase(cls.ssd_lot.name, loop, "ssd") + (loop.content(),)
        with LoopDevice(read_only=True) as loop:
            cls.runs["failed"] = probe_erase(cls.failed_lot.name, loop) + (loop.content(),)
        with LoopDevice() as loop:
            cls.runs["refused"] = probe_erase(cls.hdd_lot.name, loop, confirm="DEF-AUTRE") + (
                loop.content(),)

    def snapshot(self, name):
        """A copy of a run's snapshot, to alter at will."""
        return json.loads(json.dumps(self.runs[name][1]))

    def file(self, name, user=None):
        return self.env["defis.device.snapshot"].sudo(user or self.technician).import_snapshot(
            self.snapshot(name) if isinstance(name, str) else name)

    def assert_nothing_recorded(self, lot, snapshot, message):
        before = (lot.defis_state, lot.defis_brand, lot.defis_ram_gb, len(lot.message_ids))
        with self.assertRaisesRegex(UserError, message):
            self.file(snapshot)
        lot.invalidate_cache()
        self.assertEqual((lot.defis_state, lot.defis_brand, lot.defis_ram_gb,
                          len(lot.message_ids)), before)
        self.assertFalse(lot.defis_erasure_ids)
        self.assertFalse(lot.defis_snapshot_ids)

    # -- the disk itself ----------------------------------------------------
    def test_nwipe_erased_the_loop_device(self):
        done, snapshot, content = self.runs["hdd"]
        self.assertEqual(done.returncode, 0, done.stderr.decode())
        self.assertNotIn(SECRET, content)
        self.assertEqual(content.count(0), len(content))
        self.assertEqual(snapshot["erasures"][0]["result"], "success")

    def test_blkdiscard_zero_filled_the_flash_disk(self):
        done, snapshot, content = self.runs["ssd"]
        self.assertEqual(done.returncode, 0, done.stderr.decode())
        self.assertNotIn(SECRET, content)
        self.assertEqual(content.count(0), len(content))
        facts = probe.read_erasure_log(snapshot["erasures"][0]["log"])
        self.assertTrue(facts["tool"].startswith("blkdiscard"))
        # no firmware erase for this disk: Clear only, and the log says why
        self.assertEqual(facts["level"], "Clear")
        self.assertIn("micrologiciel", facts["procedure"])

    def test_disk_not_confirmed_is_not_erased(self):
        done, snapshot, content = self.runs["refused"]
        self.assertEqual(done.returncode, 0, done.stderr.decode())
        self.assertIn(SECRET, content)
        self.assertEqual(snapshot["erasures"], [])
        self.assertIn("disque non effacé", done.stdout.decode())

    # -- the suite's record -------------------------------------------------
    def test_suite_files_the_nwipe_erasure_from_its_log(self):
        evidence = self.runs["hdd"][1]["erasures"][0]
        record = self.file("hdd")
        erasure = self.hdd_lot.defis_erasure_ids
        self.assertEqual(len(erasure), 1)
        self.assertEqual((erasure.method, erasure.passes, erasure.level, erasure.result,
                          erasure.verification, erasure.user_id),
                         ("overwrite", 1, "clear", "success", "passed", self.technician))
        self.assertTrue(erasure.tool.startswith("nwipe 0."))
        self.assertEqual(erasure.standard, "NIST SP 800-88 Rev. 1 — Clear")
        self.assertEqual(erasure.disk_size_bytes, 32 * 1024 * 1024)
        self.assertTrue(erasure.date_start <= erasure.date_end)
        log = base64.b64decode(erasure.log_file).decode()
        self.assertEqual(log, evidence["log"])
        self.assertIn("Verified pass 1 of 1", log)
        self.assertEqual(erasure.log_sha256, probe.log_digest(log))
        self.assertEqual(erasure.snapshot_id, record)
        self.assertEqual(self.hdd_lot.defis_state, "erased")
        self.assertEqual(self.hdd_lot.defis_erasure_id, erasure)
        history = self.hdd_lot.message_ids[0].body.lower()
        self.assertIn("defis-probe", history)
        self.assertIn("réussi", history)

    def test_failed_erasure_is_recorded_as_failed(self):
        """The disk refused writes: nwipe failed, the blocks read back still
        hold the data; the failure is recorded, nothing else changes."""
        done, _snapshot, content = self.runs["failed"]
        self.assertEqual(done.returncode, 1)
        self.assertIn(SECRET, content)
        record = self.file("failed")
        erasure = self.failed_lot.defis_erasure_ids
        self.assertEqual((erasure.result, erasure.verification), ("failure", "failed"))
        self.assertIn("-FAILED-", base64.b64decode(erasure.log_file).decode())
        self.assertEqual(record.state, "erasure_failed")
        self.assertEqual(self.failed_lot.defis_state, "diagnosed")
        self.assertFalse(self.failed_lot.defis_erasure_id)
        self.assertFalse(self.failed_lot.defis_disk_ids)
        self.assertIn("ÉCHEC", "\n".join(record._probe_messages()).upper())

    # -- refused: nothing changes ----------------------------------------------
    def test_altered_log_is_refused(self):
        snapshot = self.snapshot("failed")
        evidence = snapshot["erasures"][0]
        evidence["log"] = evidence["log"].replace("-FAILED-", " Erased ")
        self.assert_nothing_recorded(self.failed_lot, snapshot, "empreinte")

    def test_truncated_log_is_refused(self):
        snapshot = self.snapshot("hdd")
        evidence = snapshot["erasures"][0]
        evidence["log"] = evidence["log"][:len(evidence["log"]) // 2]
        self.assert_nothing_recorded(self.hdd_lot, snapshot, "empreinte")

    def test_truncated_log_with_a_new_fingerprint_is_refused(self):
        snapshot = self.snapshot("hdd")
        evidence = snapshot["erasures"][0]
        evidence["log"] = evidence["log"].split(probe.END_OF_TOOL)[0]
        evidence["log_sha256"] = probe.log_digest(evidence["log"])
        self.assert_nothing_recorded(self.hdd_lot, snapshot, "incomplet")

    def test_result_rewritten_over_a_failure_is_refused(self):
        snapshot = self.snapshot("failed")
        evidence = snapshot["erasures"][0]
        evidence["log"] = evidence["log"].replace("verification: failed", "verification: passed")\
            .replace("result: failure", "result: success")
        evidence["log_sha256"] = probe.log_digest(evidence["log"])
        evidence["result"] = "success"
        self.assert_nothing_recorded(self.failed_lot, snapshot, "ne correspond pas")

    def test_log_of_another_device_is_refused(self):
        snapshot = self.snapshot("hdd")
        snapshot["asset_tag"] = self.ssd_lot.name
        self.assert_nothing_recorded(self.ssd_lot, snapshot, "pas sur un disque")

    def test_erasure_of_a_device_not_in_the_workshop_is_refused(self):
        snapshot = self.snapshot("hdd")
        snapshot["asset_tag"] = self.received_lot.name
        for evidence in snapshot["erasures"]:
            evidence["log"] = evidence["log"].replace(
                "asset_tag: %s" % self.hdd_lot.name, "asset_tag: %s" % self.received_lot.name)
            evidence["log_sha256"] = probe.log_digest(evidence["log"])
        before = len(self.received_lot.message_ids)
        with self.assertRaisesRegex(ValidationError, "seul un appareil diagnostiqué"):
            self.file(snapshot)
        self.received_lot.invalidate_cache()
        self.assertEqual(len(self.received_lot.message_ids), before)
        self.assertFalse(self.received_lot.defis_snapshot_ids)
        self.assertFalse(self.received_lot.defis_erasure_ids)
