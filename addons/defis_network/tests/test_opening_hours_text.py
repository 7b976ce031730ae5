# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests.common import TransactionCase


class TestOpeningHoursText(TransactionCase):
    """Opening hours in the OpenStreetMap syntax, as people read them."""

    def lines(self, text, lang="fr_FR"):
        partner = self.env["res.partner"].create({"name": "Lieu", "defis_opening_hours": text})
        return partner.with_context(lang=lang)._defis_opening_hours_lines()

    def test_in_french(self):
        self.assertEqual(self.lines("Mo-Fr 09:00-12:00,13:30-17:30; Sa 09:00-12:00; PH off"), [
            "Du lundi au vendredi : 9 h – 12 h et 13 h 30 – 17 h 30",
            "Samedi : 9 h – 12 h",
            "Jours fériés : fermé",
        ])
        self.assertEqual(self.lines("Mo,Th 14:00-17:00"), ["Lundi, jeudi : 14 h – 17 h"])
        self.assertEqual(self.lines("24/7"), ["Tous les jours : 0 h – 24 h"])

    def test_in_english_and_without_hours(self):
        self.assertEqual(self.lines("Tu-We 08:30-12:00", lang="en_US"),
                         ["From Tuesday to Wednesday: 8:30 – 12:00"])
        self.assertEqual(self.env["res.partner"].create(
            {"name": "Lieu"})._defis_opening_hours_lines(), [])
