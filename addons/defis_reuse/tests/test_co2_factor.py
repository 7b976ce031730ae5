from psycopg2 import IntegrityError

from odoo.exceptions import AccessError
from odoo.tools import mute_logger

from odoo.addons.defis_network.tests.common import DefisCase


class TestCo2Factor(DefisCase):

    @classmethod
    def set_up_class_data(cls):
        result = super().set_up_class_data()
        cls.desktop = cls.env.ref("defis_reuse.device_category_desktop")
        cls.factors = cls.env["defis.co2.factor"]
        cls.old = cls.create_factor("2015", 10.0, 2.0)
        cls.new = cls.create_factor("2020", 20.0, 3.0)
        return result

    @classmethod
    def create_factor(cls, year, per_year, years_of_use, category=None):
        return cls.factors.create({
            "category_id": (category or cls.desktop).id, "year": year,
            "kg_co2e_per_year": per_year, "years_of_use": years_of_use,
            "source_name": "Étude %s" % year})

    def test_per_device_is_per_year_times_years_of_use(self):
        self.assertEqual(self.new.kg_co2e, 60.0)
        self.new.years_of_use = 4.5
        self.assertEqual(self.new.kg_co2e, 90.0)

    def test_latest_factor_published_by_then_else_the_oldest(self):
        self.assertEqual(self.factors.factor_for(self.desktop, 2016), 20.0)
        self.assertEqual(self.factors.factor_for(self.desktop, 2020), 60.0)
        self.assertEqual(self.factors.factor_for(self.desktop, 2030), 60.0)
        self.assertEqual(self.factors.factor_for(self.desktop, 2010), 20.0)
        tablet = self.env.ref("defis_reuse.device_category_tablet")
        self.assertEqual(self.factors.factor_for(tablet, 2018), 0.0)

    def test_one_factor_per_category_and_year(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            self.create_factor("2020", 5.0, 1.0)

    def test_no_negative_emissions_nor_zero_years(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            self.create_factor("2021", -1.0, 3.0)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            self.create_factor("2022", 1.0, 0.0)

    def test_ademe_figures_with_their_source(self):
        laptop = self.env.ref("defis_reuse.co2_factor_laptop_ademe_2022")
        phone = self.env.ref("defis_reuse.co2_factor_phone_ademe_2022")
        self.assertEqual((laptop.kg_co2e_per_year, phone.kg_co2e_per_year), (27.0, 24.6))
        for factor in laptop | phone:
            self.assertIn("ADEME", factor.source_name)
            self.assertIn("produits reconditionnés", factor.source_name)
            self.assertTrue(factor.source_url.startswith("https://librairie.ademe.fr/"))

    def test_managers_edit_users_read(self):
        self.new.sudo(self.defis_manager).kg_co2e_per_year = 21.0
        self.assertEqual(self.new.sudo(self.defis_user).kg_co2e, 63.0)
        with self.assertRaises(AccessError):
            self.new.sudo(self.defis_user).kg_co2e_per_year = 1.0
        self.assertEqual(self.menu_name("defis_reuse.menu_defis_co2_factor"),
                         "Facteurs d'émissions évitées")
