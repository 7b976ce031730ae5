from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tools import mute_logger

from odoo.addons.defis_network.tests.common import DefisCase


class TestReuseHistory(DefisCase):

    @classmethod
    def set_up_class_data(cls):
        result = super().set_up_class_data()
        cls.laptop = cls.env.ref("defis_reuse.device_category_laptop")
        cls.history = cls.env["defis.reuse.history"]
        cls.year_1990 = cls.create_history("1990", redistributed_count=10, household_count=8)
        return result

    @classmethod
    def create_history(cls, year, **values):
        values.setdefault("category_id", cls.laptop.id)
        return cls.history.create(dict(values, year=year))

    def test_one_entry_per_year_and_category(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            self.create_history("1990")
        self.create_history("1990", category_id=self.env.ref(
            "defis_reuse.device_category_desktop").id)

    def test_figures_not_negative(self):
        for name in ("collected_count", "recycled_count", "recycled_weight"):
            with self.assertRaises(ValidationError):
                self.year_1990.write({name: -1})

    def test_households_at_most_devices_redistributed(self):
        with self.assertRaisesRegex(ValidationError, "1990"):
            self.year_1990.household_count = 11
        self.year_1990.household_count = 10

    def test_years_from_1990_to_the_next_one(self):
        years = self.history._fields["year"].get_values(self.env)
        self.assertEqual(years[-1], "1990")
        with self.assertRaises(ValueError):
            self.create_history("1989")
        with self.assertRaises(ValueError):
            self.create_history(str(int(years[0]) + 1))

    def test_managers_enter_the_figures(self):
        entry = self.history.sudo(self.defis_manager).create({
            "year": "1991", "category_id": self.laptop.id, "collected_count": 5})
        self.assertEqual(entry.sudo(self.defis_user).collected_count, 5)
        with self.assertRaises(AccessError):
            entry.sudo(self.defis_user).collected_count = 6
        self.assertEqual(self.menu_name("defis_reuse.menu_defis_reuse_history"),
                         "Chiffres des années passées")
