from odoo.addons.defis_network.tests.common import DefisCase


class TestTrainingSecurity(DefisCase):

    def test_trainer_is_neither_office_staff_nor_an_event_user(self):
        trainer = self.create_user(
            "formateur", [self.env.ref("defis_training.group_defis_trainer")])
        self.assertTrue(trainer.has_group("base.group_user"))
        self.assertFalse(trainer.has_group("defis_network.group_defis_user"))
        self.assertFalse(trainer.has_group("base.group_partner_manager"))
        self.assertFalse(trainer.has_group("event.group_event_user"))
        training = self.env.ref("defis_training.menu_defis_training").id
        self.assertIn(training, self.visible_menus(trainer))

    def test_manager_manages_events(self):
        self.assertTrue(self.defis_manager.has_group("defis_training.group_defis_trainer"))
        self.assertTrue(self.defis_manager.has_group("event.group_event_manager"))

    def test_training_menu_in_french(self):
        menu = self.env.ref("defis_training.menu_defis_training")
        self.assertIn(menu.id, self.visible_menus(self.defis_user))
        self.assertEqual(menu.with_context(lang="fr_FR").name, "Formation")
