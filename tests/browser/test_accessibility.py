"""The public pages, read on a phone 360 pixels wide: no critical or serious
violation of WCAG 2.0/2.1 A and AA found by axe-core, and zoom allowed."""
from odoo.addons.defis_training.tests.common import create_upcoming_run, create_web_programme

from .chrome import ChromeCase, in_browser_turn


class TestPublicPagesAccessible(ChromeCase):

    window_size = (360, 740)

    def setUp(self):
        super().setUp()
        self.env.ref("website.default_website").company_id.phone = "02 97 12 34 56"
        programme = create_web_programme(self.env, "Numérique au quotidien (accessibilité)")
        self.course = create_upcoming_run(self.env, programme, seats=3,
                                          name="Découvrir l'ordinateur")
        self.last_seat = create_upcoming_run(self.env, programme, seats=1,
                                             name="Internet pas à pas", days=10)
        self.emulate_phone(*self.window_size)

    def check_page(self, name):
        self.assert_zoom_allowed()
        self.assertLessEqual(self.browser.execute_script(
            "return document.documentElement.scrollWidth"), self.window_size[0])
        self.screenshot("a11y-%s" % name)
        return self.assert_accessible()

    @in_browser_turn
    def register(self, name, phone):
        self.fill("#defis_reg_name", name)
        self.fill("#defis_reg_phone", phone)
        self.click(".o_defis_register_submit")

    def test_course_pages(self):
        self.open("/formations")
        self.wait_for(".o_defis_programme")
        self.check_page("formations")

        self.click("a.o_defis_run[href*='decouvrir']")
        self.wait_for("form.o_defis_registration_form")
        self.check_page("run")

        self.register("Maël Tanguy", "0612")
        self.wait_for(".o_defis_form_error")
        self.assertEqual(self.wait_for("#defis_reg_phone").get_attribute("aria-invalid"), "true")
        self.check_page("form-errors")

        self.open("/formations")
        self.click("a.o_defis_run[href*='internet-pas-a-pas']")
        self.wait_for("form.o_defis_registration_form")
        self.last_seat._defis_register({"name": "Anne Le Bihan", "phone": "0297123456"})
        self.register("Maël Tanguy", "06 12 34 56 78")
        self.wait_for(".o_defis_full_refused")
        self.check_page("full")

    def test_site_pages(self):
        self.open("/")
        self.wait_for(".o_defis_home")
        self.check_page("home")
        self.open("/contactus")
        self.wait_for("#o_contact_mail")
        self.check_page("contact")
        self.open("/confidentialite")
        self.wait_for(".o_defis_privacy")
        self.check_page("privacy")
        self.open("/event")
        self.wait_for("#wrap")
        self.check_page("events")
