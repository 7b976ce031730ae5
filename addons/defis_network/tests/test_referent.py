from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tools import mute_logger

from .common import DefisCase


class TestReferent(DefisCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.structure = cls.create_structure("CCAS de Lanester")

    def test_missing_referents_shown(self):
        self.assertEqual(self.structure.defis_missing_referent_count, 2)
        self.name_referent(self.structure, "Anne Le Floch")
        self.structure.invalidate_cache()
        self.assertEqual(self.structure.defis_missing_referent_count, 1)
        self.name_referent(self.structure, "Yann Guégan")
        self.structure.invalidate_cache()
        self.assertEqual(self.structure.defis_missing_referent_count, 0)
        self.assertEqual(len(self.structure.defis_current_referent_ids), 2)

    def test_third_referent_refused(self):
        self.name_referent(self.structure, "Anne Le Floch")
        self.name_referent(self.structure, "Yann Guégan")
        with self.assertRaisesRegex(ValidationError, "2"):
            self.name_referent(self.structure, "Maël Jégo")

    def test_referent_must_belong_to_the_structure(self):
        other = self.create_structure("CAF du Morbihan", defis_structure_type_id=self.type_caf.id)
        outsider = self.create_person("Loïc Le Gall", other)
        with self.assertRaises(ValidationError):
            self.env["defis.referent"].create({
                "structure_id": self.structure.id, "partner_id": outsider.id})

    @mute_logger("odoo.sql_db")
    def test_same_person_not_twice_current(self):
        referent = self.name_referent(self.structure, "Anne Le Floch")
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["defis.referent"].create({
                "structure_id": self.structure.id, "partner_id": referent.partner_id.id})

    def test_replace_keeps_history(self):
        leaving = self.name_referent(self.structure, "Anne Le Floch", "2017-01-01")
        self.name_referent(self.structure, "Yann Guégan")
        newcomer = self.create_person("Maël Jégo", self.structure)
        wizard = self.env["defis.referent.replace"].with_context(
            active_model="defis.referent", active_id=leaving.id).create({
                "new_partner_id": newcomer.id, "date": "2019-02-01"})
        successor = wizard.action_replace()
        self.assertEqual(leaving.date_end, "2019-02-01")
        self.assertEqual(successor.date_start, "2019-02-01")
        self.assertEqual(len(self.structure.defis_referent_ids), 3)
        self.structure.invalidate_cache()
        self.assertIn(newcomer, self.structure.defis_current_referent_ids)
        self.assertNotIn(leaving.partner_id, self.structure.defis_current_referent_ids)
        with self.assertRaises(UserError):
            self.env["defis.referent.replace"].create({
                "referent_id": leaving.id, "new_partner_id": newcomer.id}).action_replace()
