"""A visitor registers to a course run from a phone, without an account."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from odoo.addons.defis_network.tests.common import create_referral, create_structure
from odoo.addons.defis_training.tests.common import create_upcoming_run, create_web_programme

from .chrome import ChromeCase, in_browser_turn


class TrainingPortalCase(ChromeCase):
    """A visitor on a phone, two course runs open: one of 3 seats, one of 1."""

    window_size = (390, 844)
    programme_name = "Numérique au quotidien (navigateur)"

    def setUp(self):
        super().setUp()
        programme = create_web_programme(self.env, self.programme_name)
        self.course = create_upcoming_run(self.env, programme, seats=3,
                                          name="Découverte de l'ordinateur")
        self.last_seat_course = create_upcoming_run(self.env, programme, seats=1,
                                                    name="Internet pas à pas", days=10)
        # a browser fills the form in faster than a person: no minimum delay here
        self.env["ir.config_parameter"].set_param("defis_network.form_min_seconds", "0")
        self.emulate_phone(*self.window_size)

    @in_browser_turn
    def register(self, name, phone):
        self.fill("#defis_reg_name", name)
        self.fill("#defis_reg_phone", phone)
        if not self.wait_for("input[name=consent]").is_selected():
            self.click("input[name=consent]")
        self.click(".o_defis_register_submit")

    def assert_fits_the_phone(self):
        width = self.window_size[0]
        self.assertEqual(self.browser.execute_script("return window.innerWidth"), width)
        self.assertLessEqual(self.browser.execute_script(
            "return document.documentElement.scrollWidth"), width)


class TestTrainingPortal(TrainingPortalCase):

    def programme_text(self):
        """The list's block of this test's programme (the demo has others)."""
        blocks = [text for text in self.texts(".o_defis_programme")
                  if self.programme_name in text]
        self.assertEqual(len(blocks), 1)
        return blocks[0]

    def registrations(self, course):
        return self.env["event.registration"].search([("event_id", "=", course.id)])

    def test_register_then_a_bad_phone(self):
        self.open("/formations")
        self.assertIn("3 places restantes", self.programme_text())
        self.assertIn("1 place restante", self.programme_text())
        self.assert_fits_the_phone()
        self.click("a.o_defis_run[href*='decouverte']")
        self.wait_for("form.o_defis_registration_form")
        self.assertEqual(len(self.texts(".o_defis_sittings li")), 2)
        self.assert_fits_the_phone()

        self.register("Maël Tanguy", "0612")
        error = self.text(".o_defis_field_error[data-field=phone]")
        self.assertIn("Ce numéro de téléphone n'est pas valide", error)
        self.assertEqual(len(self.find_all(".has-error #defis_reg_phone")), 1)
        self.assertEqual(self.wait_for("#defis_reg_name").get_attribute("value"), "Maël Tanguy")
        self.assertFalse(self.registrations(self.course))
        self.screenshot("training-portal-bad-phone")

        self.register("Maël Tanguy", "06 12 34 56 78")
        self.assertIn("votre inscription est confirmée", self.text(".o_defis_registration_done"))
        registration = self.registrations(self.course)
        self.assertEqual(len(registration), 1)
        self.assertEqual(registration.phone, "+33612345678")
        self.assertEqual(registration.defis_source, "portal")
        self.assertIn("2 places restantes", self.text(".o_defis_run_name"))
        self.assert_fits_the_phone()
        self.screenshot("training-portal-registered")

    def test_full_course_refuses_politely(self):
        self.open("/formations")
        self.click("a.o_defis_run[href*='internet-pas-a-pas']")
        self.wait_for("form.o_defis_registration_form")
        # someone takes the last seat while the visitor types
        self.last_seat_course._defis_register({"name": "Anne Le Bihan", "phone": "0297123456"})
        self.register("Maël Tanguy", "06 12 34 56 78")
        refusal = self.text(".o_defis_full_refused")
        self.assertIn("Désolé, cette formation est complète", refusal)
        self.assertIn("vous n'êtes pas inscrit(e)", refusal)
        self.assertEqual(self.registrations(self.last_seat_course).mapped("name"),
                         ["Anne Le Bihan"])
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Maël Tanguy")]))
        self.assert_fits_the_phone()
        self.screenshot("training-portal-full")

        self.open("/formations")
        self.assertIn("Complet", self.programme_text())
        self.click("a.o_defis_run[href*='internet-pas-a-pas']")
        self.assertIn("Cette formation est complète", self.text(".o_defis_full"))
        self.assertFalse(self.find_all("form.o_defis_registration_form"))


class TestReferralToRegistration(ChromeCase):
    """Staff turn a referral to a training into a registration, in the backend."""

    def setUp(self):
        super().setUp()
        user = self.create_user("Camille Le Goff", "camille.accueil",
                                "defis_network.group_defis_user")
        user.email = "camille.accueil@defis.example"
        programme = create_web_programme(self.env, "Démarches en ligne (navigateur)")
        self.course = create_upcoming_run(self.env, programme, seats=4, name="Mes démarches CAF")
        structure = create_structure(self.env, "CCAS de Lanester (navigateur)")
        self.referral = create_referral(self.env, structure, "Louise Le Goff")
        self.referral.person_id.phone = "02 97 76 00 00"

    @in_browser_turn
    def wait_for_text(self, css, text):
        WebDriverWait(self.browser, self.timeout).until(
            ec.text_to_be_present_in_element((By.CSS_SELECTOR, css), text))

    def test_register_the_person_referred(self):
        self.login("camille.accueil", "camille.accueil-1")
        self.open("/web#id=%d&model=defis.referral&view_type=form" % self.referral.id)
        self.click(".o_form_statusbar button.o_defis_training_register")
        self.fill(".modal .o_field_many2one[name=event_id] input", "Mes démarches")
        self.click(".ui-autocomplete li:first-child a")
        self.wait_for_text(".modal .o_field_widget[name=seats_left]", "4")
        self.screenshot("training-register-wizard")
        self.click(".modal-footer button.o_defis_register_confirm")
        self.wait_until_gone(".modal")
        self.wait_for(".o_form_view .o_field_widget[name=event_id]")
        registration = self.course.registration_ids
        self.assertEqual(registration.partner_id, self.referral.person_id)
        self.assertEqual(registration.defis_source, "referral")
        self.assertEqual(self.referral.state, "done")
        self.assertEqual(self.referral.result_ref, registration)
        self.screenshot("training-referral-registered")
