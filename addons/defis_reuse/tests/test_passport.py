# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The device passport, served by the running Odoo to an anonymous visitor:
what the decree on « reconditionné » asks for, nothing about the persons
involved, « appareil inconnu » otherwise; the label's QR code opens it."""
import uuid

from odoo.tools import config

from odoo.addons.defis_network.tests.common import DefisHttpCase

from .common import sell_device
from .common_probe import decode_qr_codes, ready_device


def label_pdf(env, lot):
    """The asset label as wkhtmltopdf prints it (on the test cursor of an
    HTTP test, Odoo's report returns its HTML instead)."""
    report = env.ref("defis_reuse.action_report_defis_asset_label").with_context(lang="fr_FR")
    html = report.render_qweb_html(lot.ids)[0].decode("utf-8")
    bodies, _ids, header, footer, paperformat = report._prepare_html(html)
    return report._run_wkhtmltopdf(bodies, header=header, footer=footer,
                                   specific_paperformat_args=paperformat)


class TestPassport(DefisHttpCase):

    def setUp(self):
        super().setUp()
        env = self.env
        env.user.company_id.write({"phone": "02 97 76 09 43", "email": "contact@defis.info",
                                   "street": "2 rue Jean Jaurès", "zip": "56600",
                                   "city": "Lanester"})
        self.donor = env["res.partner"].create({
            "name": "Mutuelle Donatrice du Morbihan", "is_company": True})
        self.household = env["res.partner"].create({
            "name": "Famille Kerjean-Lozac'h", "defis_is_household": True,
            "email": "kerjean@exemple.fr", "phone": "06 11 22 33 44"})
        self.operator = env["res.users"].with_context(no_reset_password=True).create({
            "name": "Gwendal Effaceur", "login": "gwendal.effaceur",
            "email": "gwendal@defis.example",
            "groups_id": [(6, 0, [env.ref("defis_reuse.group_defis_technician").id])]})
        self.lot = ready_device(env, self.donor, self.operator, defis_brand="Lenovo",
                                defis_model="ThinkPad T440", defis_processor="Intel Core i5-4300U",
                                defis_ram_gb=8, defis_storage_gb=240, defis_storage_type="ssd",
                                ref="PF-SERIE-PRIVEE", defis_battery_health=82)
        sell_device(self.lot, self.household, "2018-05-31")

    def passport(self, lot=None, token=None):
        return self.url_open("/appareil/%s" % (token or (lot or self.lot).defis_passport_token))

    def test_passport_tells_what_a_buyer_is_owed(self):
        page = self.passport()
        self.assertEqual(page.status_code, 200)
        text = page.text
        for expected in ("Lenovo ThinkPad T440", "Catégorie", "Ordinateur portable", "Grade A",
                         "Processeur", "Mémoire", "Stockage", "Batterie", "Appareil reconditionné",
                         "Reconditionné le",
                         self.lot.defis_check_ids[0].with_context(lang="fr_FR").name,
                         "Passes de réécriture, NIST SP 800-88 Rev. 1 — Clear, le 20/03/2018",
                         "<title>Lenovo ThinkPad T440 : passeport de l'appareil</title>",
                         "Garantie jusqu'au 30/11/2018", "Intel Core i5-4300U", "8 Go",
                         "240 Go SSD", "82 % de sa capacité d'origine",
                         self.env.user.company_id.name, "02 97 76 09 43", "contact@defis.info",
                         "décret du 17 février 2022"):
            self.assertIn(expected, text)
        self.assertEqual(len(self.lot.defis_passport_token), 32)
        self.assertNotIn(self.lot.name, page.url)

    def test_passport_holds_no_personal_data(self):
        text = self.passport().text
        for secret in ("Mutuelle Donatrice", "Kerjean", "kerjean@exemple.fr", "06 11 22 33 44",
                       "Gwendal", "effaceur", self.lot.defis_intake_id.name, self.lot.name,
                       "PF-SERIE-PRIVEE", "31/05/2018"):
            self.assertNotIn(secret, text)

    def test_passport_needs_no_javascript(self):
        page = self.passport()
        self.assertNotIn("<script", page.text)
        self.assertIn('name="viewport" content="width=device-width, initial-scale=1"', page.text)
        self.assertNotIn("user-scalable", page.text)
        self.assertEqual(page.headers["Referrer-Policy"], "no-referrer")

    def test_unknown_token_shows_only_unknown_device(self):
        for token in (uuid.uuid4().hex, "DEF-2018-00001", "abc", "0" * 200):
            page = self.passport(token=token)
            self.assertEqual(page.status_code, 404, token)
            self.assertIn("Appareil inconnu", page.text)
            self.assertNotIn(self.env.user.company_id.name, page.text)

    def test_device_not_ready_or_recycled_is_unknown(self):
        lot = self.lot
        lot.action_defis_refurbish()  # back to the workshop
        self.assertEqual(self.passport(lot).status_code, 404)
        lot.action_defis_recycle()
        page = self.passport(lot)
        self.assertEqual(page.status_code, 404)
        self.assertNotIn("ThinkPad", page.text)

    def test_label_qr_code_opens_the_passport(self):
        parameters = self.env["ir.config_parameter"]
        base = "http://127.0.0.1:%d" % config["http_port"]
        parameters.set_param("web.base.url", base)
        # the barcode images the label fetches are not needed here: an address
        # that answers at once keeps wkhtmltopdf off this test's own server
        parameters.set_param("report.url", "http://127.0.0.1:9")
        codes = decode_qr_codes(label_pdf(self.env, self.lot))
        self.assertEqual(codes, ["%s/appareil/%s" % (base, self.lot.defis_passport_token)])
        page = self.url_open(codes[0])
        self.assertEqual(page.status_code, 200)
        self.assertIn("Lenovo ThinkPad T440", page.text)
