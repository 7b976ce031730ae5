import inspect

from odoo.exceptions import AccessError, ValidationError

from ..tools import phone
from .common import DefisCase


class TestPhoneTools(DefisCase):

    def test_normalised_to_e164(self):
        for typed in ("02 97 12 34 56", "0297123456", "02.97.12.34.56", "+33 2 97 12 34 56",
                      "0033297123456", "+33 (0)2 97 12 34 56"):
            self.assertEqual(phone.to_e164(typed), "+33297123456", typed)
        self.assertEqual(phone.to_e164("020 7946 0958", "GB"), "+442079460958")
        self.assertFalse(phone.to_e164("  "))

    def test_extension_kept(self):
        for typed in ("123456789#34", "01 23 45 67 89 poste 34", "+33123456789;ext=34"):
            self.assertEqual(phone.to_e164(typed), "+33123456789;ext=34", typed)
        self.assertEqual(phone.to_display("+33123456789;ext=34", extension_label="poste"),
                         "01 23 45 67 89 poste 34")

    def test_invalid_numbers_refused(self):
        for typed in ("12", "02 97 12", "abcdef", "+33 2 97 12 34 56 78 90", "00 00 00 00 00"):
            with self.assertRaises(phone.InvalidPhone, msg=typed):
                phone.to_e164(typed)
            self.assertFalse(phone.normalized(typed), typed)

    def test_display_national_for_france(self):
        self.assertEqual(phone.to_display("+33297123456"), "02 97 12 34 56")
        self.assertEqual(phone.to_display("+442079460958"), "+44 20 7946 0958")
        self.assertEqual(phone.to_display("1122334455"), "1122334455")

    def test_search_digits(self):
        self.assertEqual(phone.search_digits("02 97 12"), "3329712")
        self.assertEqual(phone.search_digits("+33 6 12"), "33612")
        self.assertEqual(phone.search_digits("0033 6"), "336")
        self.assertEqual(phone.search_digits("97 12 34"), "971234")


