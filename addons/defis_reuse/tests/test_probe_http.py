# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The probe sends its snapshot to the running Odoo with the workshop
station's account, a technician; anyone else is refused."""
import json
import os
import tempfile

import requests

from odoo.tools import config

from odoo.addons.defis_network.tests.common import DefisHttpCase, create_portal_user
from odoo.addons.defis_reuse.tools import PROBE_PATH

from .common_probe import LoopDevice, run_probe, sample, sample_snapshot


class TestProbeHttp(DefisHttpCase):

    def setUp(self):
        super().setUp()
        env = self.env
        self.url = "http://127.0.0.1:%d" % config["http_port"]
        self.station = env["res.users"].with_context(no_reset_password=True).create({
            "name": "Poste atelier 1", "login": "poste-atelier-1", "password": "poste-1",
            "email": "poste-atelier-1@defis.example",
            "lang": "fr_FR",
            "groups_id": [(6, 0, [env.ref("defis_reuse.group_defis_technician").id])]})
        self.portal = create_portal_user(env, "curieux", "Curieux du portail")
        intake = env["defis.intake"].create({
            "partner_id": env.ref("base.main_partner").id, "date": "2018-03-15",
            "place": "Lanester", "line_ids": [(0, 0, {
                "category_id": env.ref("defis_reuse.device_category_laptop").id,
                "quantity": 1, "weight_kg": 2.0})]})
        intake.action_validate()
        self.lot = intake.lot_ids
        self.lot.action_defis_refurbish()

    def station_args(self, login):
        return ["--url", self.url, "--database", self.env.cr.dbname, "--login", login,
                "--config", "/nonexistent"]

    def send(self, snapshot, login, password):
        with tempfile.NamedTemporaryFile("w", suffix=".json") as data:
            json.dump(snapshot, data)
            data.flush()
            return self._while_requests_run(
                run_probe, ["send", data.name] + self.station_args(login),
                env={"DEFIS_PROBE_PASSWORD": password})

    def test_probe_erases_and_sends_with_the_station_account(self):
        folder = tempfile.mkdtemp(prefix="defis-probe-out-")
        with LoopDevice() as loop:
            done = self._while_requests_run(
                run_probe, ["erase", "--asset-tag", self.lot.name, "--disk", loop.path,
                            "--out", folder, "--send"] + self.station_args("poste-atelier-1"),
                stdin="%s\n" % self.lot.name, env={"DEFIS_PROBE_PASSWORD": "poste-1"})
        self.assertEqual(done.returncode, 0, done.stderr.decode())
        output = done.stdout.decode()
        self.assertIn("relevé enregistré", output.lower())
        self.assertIn("Effacement du disque", output)
        erasure = self.lot.defis_erasure_ids
        self.assertEqual((erasure.result, erasure.user_id), ("success", self.station))
        self.assertEqual(self.lot.defis_state, "erased")
        self.assertTrue(os.listdir(folder))  # the copy left on the stick

    def test_portal_user_and_bad_password_are_refused(self):
        snapshot = sample_snapshot(self.lot.name, lshw=sample("lshw-hp-probook-430-g4.json"))
        done = self.send(snapshot, "curieux", "curieux-pw")
        self.assertEqual(done.returncode, 1)
        self.assertIn("technicien", done.stderr.decode())
        done = self.send(snapshot, "poste-atelier-1", "mauvais")
        self.assertEqual(done.returncode, 1)
        self.assertIn("refusé", done.stderr.decode())
        self.assertFalse(self.lot.defis_snapshot_ids)
        self.assertFalse(self.lot.defis_brand)

    def test_anonymous_is_refused(self):
        snapshot = sample_snapshot(self.lot.name, lshw=sample("lshw-hp-probook-430-g4.json"))
        answer = self._while_requests_run(
            requests.post, self.url + "/defis/probe/snapshot", timeout=30, json={
                "jsonrpc": "2.0", "method": "call", "params": {"snapshot": snapshot}}).json()
        self.assertEqual(answer["error"]["data"]["name"], "odoo.http.SessionExpiredException")
        self.assertFalse(self.lot.defis_snapshot_ids)

    def test_only_a_technician_downloads_the_probe(self):
        self.authenticate("poste-atelier-1", "poste-1")
        page = self.url_open("/defis/probe/download")
        self.assertEqual(page.status_code, 200)
        with open(PROBE_PATH, "rb") as script:
            self.assertEqual(page.content, script.read())
        self.assertIn("defis-probe", page.headers["Content-Disposition"])
        self.authenticate("curieux", "curieux-pw")
        self.assertEqual(self.url_open("/defis/probe/download").status_code, 403)
