"""A day's work of three roles, in Chromium, with their own rights: office
staff record a household, a trainer takes the attendance of their sitting, a
technician opens a device without seeing the household that has it."""

from odoo.addons.defis_reuse.tests.common import create_device
from odoo.addons.defis_training.tests.common import create_upcoming_run, create_web_programme

from .chrome import ChromeCase


class TestRolesInTheBrowser(ChromeCase):

    def open_form(self, record):
        self.open("/web#model=%s&view_type=form&id=%d" % (record._name, record.id))
        self.wait_for(".o_form_view")
        self.wait_for_idle()

    def click_shown(self, css, label):
        """Click the element of ``css`` shown with the text ``label``."""
        with self.browser_turn():
            shown = [element for element in self.find_all(css)
                     if element.is_displayed() and element.text.strip() == label]
            self.assertTrue(shown, "no %s %r shown" % (css, label))
            shown[0].click()

    def test_office_staff_record_a_household(self):
        user = self.create_user("Maëlle Le Corre", "maelle.browser",
                                "defis_network.group_defis_user")
        user.email = "maelle.browser@defis.example"  # the sender of the chatter's messages
        self.login("maelle.browser", "maelle.browser-1")
        self.open("/web#action=defis_network.action_defis_households&view_type=form")
        self.fill(".o_form_view input[name=name]", "Foyer Le Bihan")
        self.click(".o_form_button_save")
        self.wait_for(".o_form_button_edit")
        self.wait_for_idle()
        household = self.env["res.partner"].search([("name", "=", "Foyer Le Bihan")])
        self.assertTrue(household.defis_is_household)
        self.assertEqual(household.create_uid, user)
        self.screenshot("roles-office-household")

    def test_trainer_takes_the_attendance_of_their_sitting(self):
        trainer = self.create_user("Gwenaëlle Le Goff", "gwen.formation",
                                   "defis_training.group_defis_trainer")
        run = create_upcoming_run(self.env, create_web_programme(self.env, "Tablette"),
                                  sittings=1)
        sitting = run.defis_session_ids
        sitting.trainer_id = trainer
        learner = self.env["res.partner"].create(
            {"name": "Foyer Quéré", "defis_is_household": True})
        self.env["event.registration"].create({
            "event_id": run.id, "partner_id": learner.id, "name": learner.name,
            "state": "open"})
        self.login("gwen.formation", "gwen.formation-1")
        self.open_form(run)
        self.assertIn("Séances", self.texts(".o_notebook .nav-tabs li"))
        self.open_form(sitting)
        self.click_shown(".o_statusbar_buttons button", "Feuille de présence")
        self.wait_for(".o_list_view .o_data_row")
        self.click('.o_list_view .o_data_row:first-child button[title="Présent"]')
        self.wait_for_idle()
        self.assertEqual(sitting.attendance_ids.state, "present")
        self.assertEqual(sitting.attendance_ids.create_uid, trainer)
        self.screenshot("roles-trainer-attendance")

    def test_technician_opens_a_device_without_its_household(self):
        self.create_user("Erwan Jégo", "erwan.atelier", "defis_reuse.group_defis_technician")
        device = create_device(self.env, "DEF-ROLES-0001")
        household = self.env["res.partner"].create(
            {"name": "Foyer Rio", "defis_is_household": True})
        device.defis_partner_id = household
        self.login("erwan.atelier", "erwan.atelier-1")
        self.click('a[data-menu-xmlid="defis_network.menu_defis_root"]')
        self.wait_for('.oe_secondary_menu_section'
                      '[data-menu-xmlid="defis_reuse.menu_defis_reuse"]')
        sections = self.texts(".oe_secondary_menu .oe_secondary_menu_section")
        self.assertIn("Réemploi", sections)
        self.assertNotIn("Réseau", sections)
        self.assertNotIn("Formation", sections)
        self.open_form(device)
        self.assertIn("DEF-ROLES-0001", self.text(".o_form_view"))
        self.assertNotIn("Foyer Rio", self.text(".o_form_view"))
        self.screenshot("roles-technician-device")
