from odoo.exceptions import ValidationError

from ..tools import phone
from .common import DefisCase


class TestPhoneTools(DefisCase):

    def test_normalised_to_e164(self):
        for typed in ("02 97 12 34 56", "0297123456", "02.97.12.34.56", "+33 2 97 12 34 56",
                      "0033297123456", "+33 (0)2 97 12 34 56"):
            self.assertEqual(phone.to_e164(typed), "+33297123456", typed)
        self.assertEqual(phone.to_e164("020 7946 0958", "GB"), "+442079460958")
        self.assertFalse(phone.to_e164("  "))

    def test_invalid_numbers_refused(self):
        for typed in ("12", "02 97 12", "abcdef", "+33 2 97 12 34 56 78 90", "00 00 00 00 00"):
            with self.assertRaises(phone.InvalidPhone, msg=typed):
                phone.to_e164(typed)

    def test_display_national_for_france(self):
        self.assertEqual(phone.to_display("+33297123456"), "02 97 12 34 56")
        self.assertEqual(phone.to_display("+442079460958"), "+44 20 7946 0958")

    def test_search_digits(self):
        self.assertEqual(phone.search_digits("02 97 12"), "332971 2".replace(" ", ""))
        self.assertEqual(phone.search_digits("+33 6 12"), "33612")
        self.assertEqual(phone.search_digits("0033 6"), "336")
        self.assertEqual(phone.search_digits("97 12 34"), "971234")


class TestPartnerPhone(DefisCase):

    def test_stored_e164_shown_national(self):
        partner = self.create_person("Nolwenn Le Bihan", phone="02 97 12 34 56",
                                     mobile="06.12.34.56.78")
        self.assertEqual(partner.phone, "+33297123456")
        self.assertEqual(partner.mobile, "+33612345678")
        self.assertEqual(partner.defis_phone_display, "02 97 12 34 56")
        self.assertEqual(partner.defis_mobile_display, "06 12 34 56 78")

    def test_other_country_from_the_contact(self):
        partner = self.create_person("Ronan Smith", country_id=self.env.ref("base.uk").id,
                                     phone="020 7946 0958")
        self.assertEqual(partner.phone, "+442079460958")
        self.assertEqual(partner.defis_phone_display, "+44 20 7946 0958")

    def test_invalid_number_refused_in_french(self):
        partner = self.create_person("Nolwenn Le Bihan")
        with self.assertRaisesRegex(ValidationError, "n'est pas valide"):
            partner.with_context(lang="fr_FR").write({"phone": "02 97 12"})
        self.assertFalse(partner.phone)

    def test_edit_through_the_display_field(self):
        partner = self.create_person("Nolwenn Le Bihan")
        partner.defis_phone_display = "02 97 76 81 00"
        self.assertEqual(partner.phone, "+33297768100")

    def test_search_in_any_format(self):
        partner = self.create_person("Erwan Le Goff", phone="02 97 12 34 56",
                                     mobile="06 12 34 56 78")
        partners = self.env["res.partner"]
        for typed in ("02 97 12 34 56", "0297123456", "+33297123456", "+33 2 97 12",
                      "97 12 34", "02.97.12"):
            self.assertIn(partner, partners.search([("phone", "ilike", typed)]), typed)
        self.assertIn(partner, partners.search([("mobile", "ilike", "06 12 34")]))
        self.assertNotIn(partner, partners.search([("phone", "ilike", "02 98 12")]))
