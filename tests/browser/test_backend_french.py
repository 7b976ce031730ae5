"""The backend as the staff find it: in French, Odoo's own terms included,
landing on the Défis menu, without Odoo's guided tours, with labelled buttons
and helpful empty lists. Each screen is saved in artifacts/screenshots."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from odoo.addons.defis_network.tests.common import create_structure
from odoo.addons.defis_training.tests.common import create_upcoming_run, create_web_programme

from .chrome import ChromeCase, in_browser_turn


class TestBackendInFrench(ChromeCase):

    def setUp(self):
        super().setUp()
        self.manager = self.create_user(
            "Camille Le Goff", "camille.backend", "defis_network.group_defis_manager")

    def login_manager(self):
        self.login("camille.backend", "camille.backend-1")

    @in_browser_turn
    def wait_for_text(self, css, text):
        WebDriverWait(self.browser, self.timeout).until(
            ec.text_to_be_present_in_element((By.CSS_SELECTOR, css), text))

    def test_lands_on_the_defis_menu(self):
        self.login_manager()
        self.wait_for(".o_control_panel .breadcrumb li")
        active = self.find_all("#oe_main_menu_navbar .oe_menu_leaf.active, "
                               "#oe_main_menu_navbar li.active > a[data-menu-xmlid]")
        self.assertEqual([a.get_attribute("data-menu-xmlid") for a in active],
                         ["defis_network.menu_defis_root"])
        self.assertEqual(self.text(".o_control_panel .breadcrumb li:last-child"), "Collectes")
        self.assertFalse(self.find_all(".o_mail_chat"))
        self.screenshot("backend-after-login")

    def test_administrator_in_french_without_tours(self):
        admin = self.env.ref("base.user_root")
        admin.password = "Navigateur-2026!"
        self.login(admin.login, "Navigateur-2026!")
        self.assertEqual(self.text(".oe_topbar_name"), "Administrateur")
        tours = self.browser.execute_async_script("""
            var done = arguments[arguments.length - 1];
            $.when(odoo.__DEBUG__.services['web_tour.tour']).then(function (manager) {
                (function registered() {
                    if (!manager._all_registered) { return setTimeout(registered, 100); }
                    var shown = _.filter(_.keys(manager.tours), function (name) {
                        return !manager.tours[name].test
                            && !_.contains(manager.consumed_tours, name);
                    });
                    done({count: _.size(manager.tours), shown: shown});
                })();
            });
        """)
        self.assertGreater(tours["count"], 0)
        self.assertEqual(tours["shown"], [])
        self.assertFalse([tip for tip in self.find_all(".o_tooltip") if tip.is_displayed()])
        self.screenshot("backend-admin-no-tour")

    def test_odoo_terms_in_french(self):
        structure = create_structure(self.env, "CCAS de Lanester (écrans)")
        intake = self.env["defis.intake"].create({
            "partner_id": structure.id, "date": "2018-03-15", "place": "Lanester"})
        self.login_manager()
        # the archive button of a form
        self.open("/web#id=%d&model=res.partner&view_type=form" % structure.id)
        archive = ".oe_stat_button .fa-archive ~ .o_stat_info .o_stat_text.o_not_hover"
        self.wait_for_text(archive, "Actif")
        self.assertEqual(self.text(archive), "Actif")
        self.screenshot("backend-archive-button")
        # the dialog that adds a line to an intake
        self.open("/web#id=%d&model=defis.intake&view_type=form" % intake.id)
        self.wait_for_text(".o_control_panel .breadcrumb li:last-child", intake.name)
        self.wait_for_idle()
        self.click(".o_form_button_edit")
        self.click(".o_field_x2many_list_row_add a")
        self.assertEqual(self.text(".modal .modal-title"), "Créer : Lignes")
        self.screenshot("backend-intake-line-dialog")
        # the switch of a bar chart grouped by two fields
        self.open("/web#action=defis_training.action_defis_training_report&view_type=graph")
        self.wait_for(".o_graph_svg_container svg .nv-controlsWrap .nv-legend-text")
        self.assertEqual(self.texts(".nv-controlsWrap .nv-legend-text"), ["Groupé", "Empilé"])
        self.screenshot("backend-graph-controls")

    def test_attendance_sheet_and_empty_sessions(self):
        run = create_upcoming_run(self.env, create_web_programme(
            self.env, "Numérique au quotidien (feuille)"), seats=4, name="Feuille de présence")
        learner = self.env["res.partner"].create({"name": "Gaëlle Le Floch"})
        self.env["event.registration"].create({
            "event_id": run.id, "partner_id": learner.id, "name": learner.name}
        ).confirm_registration()
        self.login_manager()
        # the manager teaches nothing: « Mes séances » says why the list is empty
        self.open("/web#action=defis_training.action_defis_training_session")
        help_text = self.text(".o_view_nocontent, .oe_view_nocontent")
        self.assertIn("Aucune séance à afficher", help_text)
        self.assertIn("Mes séances", help_text)
        self.screenshot("backend-sessions-empty")
        # the attendance sheet of a sitting: buttons with their labels
        sitting = run.defis_session_ids.sorted("date_begin")[0]
        self.open("/web#id=%d&model=defis.training.session&view_type=form" % sitting.id)
        self.wait_for_text(".o_control_panel .breadcrumb li:last-child", "Séance 1")
        self.wait_for_idle()
        self.click(".o_form_statusbar button.o_defis_attendance_sheet")
        self.wait_for(".o_list_view button.o_defis_present")
        labels = [button.text.strip() for button in self.find_all(
            ".o_list_view .o_data_row:first-child button.o_defis_labelled")]
        self.assertEqual(labels, ["Présent", "Absent", "Excusé"])
        self.click(".o_list_view .o_data_row:first-child button.o_defis_present")
        self.wait_for_text(".o_list_view .o_data_row:first-child", "Présent")
        self.wait_for_idle()
        self.screenshot("backend-attendance-sheet")
