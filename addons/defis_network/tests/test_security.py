from .common import DefisCase


class TestSecurity(DefisCase):

    def test_manager_is_a_user(self):
        self.assertIn(self.group_user, self.group_manager.implied_ids)
        self.assertTrue(self.defis_manager.has_group("defis_network.group_defis_user"))
        self.assertFalse(self.defis_user.has_group("defis_network.group_defis_manager"))

    def test_defis_menu_only_for_defis_groups(self):
        root = self.env.ref("defis_network.menu_defis_root").id
        self.assertNotIn(root, self.visible_menus(self.internal_user))
        self.assertIn(root, self.visible_menus(self.defis_user))
        self.assertIn(root, self.visible_menus(self.defis_manager))

    def test_no_generic_demo_data(self):
        partners = self.env["res.partner"].with_context(active_test=False)
        self.assertFalse(partners.search([("name", "in", ("Agrolait", "ASUSTeK"))]))
        self.assertEqual(self.env.ref("base.main_company").name, "Défis")

    def test_menus_in_french(self):
        self.assertEqual(self.menu_name("defis_network.menu_defis_root"), "Défis")
        self.assertEqual(self.menu_name("defis_network.menu_defis_network"), "Réseau")
        self.assertEqual(self.menu_name("defis_network.menu_defis_network", "en_US"), "Network")
        category = self.env.ref("defis_network.module_category_defis")
        self.assertEqual(self.group_manager.with_context(lang="fr_FR").name, "Responsable")
        self.assertEqual(category.name, "Défis")
