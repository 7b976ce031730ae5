# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The probe's reading of real tool outputs of real laptops, a desktop and
the CI machine (tests/data/README.md says where each comes from)."""
import os
import unittest

from odoo.addons.defis_reuse.tools import probe

from .common_probe import DATA, sample


class TestProbeSamples(unittest.TestCase):

    def test_hp_probook_laptop_from_lshw(self):
        summary = probe.summarize({"lshw": sample("lshw-hp-probook-430-g4.json")})
        self.assertEqual(
            {key: summary[key] for key in ("manufacturer", "model", "serial", "chassis",
                                           "processor", "ram_gb", "storage_gb")},
            {"manufacturer": "HP", "model": "ProBook 430 G4", "serial": "5CD7314HDY",
             "chassis": "notebook", "processor": "Intel Core i5-7200U @ 2.50GHz",
             "ram_gb": 8.0, "storage_gb": 256})
        self.assertEqual([(disk["path"], disk["model"], disk["serial"])
                          for disk in summary["disks"]],
                         [("/dev/sda", "SAMSUNG MZNTY256", "S2ZPNB0J121952")])
        # lshw alone does not tell a flash disk from a spinning one
        self.assertIsNone(summary["storage_type"])

    def test_thinkcentre_desktop_leaves_out_the_live_stick_and_readers(self):
        """Probed from a live USB stick, with a card reader and a DVD writer:
        only its own disk counts; Lenovo's model is in lshw's version."""
        summary = probe.summarize({"lshw": sample("lshw-lenovo-thinkcentre-edge72.json")})
        self.assertEqual((summary["manufacturer"], summary["model"], summary["serial"]),
                         ("Lenovo", "ThinkCentre Edge72", "PB357N0"))
        self.assertEqual(summary["processor"], "Intel Pentium G645 @ 2.90GHz")
        self.assertEqual(summary["ram_gb"], 2.0)
        self.assertEqual([disk["serial"] for disk in summary["disks"]], ["Z2AYPLNP"])
        self.assertEqual(summary["storage_gb"], 250)

    def test_thinkpad_from_dmidecode(self):
        summary = probe.summarize({"dmidecode": sample("dmidecode-lenovo-thinkpad-edge-e320.txt")})
        self.assertEqual(
            (summary["manufacturer"], summary["model"], summary["serial"], summary["chassis"]),
            ("Lenovo", "ThinkPad Edge E320", "LR9NKZ7", "notebook"))
        self.assertEqual(summary["processor"], "Intel Core i5-2450M @ 2.50GHz")
        self.assertEqual(summary["ram_gb"], 8.0)  # two 4096 MB modules, two slots empty

    def test_smartctl_tells_the_storage_type(self):
        cases = (
            ("smartctl-intel-ssdpeknw010t8-nvme.json", "/dev/nvme0n1", "nvme", "ssd", 1024),
            ("smartctl-liteon-lmt-256m6m-ssd.json", "/dev/sda", "sata", "ssd", 256),
            ("smartctl-wdc-wd140edfz-hdd.json", "/dev/sdb", "sata", "hdd", 14001),
        )
        for name, path, transport, kind, size in cases:
            smart = sample(name)
            # what lsblk says of the same disk: no model, no serial, no size
            lsblk = {"blockdevices": [{"name": path[5:], "path": path, "type": "disk",
                                       "tran": transport, "size": 0, "rota": None}]}
            lsblk["blockdevices"][0]["size"] = smart["user_capacity"]["bytes"]
            summary = probe.summarize({"lsblk": lsblk, "smartctl": {path: smart}})
            disk = summary["disks"][0]
            self.assertEqual((disk["model"], disk["serial"]),
                             (smart["model_name"], smart["serial_number"]), name)
            self.assertEqual((summary["storage_type"], summary["storage_gb"]), (kind, size), name)
            self.assertTrue(disk["smart_passed"], name)

    def test_battery_health_from_power_supply(self):
        supplies = {"BAT0": probe.read_key_values(
            os.path.join(DATA, "power-supply-dell-latitude-e5530-bat0.uevent"))}
        self.assertEqual(probe.battery_health(supplies), 36)  # 1,997 of 5,600 mAh

    def test_screen_size_from_edid(self):
        edid = "".join(sample("edid-lg-display-lgd0201.hex").split())
        # an external screen on another connector does not count
        self.assertEqual(probe.screen_inches({"card0-HDMI-A-1": "00" * 128,
                                              "card0-eDP-1": edid}), 14.0)

    def test_this_machine(self):
        """The CI machine: a virtual machine without DMI, a virtio disk
        without SMART; lsblk says which disk and how big."""
        summary = probe.summarize({
            "lshw": sample("lshw-workshop-vm.json"), "lsblk": sample("lsblk-workshop-vm.json"),
            "smartctl": {"/dev/vda": sample("smartctl-workshop-vm-vda.json")}})
        self.assertEqual(summary["processor"], "AMD EPYC")
        self.assertEqual(summary["ram_gb"], 24.0)
        self.assertEqual([(disk["path"], disk["size_bytes"]) for disk in summary["disks"]],
                         [("/dev/vda", 274877906944)])
        self.assertIsNone(summary["manufacturer"])

    def test_placeholders_of_firmwares_are_not_values(self):
        for junk in ("To Be Filled By O.E.M.", "System Serial Number", "0000000", "Default string"):
            self.assertIsNone(probe.clean(junk), junk)
        self.assertEqual(probe.clean(" ThinkPad  T440 "), "ThinkPad T440")
