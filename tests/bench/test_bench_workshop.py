"""The workshop's instruments.

1. Filing 100 probe snapshots of a real laptop (lshw of an HP ProBook, each
   with its own serial numbers), as the station sends them, against the
   same specification fields written on the same 100 devices through the
   ORM (what typing them in the form amounts to, without the typing).
2. The public device passport (/appareil/<token>) against Odoo's stock
   /event page, N anonymous GETs each, served by the Odoo of the test run
   (a device of the demo: the pages read committed data, nothing is written).
"""
import copy
import json
import os

from odoo.addons.defis_reuse.tools import probe

from .harness import BenchCase, PageBenchCase

DEVICES = 100
REQUESTS = 20
SAMPLE = os.path.join(os.path.dirname(__file__), "..", "..", "addons", "defis_reuse", "tests",
                      "data", "lshw-hp-probook-430-g4.json")


class TestBenchWorkshop(BenchCase):

    def setUp(self):
        super().setUp()
        self.env = self.env(context=dict(self.env.context, mail_notrack=True))
        intake = self.env["defis.intake"].create({
            "partner_id": self.env.ref("base.main_partner").id, "date": "2018-06-01",
            "line_ids": [(0, 0, {
                "category_id": self.env.ref("defis_reuse.device_category_laptop").id,
                "quantity": DEVICES, "weight_kg": 2.2 * DEVICES})]})
        intake.action_validate()
        self.lots = intake.lot_ids
        with open(SAMPLE, encoding="utf-8") as data:
            lshw = json.load(data)
        self.snapshots = []
        for index, lot in enumerate(self.lots):
            raw = copy.deepcopy(lshw)
            raw["serial"] = "BENCH%05d" % index
            raw["children"][0]["children"][-1]["children"][0]["serial"] = "DISK%05d" % index
            self.snapshots.append(probe.build_snapshot(lot.name, {"lshw": raw}, []))
        self.values = [{
            "defis_brand": "HP", "defis_model": "ProBook 430 G4", "ref": "BENCH%05d" % index,
            "defis_processor": "Intel Core i5-7200U @ 2.50GHz", "defis_ram_gb": 8.0,
            "defis_storage_gb": 256,
        } for index in range(DEVICES)]

    def file_snapshots(self):
        Snapshot = self.env["defis.device.snapshot"]
        for snapshot in self.snapshots:
            Snapshot.import_snapshot(copy.deepcopy(snapshot))
        assert self.lots[-1].defis_model == "ProBook 430 G4"

    def write_fields(self):
        for lot, values in zip(self.lots, self.values):
            lot.write(values)
        assert self.lots[-1].defis_model == "ProBook 430 G4"

    def test_snapshots_vs_orm_writes(self):
        self.compare("workshop: file 100 probe snapshots vs 100 ORM writes of the fields",
                     self.file_snapshots, self.write_fields, DEVICES)


class TestBenchPassport(PageBenchCase):

    repeat = 3
    requests_per_run = REQUESTS

    def setUp(self):
        super().setUp()
        lot = self.env["stock.production.lot"].search(
            [("defis_state", "in", ("ready", "sold", "lent"))], limit=1)
        assert lot, "the benchmark reads a device of the demo"
        self.token = lot.defis_passport_token

    def test_passport_vs_event_list(self):
        self.compare("workshop: device passport vs stock /event (%d GETs)" % REQUESTS,
                     self.getter("/appareil/%s" % self.token, "Données effacées"),
                     self.getter("/event", "id=\"wrap\""), REQUESTS)
