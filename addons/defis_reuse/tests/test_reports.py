# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError

from .common import ReuseCase


class TestReuseReports(ReuseCase):

    @classmethod
    def set_up_reuse_data(cls):
        cls.intake = cls.create_intake([
            (cls.cat_laptop, 2, 4.4, ["PF-1234", "PF-5678"]),
            (cls.cat_printer, 3, 21.0),
        ], date="2018-04-09")
        cls.intake.action_validate()
        cls.lots = cls.intake.lot_ids
        cls.lots.write({"defis_brand": "Lenovo", "defis_model": "ThinkPad T440",
                        "defis_processor": "Core i5", "defis_ram_gb": 8})

    def test_donation_receipt(self):
        text = self.pdf_text("defis_reuse.action_report_defis_intake_donation", self.intake)
        for expected in ("Attestation de don", self.intake.name, "Lorient Agglomération",
                         "Défis", "Lanester", "09/04/2018", "Ordinateur portable",
                         "Imprimante", "25,40", "Signature et cachet"):
            self.assertIn(expected, text)

    def test_erasure_certificate_per_batch(self):
        with self.assertRaises(UserError):
            self.intake.action_print_erasure_certificate()
        self.lots.action_defis_refurbish()
        self.erase(self.lots[0])
        self.erase(self.lots[1], result="failure")
        action = self.intake.sudo(self.technician).action_print_erasure_certificate()
        self.assertEqual(action["report_name"], "defis_reuse.report_defis_erasure")
        text = self.pdf_text("defis_reuse.action_report_defis_erasure", self.lots)
        for expected in ("Certificat d'effacement des données", "Lorient Agglomération",
                         self.lots[0].name, self.lots[1].name, "PF-1234", "NIST SP 800-88 r1",
                         "nwipe 0.34", "Réussite", "Échec", "Passes de réécriture"):
            self.assertIn(expected, text)
        single = self.lots[0].sudo(self.technician).action_defis_print_erasure()
        self.assertEqual(single["context"]["active_ids"], self.lots[0].ids)

    def test_asset_labels(self):
        lots = self.lots
        lots[0].defis_grade_id = self.grade_a
        text = self.pdf_text("defis_reuse.action_report_defis_asset_label", lots)
        for lot in lots:
            self.assertIn(lot.name, text)
        self.assertIn("Ordinateur portable - Grade A", text)
        self.assertIn("Lenovo / ThinkPad T440 / Core i5 / 8 Go", text)
        self.assertEqual(text.count("\f"), 2)  # one page per label
