"""A referent of a network structure refers a person from the portal, on a phone-sized window."""
from selenium.webdriver.support.ui import Select

from odoo.addons.defis_network.tests.common import create_portal_user, create_structure

from .chrome import ChromeCase, in_browser_turn


class TestPortalReferral(ChromeCase):

    window_size = (390, 844)

    def setUp(self):
        super().setUp()
        self.structure = create_structure(self.env, "CCAS de Lanester")
        create_portal_user(self.env, "referente.ccas", "Anne Le Bihan", parent=self.structure)
        # headless Chromium keeps windows at least 500 pixels wide: emulate the phone's viewport
        width, height = self.window_size
        self.browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})
        # a browser fills the form in faster than a person: no minimum delay here
        self.env["ir.config_parameter"].set_param("defis_network.form_min_seconds", "0")

    @in_browser_turn
    def portal_login(self, path):
        self.open("/web/login?redirect=%s" % path)
        self.fill("input[name=login]", "referente.ccas")
        self.fill("input[name=password]", "referente.ccas-pw")
        self.click("form.oe_login_form button[type=submit]")

    @in_browser_turn
    def fill_referral(self, name, phone, service, reason):
        self.fill("#defis_referral_name", name)
        self.fill("#defis_referral_phone", phone)
        Select(self.wait_for("#defis_referral_service")).select_by_value(service)
        self.fill("#defis_referral_reason", reason)
        if not self.wait_for("input[name=consent]").is_selected():
            self.click("input[name=consent]")
        self.click(".o_defis_referral_submit")

    def test_refer_a_person_then_a_bad_phone(self):
        self.portal_login("/my/referrals/new")
        self.wait_for("form.o_defis_referral_form")
        # the form fits the width of the phone
        self.assertEqual(self.browser.execute_script("return window.innerWidth"), 390)
        self.assertLessEqual(self.browser.execute_script(
            "return document.documentElement.scrollWidth"), 390)
        self.fill_referral("Yann Guégan", "06 12 34 56 78", "training",
                           "Premiers pas avec l'ordinateur.")
        self.wait_for(".o_defis_referral_confirmation")
        referral = self.env["defis.referral"].search([("structure_id", "=", self.structure.id)])
        self.assertEqual(len(referral), 1)
        self.assertIn(referral.name, self.text(".o_defis_referral_confirmation h4"))
        self.screenshot("portal-referral-confirmation")

        self.click("a[href='/my/referrals/new']")
        self.fill_referral("Maël Tanguy", "0612", "equipment_purchase", "Ordinateur portable.")
        error = self.text(".o_defis_field_error[data-field=phone]")
        self.assertIn("Ce numéro de téléphone n'est pas valide", error)
        self.assertEqual(self.wait_for("#defis_referral_name").get_attribute("value"),
                         "Maël Tanguy")
        self.assertEqual(len(self.find_all(".has-error #defis_referral_phone")), 1)
        self.assertEqual(
            self.env["defis.referral"].search_count([("structure_id", "=", self.structure.id)]),
            1)
        self.screenshot("portal-referral-bad-phone")
