from odoo.exceptions import ValidationError
from odoo.tools import mute_logger

from .common import DefisCase


class TestStructure(DefisCase):

    def test_type_and_subnetwork_are_contact_tags(self):
        structure = self.create_structure("CCAS de Test")
        self.assertTrue(structure.defis_is_structure)
        self.assertEqual(structure.category_id,
                         self.type_ccas.category_id | self.subnetwork.category_id)
        self.assertEqual(self.type_ccas.category_id.parent_id,
                         self.env.ref("defis_network.category_structure_type"))
        found = self.env["res.partner"].search([("category_id", "child_of",
                                                 self.subnetwork.category_id.id)])
        self.assertIn(structure, found)

    def test_changing_the_type_replaces_its_tag(self):
        structure = self.create_structure("CCAS de Test")
        structure.defis_structure_type_id = self.type_caf
        self.assertIn(self.type_caf.category_id, structure.category_id)
        self.assertNotIn(self.type_ccas.category_id, structure.category_id)
        self.assertIn(self.subnetwork.category_id, structure.category_id)

    def test_setting_the_tag_sets_the_type(self):
        structure = self.env["res.partner"].create({
            "name": "CAF de Test", "is_company": True,
            "category_id": [(6, 0, [self.type_caf.category_id.id])]})
        self.assertEqual(structure.defis_structure_type_id, self.type_caf)
        self.assertTrue(structure.defis_is_structure)

    def test_two_types_refused(self):
        structure = self.create_structure("CCAS de Test")
        with self.assertRaisesRegex(ValidationError, "un seul type|one structure type"):
            structure.with_context(lang="fr_FR").write(
                {"category_id": [(4, self.type_caf.category_id.id)]})

    def test_two_subnetworks_refused(self):
        with self.assertRaises(ValidationError):
            self.env["res.partner"].create({
                "name": "CCAS double", "is_company": True,
                "category_id": [(6, 0, [self.subnetwork.category_id.id,
                                        self.other_subnetwork.category_id.id])]})

    @mute_logger("odoo.sql_db")
    def test_withdrawal_before_affiliation_refused(self):
        with self.assertRaises(Exception):
            with self.cr.savepoint():
                self.create_structure("CCAS pressé", affiliation="2018-05-01",
                                      withdrawal="2018-04-01")

    def test_count_affiliated_on_dates(self):
        domain = [("defis_subnetwork_id", "=", self.subnetwork.id)]
        self.create_structure("A", affiliation="2018-01-15")
        self.create_structure("B", affiliation="2018-07-10")
        self.create_structure("C", affiliation="2017-05-01", withdrawal="2018-08-01")
        count = self.env["res.partner"].defis_count_affiliated
        self.assertEqual(count("2018-06-30", domain), 2)
        self.assertEqual(count("2018-07-31", domain), 3)
        self.assertEqual(count("2018-08-01", domain), 2)
        self.assertEqual(count("2016-12-31", domain), 0)

    def test_structure_counts_per_type(self):
        self.create_structure("CCAS 1")
        self.create_structure("CCAS 2")
        self.create_structure("CAF 1", defis_structure_type_id=self.type_caf.id)
        self.assertEqual(self.subnetwork.structure_count, 3)
