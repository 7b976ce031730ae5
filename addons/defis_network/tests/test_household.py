from odoo.exceptions import AccessError, UserError

from .common import DefisCase


class TestHousehold(DefisCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.structure = cls.create_structure("CCAS de Lorient")
        cls.household = cls.create_person(
            "Foyer Le Dréau", defis_is_household=True, phone="02 97 11 22 33",
            email="ledreau@example.org", street="3 rue des Mouettes", city="Lorient",
            zip="56100", defis_household_size=4, defis_minimum_benefit=True,
            defis_referring_structure_id=cls.structure.id, defis_consent_date="2015-02-01")

    def test_defis_users_record_households(self):
        household = self.env["res.partner"].sudo(self.defis_user).create({
            "name": "Foyer Le Meur", "defis_is_household": True,
            "defis_household_size": 2, "phone": "06 12 34 56 78"})
        self.assertEqual(household.sudo().defis_household_size, 2)

    def test_personal_fields_hidden_from_other_users(self):
        with self.assertRaises(AccessError):
            self.household.sudo(self.internal_user).read(["defis_minimum_benefit"])
        values = self.household.sudo(self.defis_user).read(["defis_household_size"])[0]
        self.assertEqual(values["defis_household_size"], 4)

    def test_manager_anonymises_keeping_statistics(self):
        self.household.message_post(body="Appel de Mme Le Dréau au 02 97 11 22 33")
        counted = [("defis_is_household", "=", True), ("zip", "=", "56100"),
                   ("defis_minimum_benefit", "=", True)]
        before = self.env["res.partner"].search_count(counted)
        self.household.sudo(self.defis_manager).action_defis_anonymize()
        self.assertTrue(self.household.defis_anonymized)
        self.assertNotIn("Dréau", self.household.name)
        self.assertFalse(self.household.phone or self.household.email or self.household.street)
        self.assertEqual(self.household.city, "Lorient")
        self.assertEqual(self.household.defis_household_size, 4)
        self.assertEqual(self.household.defis_referring_structure_id, self.structure)
        self.assertEqual(self.env["res.partner"].search_count(counted), before)
        self.assertFalse(self.env["mail.message"].search([
            ("model", "=", "res.partner"), ("res_id", "=", self.household.id)]))

    def test_only_managers_anonymise(self):
        with self.assertRaises(UserError):
            self.household.sudo(self.defis_user).action_defis_anonymize()
        with self.assertRaises(UserError):
            self.structure.sudo(self.defis_manager).action_defis_anonymize()

    def test_retention_cron_anonymises_inactive_households_only(self):
        self.household.defis_last_activity_date = "2015-06-01"
        recent = self.create_person("Foyer Actif", defis_is_household=True,
                                    defis_last_activity_date="2026-01-01")
        done = self.env["res.partner"]._cron_defis_anonymize_inactive()
        self.assertIn(self.household, done)
        self.assertNotIn(recent, done)
        self.assertTrue(self.household.defis_anonymized)
        self.assertFalse(recent.defis_anonymized)

    def test_retention_period_is_configurable(self):
        self.household.defis_last_activity_date = "2015-06-01"
        self.env["ir.config_parameter"].sudo().set_param("defis_network.retention_years", 50)
        self.assertNotIn(self.household, self.env["res.partner"]._cron_defis_anonymize_inactive())
