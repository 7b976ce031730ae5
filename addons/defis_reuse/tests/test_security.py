from odoo.addons.defis_network.tests.common import DefisCase


class TestReuseSecurity(DefisCase):

    def test_technician_works_in_stock(self):
        technician = self.create_user(
            "technicien", [self.env.ref("defis_reuse.group_defis_technician")])
        self.assertFalse(technician.has_group("defis_network.group_defis_user"))
        self.assertFalse(technician.has_group("base.group_partner_manager"))
        self.assertTrue(technician.has_group("stock.group_stock_user"))
        self.assertIn(self.env.ref("defis_reuse.menu_defis_reuse_devices").id,
                      self.visible_menus(technician))
        self.assertFalse(technician.has_group("point_of_sale.group_pos_manager"))

    def test_manager_runs_the_till_and_the_workshop(self):
        self.assertTrue(self.defis_manager.has_group("defis_reuse.group_defis_technician"))
        self.assertTrue(self.defis_manager.has_group("point_of_sale.group_pos_manager"))

    def test_devices_menu_hidden_from_plain_users(self):
        devices = self.env.ref("defis_reuse.menu_defis_reuse_devices").id
        reuse = self.env.ref("defis_reuse.menu_defis_reuse")
        self.assertNotIn(devices, self.visible_menus(self.defis_user))
        self.assertIn(devices, self.visible_menus(self.defis_manager))
        self.assertEqual(reuse.with_context(lang="fr_FR").name, "Réemploi")

    def test_till_named_for_the_association(self):
        till = self.env.ref("point_of_sale.pos_config_main")
        self.assertEqual(till.name, "Boutique solidaire")
        self.assertFalse(self.env["product.product"].search(
            [("available_in_pos", "=", True), ("name", "ilike", "Boni")]))
