"""A structure's form as the staff see it: phones in national format, the
structure's tags by their short name, a bad number refused in French."""
from .chrome import ChromeCase


class TestContactForm(ChromeCase):

    def setUp(self):
        super().setUp()
        self.create_user("Camille Le Goff", "camille.contact", "defis_network.group_defis_manager")
        self.structure = self.env["res.partner"].create({
            "name": "CCAS de Lanester (navigateur)", "is_company": True,
            "defis_structure_type_id": self.env.ref("defis_network.structure_type_ccas").id,
            "defis_affiliation_date": "2018-03-01", "country_id": self.env.ref("base.fr").id,
            "defis_phone_display": "+33297679166"})
        self.env["res.partner"].create({
            "name": "Anne Le Bihan (navigateur)", "parent_id": self.structure.id,
            "defis_mobile_display": "06 12 34 56 78"})

    def open_form(self):
        self.login("camille.contact", "camille.contact-1")
        self.open("/web#id=%d&model=res.partner&view_type=form" % self.structure.id)
        self.wait_for(".o_form_view .o_field_widget[name=defis_phone_display]")
        self.wait_for_idle()

    def test_national_phones_and_short_tags(self):
        self.open_form()
        self.assertEqual(self.structure.phone, "+33297679166")
        self.assertEqual(self.text(".o_form_view .o_field_widget[name=defis_phone_display]"),
                         "02 97 67 91 66")
        form = self.text(".o_form_view")
        self.assertNotIn("+33297679166", form)
        self.assertIn("06 12 34 56 78", form)
        self.assertEqual(self.texts(".o_form_view .o_field_many2manytags .badge"), ["CCAS"])
        self.screenshot("contact-form-structure")

    def test_bad_number_refused_in_french(self):
        self.open_form()
        self.click(".o_form_button_edit")
        self.fill(".o_form_view input[name=defis_phone_display]", "02 97 12")
        self.click(".o_form_button_save")
        self.assertIn("n'est pas valide", self.text(".modal-dialog .modal-body"))
        self.assertEqual(self.structure.phone, "+33297679166")
        # the web client logs the server's refusal: the one error expected here
        self.collect_console()
        refusals = [error for error in self.console_errors
                    if "odoo.exceptions.ValidationError" in error]
        self.assertTrue(refusals)
        self.console_errors = [error for error in self.console_errors if error not in refusals]
