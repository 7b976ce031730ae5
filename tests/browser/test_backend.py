"""The backend in French, the Défis menu and the point of sale, in Chromium."""

from .chrome import ChromeCase


class TestBackend(ChromeCase):

    def setUp(self):
        super().setUp()
        self.user = self.create_user(
            "Camille Le Goff", "camille.browser", "defis_network.group_defis_manager")

    def test_defis_menu_in_french(self):
        self.login("camille.browser", "camille.browser-1")
        self.click('a[data-menu-xmlid="defis_network.menu_defis_root"]')
        self.wait_for('.oe_secondary_menu_section'
                      '[data-menu-xmlid="defis_network.menu_defis_network"]')
        sections = self.texts(".oe_secondary_menu .oe_secondary_menu_section")
        for label in ("Réemploi", "Formation", "Réseau"):
            self.assertIn(label, sections)
        self.assertEqual(self.text(".o_control_panel .breadcrumb li:last-child"),
                         "Collectes")
        self.screenshot("backend-defis-menu")

    def test_point_of_sale_opens(self):
        config = self.env.ref("point_of_sale.pos_config_main")
        config.sudo(self.user).open_session_cb()
        session = self.env["pos.session"].search(
            [("config_id", "=", config.id), ("state", "=", "opened")])
        self.assertEqual(session.state, "opened")
        self.login("camille.browser", "camille.browser-1")
        self.open("/pos/web/")
        self.wait_for(".pos .product-screen", timeout=120)
        self.wait_until_gone(".pos .loader", timeout=120)
        self.assertEqual(self.text(".pos .username"), "Camille Le Goff")
        self.assertEqual(self.text(".pos .order-empty h1"), "Votre panier est vide")
        self.screenshot("pos-open")
