"""The network growth report in the web client, in French."""

from .chrome import ChromeCase


class TestGrowthReport(ChromeCase):

    def setUp(self):
        super().setUp()
        self.create_user(
            "Nolwenn Le Goff", "nolwenn.browser", "defis_network.group_defis_manager")
        subnetwork = self.env["defis.subnetwork"].create({"name": "Test Ellé"})
        for day in ("2018-06-04", "2018-09-12"):
            self.env["res.partner"].create({
                "name": "Structure du %s" % day, "is_company": True,
                "defis_subnetwork_id": subnetwork.id, "defis_affiliation_date": day})

    def test_graph_and_pivot(self):
        self.login("nolwenn.browser", "nolwenn.browser-1")
        self.click('a[data-menu-xmlid="defis_network.menu_defis_root"]')
        self.click('a[data-menu-xmlid="defis_network.menu_defis_network_growth"]')
        self.wait_for(".o_graph_svg_container svg")
        self.wait_for_idle()
        self.assertEqual(self.text(".o_control_panel .breadcrumb li:last-child"),
                         "Croissance du réseau")
        self.click(".o_cp_switch_pivot")
        self.wait_for(".o_pivot table")
        self.wait_for_idle()
        self.assertIn("Structures adhérentes", self.text(".o_pivot table thead"))
        self.assertIn("Test Ellé", self.text(".o_pivot table thead"))
        self.screenshot("network-growth-pivot")

    def test_spreadsheet_wizard_opens(self):
        self.login("nolwenn.browser", "nolwenn.browser-1")
        self.click('a[data-menu-xmlid="defis_network.menu_defis_root"]')
        self.click('a[data-menu-xmlid="defis_network.menu_defis_network_growth_xlsx"]')
        self.wait_for(".modal .o_form_view")
        self.assertIn("Périodicité", self.text(".modal .o_form_view"))
        self.assertIn("Exporter", self.text(".modal .modal-footer"))
