"""A technician's device form: the specifications its category has, the
state bar on one line with the buttons, and the probe's tab."""
from odoo.addons.defis_reuse.tests.common_probe import ready_device

from .chrome import ChromeCase


class TestDeviceForm(ChromeCase):

    window_size = (1024, 768)  # the workshop's own laptops

    def setUp(self):
        super().setUp()
        env = self.env
        self.technician = self.create_user(
            "Yann Le Gall", "yann.atelier", "defis_reuse.group_defis_technician")
        self.technician.email = "yann.atelier@defis.example"
        donor = env["res.partner"].create({"name": "Donateur du formulaire", "is_company": True})
        intake = env["defis.intake"].create({
            "partner_id": donor.id, "date": "2018-03-15", "line_ids": [(0, 0, {
                "category_id": env.ref("defis_reuse.device_category_monitor").id,
                "quantity": 1, "weight_kg": 5.0})]})
        intake.action_validate()
        self.monitor = intake.lot_ids
        self.laptop = ready_device(env, donor, self.technician, defis_brand="Lenovo",
                                   defis_model="ThinkPad T440")

    def open_device(self, lot):
        self.open("/web#id=%d&model=stock.production.lot&view_type=form&action=%d" % (
            lot.id, self.env.ref("defis_reuse.action_defis_device").id))
        self.wait_for(".o_form_view .o_statusbar_status")
        self.wait_for_idle()

    def labels(self):
        return self.texts(".o_form_view .o_group .o_form_label")

    def assert_state_bar_fits(self):
        """The chain of states stays on one row, within the header."""
        bar = self.browser.execute_script("""
            var header = document.querySelector('.o_form_view .o_form_statusbar');
            var box = header.getBoundingClientRect();
            var states = Array.from(
                header.querySelectorAll('.o_statusbar_status > .o_arrow_button'))
                .filter(function (state) { return state.offsetParent; })
                .map(function (state) { return state.getBoundingClientRect(); });
            var lefts = states.map(function (state) { return state.left; });
            var rights = states.map(function (state) { return state.right; });
            return {overflow: header.scrollWidth - header.clientWidth,
                    rows: new Set(states.map(function (state) { return state.top; })).size,
                    left: Math.min.apply(null, lefts) - box.left,
                    right: box.right - Math.max.apply(null, rights)};""")
        self.assertEqual(bar["rows"], 1, bar)
        self.assertLessEqual(bar["overflow"], 0, bar)
        self.assertGreaterEqual(bar["left"], 0, bar)
        self.assertGreaterEqual(bar["right"], -1, bar)

    def test_monitor_shows_a_screen_not_a_processor(self):
        self.login("yann.atelier", "yann.atelier-1")
        self.open_device(self.monitor)
        labels = self.labels()
        self.assertIn("Écran (pouces)", labels)
        for hidden in ("Processeur", "Mémoire vive (Go)", "Stockage (Go)",
                       "Système d'exploitation"):
            self.assertNotIn(hidden, labels)
        self.assert_state_bar_fits()
        self.screenshot("device-form-monitor")

    def test_laptop_form_and_its_probe_tab(self):
        self.login("yann.atelier", "yann.atelier-1")
        self.open_device(self.laptop)
        labels = self.labels()
        for shown in ("Processeur", "Mémoire vive (Go)", "Écran (pouces)",
                      "Santé de la batterie (%)"):
            self.assertIn(shown, labels)
        self.assert_state_bar_fits()
        self.screenshot("device-form-laptop")
        self.assertIn("Passeport", self.text(".oe_button_box"))
        self.click(".o_notebook li:last-child a")  # the last tab: « Sonde »
        self.assertEqual(self.text(".o_notebook li.active a"), "Sonde")
        self.wait_for(".o_notebook .tab-pane.active button[name='action_defis_download_probe']")
        self.screenshot("device-form-laptop-probe")