class TestPartnerPhone(DefisCase):

    def test_typed_number_stored_e164_shown_national(self):
        partner = self.create_person("Nolwenn Le Bihan", defis_phone_display="02 97 12 34 56",
                                     defis_mobile_display="06.12.34.56.78")
        self.assertEqual(partner.phone, "+33297123456")
        self.assertEqual(partner.mobile, "+33612345678")
        self.assertEqual(partner.defis_phone_display, "02 97 12 34 56")
        self.assertEqual(partner.defis_mobile_display, "06 12 34 56 78")
        self.assertFalse(partner.defis_phone_to_check)

    def test_written_number_kept_and_normalised_beside(self):
        partner = self.create_person("Erwan Le Goff", phone="02 97 12 34 56")
        self.assertEqual(partner.phone, "02 97 12 34 56")
        self.assertEqual(partner.defis_phone_e164, "+33297123456")
        self.assertEqual(partner.defis_phone_display, "02 97 12 34 56")

    def test_other_country_from_the_contact(self):
        partner = self.create_person("Ronan Smith", country_id=self.env.ref("base.uk").id,
                                     defis_phone_display="020 7946 0958")
        self.assertEqual(partner.phone, "+442079460958")
        self.assertEqual(partner.defis_phone_display, "+44 20 7946 0958")

    def test_country_by_default_reads_the_typed_number(self):
        partner = self.env["res.partner"].with_context(
            default_country_id=self.env.ref("base.uk").id).create(
            {"name": "Ronan Smith", "defis_phone_display": "020 7946 0958"})
        self.assertEqual(partner.phone, "+442079460958")

    def test_number_shown_typed_beside_the_stored_one_is_kept(self):
        partner = self.create_person("Ancien contact", phone="02.97.12.34.56",
                                     defis_phone_display="02 97 12 34 56")
        self.assertEqual(partner.phone, "02.97.12.34.56")

    def test_a_typed_number_costs_no_second_write(self):
        """The number typed at creation is stored by the creation itself:
        as many queries as a creation given the E.164 number."""
        def queries(**values):
            before = self.cr.sql_log_count
            self.create_person("Nolwenn Le Bihan", **values)
            return self.cr.sql_log_count - before

        queries(phone="+33297000000")  # fills the caches
        stored = queries(phone="+33297123456", mobile="+33612345678")
        typed = queries(defis_phone_display="02 97 12 34 57",
                        defis_mobile_display="06 12 34 56 79")
        self.assertLessEqual(typed, stored + 2)

    def test_invalid_number_typed_at_creation_creates_nothing(self):
        count = self.env["res.partner"].search_count([])
        with self.assertRaisesRegex(ValidationError, "n'est pas valide"):
            self.env["res.partner"].with_context(lang="fr_FR").create(
                {"name": "Nolwenn Le Bihan", "defis_mobile_display": "06 12"})
        self.assertEqual(self.env["res.partner"].search_count([]), count)

    def test_who_may_not_create_a_contact_is_told_so_first(self):
        portal = self.env["res.users"].create({
            "name": "Visiteur du portail", "login": "portal.phone@example.org",
            "groups_id": [(6, 0, [self.env.ref("base.group_portal").id])]})
        with self.assertRaises(AccessError):
            self.env["res.partner"].sudo(portal).create(
                {"name": "Nolwenn Le Bihan", "defis_mobile_display": "06 12"})

    def test_invalid_number_typed_refused_in_french(self):
        partner = self.create_person("Nolwenn Le Bihan")
        with self.assertRaisesRegex(ValidationError, "n'est pas valide"):
            partner.with_context(lang="fr_FR").write({"defis_phone_display": "02 97 12"})
        self.assertFalse(partner.phone)

    def test_extension_typed_and_shown(self):
        partner = self.create_person("Accueil CCAS", defis_phone_display="02 97 12 34 56 poste 34")
        self.assertEqual(partner.phone, "+33297123456;ext=34")
        self.assertEqual(partner.with_context(lang="fr_FR").defis_phone_display,
                         "02 97 12 34 56 poste 34")

    def test_extension_written_is_not_lost(self):
        partner = self.create_person("Denis Bladesmith")
        partner.write({"phone": "123456789#34"})
        self.assertEqual(partner.phone, "123456789#34")
        self.assertEqual(partner.defis_phone_e164, "+33123456789;ext=34")

    def test_legacy_number_flagged_never_blocks_a_write(self):
        company = self.create_structure("CCAS de Test", street="1 rue du Port")
        partner = self.create_person("Ancien contact", phone="1122334455")
        self.assertTrue(partner.defis_phone_to_check)
        self.assertIn(partner, self.env["res.partner"].search(
            [("defis_phone_to_check", "=", True)]))
        # the address of the company synced to its contact, a rename, and a
        # form saving the number shown unchanged
        partner.write({"parent_id": company.id, "type": "contact"})
        company.write({"street": "2 rue du Port"})
        self.assertEqual(partner.street, "2 rue du Port")
        partner.write({"name": "Ancien contact (vu)", "defis_phone_display": "1122334455"})
        self.assertEqual(partner.phone, "1122334455")
        # a valid number typed in clears the flag
        partner.defis_phone_display = "02 97 12 34 56"
        self.assertFalse(partner.defis_phone_to_check)

    def test_edit_through_the_display_field(self):
        partner = self.create_person("Nolwenn Le Bihan")
        partner.defis_phone_display = "02 97 76 81 00"
        self.assertEqual(partner.phone, "+33297768100")
        partner.defis_phone_display = ""
        self.assertFalse(partner.phone)

    def test_search_in_any_format(self):
        partner = self.create_person("Erwan Le Goff", defis_phone_display="02 97 12 34 56",
                                     mobile="06 12 34 56 78")
        partners = self.env["res.partner"]
        for typed in ("02 97 12 34 56", "0297123456", "+33297123456", "+33 2 97 12",
                      "97 12 34", "02.97.12", "06 12 34"):
            self.assertIn(partner, partners.search([("defis_phone_search", "ilike", typed)]),
                          typed)
        self.assertNotIn(partner, partners.search([("defis_phone_search", "ilike", "02 98 12")]))

    def test_contact_searches_are_not_rewritten(self):
        """No add-on of the suite overrides the search of every contact."""
        for cls in type(self.env["res.partner"]).__mro__:
            if "_search" in vars(cls):
                self.assertFalse(inspect.getmodule(cls).__name__.startswith(
                    "odoo.addons.defis_"), cls)
