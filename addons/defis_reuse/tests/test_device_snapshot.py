# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Filing snapshots of real machines (tests/data): the specifications a
technician no longer types, the differences with the intake to review, and
the snapshots refused with nothing changed."""
import base64
import json

from odoo.exceptions import AccessError, UserError

from .common import ReuseCase
from .common_probe import sample, sample_snapshot


class TestDeviceSnapshot(ReuseCase):

    @classmethod
    def set_up_reuse_data(cls):
        cls.laptop, cls.other_laptop = cls.receive_devices(2)
        cls.desktop = cls.receive_devices(1, cls.cat_desktop)
        cls.monitor = cls.receive_devices(1, cls.cat_monitor)
        cls.probook = {"lshw": sample("lshw-hp-probook-430-g4.json")}
        cls.thinkcentre = {"lshw": sample("lshw-lenovo-thinkcentre-edge72.json")}

    def file(self, lot, raw, user=None):
        return self.env["defis.device.snapshot"].sudo(user or self.technician).import_snapshot(
            sample_snapshot(lot.name, **raw))

    def test_snapshot_fills_the_empty_specifications(self):
        record = self.file(self.laptop, dict(self.probook, edid={
            "card0-eDP-1": "".join(sample("edid-lg-display-lgd0201.hex").split())}))
        laptop = self.laptop
        self.assertEqual(
            (laptop.defis_brand, laptop.defis_model, laptop.ref, laptop.defis_processor,
             laptop.defis_ram_gb, laptop.defis_storage_gb, laptop.defis_screen_inches),
            ("HP", "ProBook 430 G4", "5CD7314HDY", "Intel Core i5-7200U @ 2.50GHz", 8.0, 256,
             14.0))
        self.assertEqual(record.state, "applied")
        self.assertIn("Processeur", record.filled)
        self.assertEqual(
            [(disk.serial, disk.model, disk.size_gb) for disk in laptop.defis_disk_ids],
            [("S2ZPNB0J121952", "SAMSUNG MZNTY256", 256)])
        raw = json.loads(base64.b64decode(record.snapshot_file))["raw"]
        self.assertEqual(raw["lshw"]["product"], "HP ProBook 430 G4 (W6P93AV)")
        self.assertIn("ProBook 430 G4", laptop.message_ids[0].body)

    def test_differences_with_the_intake_are_reviewed(self):
        self.laptop.write({"defis_brand": "Hewlett-Packard", "defis_model": "ProBook 430 G4",
                           "defis_ram_gb": 4})
        record = self.file(self.laptop, self.probook)
        self.assertEqual(record.state, "review")
        diffs = {diff.field_name: diff for diff in record.diff_ids}
        self.assertEqual(set(diffs), {"defis_brand", "defis_ram_gb"})  # same model: no diff
        self.assertEqual((self.laptop.defis_brand, self.laptop.defis_ram_gb),
                         ("Hewlett-Packard", 4))  # nothing overwritten
        self.assertEqual(self.laptop.defis_processor, "Intel Core i5-7200U @ 2.50GHz")
        diffs["defis_ram_gb"].sudo(self.technician).action_accept()
        self.assertEqual(self.laptop.defis_ram_gb, 8)
        diffs["defis_brand"].sudo(self.technician).action_keep()
        self.assertEqual(self.laptop.defis_brand, "Hewlett-Packard")
        self.assertEqual(record.state, "applied")
        with self.assertRaisesRegex(UserError, "déjà"):
            diffs["defis_brand"].sudo(self.technician).action_accept()

    def test_category_decides_which_specifications(self):
        """A monitor has a screen, not a processor; a desktop no screen."""
        self.file(self.monitor, self.probook)
        self.assertFalse(self.monitor.defis_processor)
        self.assertFalse(self.monitor.defis_ram_gb)
        self.assertEqual(self.monitor.defis_brand, "HP")
        self.file(self.desktop, dict(self.thinkcentre, edid={
            "card0-HDMI-A-1": "".join(sample("edid-lg-display-lgd0201.hex").split())}))
        self.assertEqual((self.desktop.defis_model, self.desktop.defis_storage_gb),
                         ("ThinkCentre Edge72", 250))
        self.assertFalse(self.desktop.defis_screen_inches)

    def test_unknown_asset_tag_is_refused(self):
        with self.assertRaisesRegex(UserError, "Aucun appareil ne porte le numéro d'inventaire "
                                               "DEF-0000-99999"):
            self.env["defis.device.snapshot"].sudo(self.technician).import_snapshot(
                sample_snapshot("DEF-0000-99999", **self.probook))
        self.assertFalse(self.env["defis.device.snapshot"].search([]).filtered(
            lambda snapshot: snapshot.lot_id in self.lots_of_test()))

    def lots_of_test(self):
        return self.laptop | self.other_laptop | self.desktop | self.monitor

    def test_disk_of_another_device_is_refused(self):
        self.file(self.laptop, self.probook)
        messages = len(self.other_laptop.message_ids)
        with self.assertRaisesRegex(UserError, "S2ZPNB0J121952 appartient à l'appareil %s"
                                    % self.laptop.name):
            self.file(self.other_laptop, self.probook)
        self.other_laptop.invalidate_cache()
        self.assertFalse(self.other_laptop.defis_brand)
        self.assertFalse(self.other_laptop.defis_snapshot_ids)
        self.assertFalse(self.other_laptop.defis_disk_ids)
        self.assertEqual(len(self.other_laptop.message_ids), messages)

    def test_maker_serial_of_another_device_is_refused(self):
        self.other_laptop.ref = "5CD7314HDY"
        with self.assertRaisesRegex(UserError, "5CD7314HDY"):
            self.file(self.laptop, self.probook)
        self.assertFalse(self.laptop.defis_brand)

    def test_sold_or_recycled_device_is_refused(self):
        self.other_laptop.action_defis_recycle()
        with self.assertRaisesRegex(UserError, "(?i)recyclé"):
            self.file(self.other_laptop, self.probook)
        self.assertFalse(self.other_laptop.defis_snapshot_ids)

    def test_not_a_snapshot_is_refused(self):
        Snapshot = self.env["defis.device.snapshot"].sudo(self.technician)
        for bad in ([], {"format": "autre"}, {"format": "defis-probe/1", "asset_tag": ""},
                    {"format": "defis-probe/1", "asset_tag": self.laptop.name, "raw": None},
                    {"format": "defis-probe/1", "asset_tag": self.laptop.name,
                     "raw": {"lshw": "pas du JSON", "lsblk": {"blockdevices": [{"size": "x"}]}}}):
            with self.assertRaisesRegex(UserError, "pas un relevé"):
                Snapshot.import_snapshot(bad)

    def test_only_a_technician_files_a_snapshot(self):
        portal = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Portail", "login": "portail-sonde",
            "groups_id": [(6, 0, [self.env.ref("base.group_portal").id])]})
        for user in (self.defis_user, self.cashier, portal):
            with self.assertRaises(AccessError):
                self.file(self.laptop, self.probook, user=user)
        self.assertFalse(self.laptop.defis_snapshot_ids)

    def test_upload_from_the_device_form(self):
        """The workshop had no network: the file left on the stick is
        uploaded from the device's form."""
        content = json.dumps(sample_snapshot(self.laptop.name, **self.probook)).encode()
        wizard = self.env["defis.snapshot.import"].sudo(self.technician).create({
            "lot_id": self.laptop.id, "snapshot_file": base64.b64encode(content),
            "snapshot_filename": "releve.json"})
        action = wizard.action_import()
        self.assertEqual(self.env["defis.device.snapshot"].browse(action["res_id"]).lot_id,
                         self.laptop)
        self.assertEqual(self.laptop.defis_model, "ProBook 430 G4")
        wrong = self.env["defis.snapshot.import"].sudo(self.technician).create({
            "lot_id": self.other_laptop.id, "snapshot_file": base64.b64encode(content)})
        with self.assertRaisesRegex(UserError, "porte sur l'appareil %s" % self.laptop.name):
            wrong.action_import()
        garbage = self.env["defis.snapshot.import"].sudo(self.technician).create({
            "lot_id": self.laptop.id, "snapshot_file": base64.b64encode(b"\x00\xff")})
        with self.assertRaisesRegex(UserError, "JSON"):
            garbage.action_import()

    def test_filing_a_snapshot_costs_a_bounded_number_of_queries(self):
        """Whatever the device: parsing is Python, the writes are one per
        record (snapshot, its attachment, the device, each disk, the note),
        plus the audit trail of the device's write when defis_security is
        installed (it reads every field of the device before and after, its
        location from the stock and its activities included, and writes one
        line per field)."""
        self.file(self.other_laptop, self.thinkcentre)  # caches warm
        queries = self.cr.sql_log_count
        self.file(self.laptop, self.probook)
        audited = self.env["ir.module.module"].search_count([
            ("name", "=", "defis_security"), ("state", "=", "installed")])
        self.assertLessEqual(self.cr.sql_log_count - queries, 120 if audited else 60)

    def test_a_snapshot_is_kept_as_received(self):
        record = self.file(self.laptop, self.probook)
        with self.assertRaises(UserError):
            record.sudo(self.technician).write({"summary": "autre chose"})
        with self.assertRaises(AccessError):
            record.sudo(self.technician).unlink()
