"""The public pages, read on a phone 360 pixels wide: no critical or serious
violation of WCAG 2.0/2.1 A and AA found by axe-core, and zoom allowed."""
from odoo.addons.defis_reuse.tests.common_probe import passport_device

from .test_training_portal import TrainingPortalCase


class TestPublicPagesAccessible(TrainingPortalCase):

    window_size = (360, 740)

    def setUp(self):
        super().setUp()
        self.env.ref("website.default_website").company_id.phone = "02 97 12 34 56"

    def check_page(self, name):
        self.assert_zoom_allowed()
        self.assert_fits_the_phone()
        self.screenshot("a11y-%s" % name)
        return self.assert_accessible()

    def test_course_pages(self):
        self.open("/formations")
        self.wait_for(".o_defis_programme")
        self.check_page("formations")

        self.click("a.o_defis_run[href*='decouverte']")
        self.wait_for("form.o_defis_registration_form")
        self.check_page("run")

        self.register("Maël Tanguy", "0612")
        self.wait_for(".o_defis_form_error")
        self.assertEqual(self.wait_for("#defis_reg_phone").get_attribute("aria-invalid"), "true")
        self.check_page("form-errors")

        self.open("/formations")
        self.click("a.o_defis_run[href*='internet-pas-a-pas']")
        self.wait_for("form.o_defis_registration_form")
        self.last_seat_course._defis_register({"name": "Anne Le Bihan", "phone": "0297123456"})
        self.register("Maël Tanguy", "06 12 34 56 78")
        self.wait_for(".o_defis_full_refused")
        self.check_page("full")

    def test_site_pages(self):
        for path, ready, name in (("/", ".o_defis_home", "home"),
                                  ("/contactus", "#o_contact_mail", "contact"),
                                  ("/confidentialite", ".o_defis_privacy", "privacy"),
                                  ("/event", "#wrap", "events")):
            self.open(path)
            self.wait_for(ready)
            self.check_page(name)

    def test_device_passport(self):
        """The page a household opens from the QR label of its device."""
        device = passport_device(self.env, "a11y")
        self.open("/appareil/%s" % device.defis_passport_token)
        self.wait_for(".o_passport_badge")
        self.check_page("passport")
