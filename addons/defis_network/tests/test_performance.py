from .common import DefisCase


class TestStructureListQueries(DefisCase):
    """Opening the structures list reads its columns with a number of queries
    that does not grow with the number of structures."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.structures = cls.env["res.partner"]
        for index in range(200):
            phone = "02 97 00 %02d %02d" % (index // 100 + 10, index % 100)
            structure = cls.create_structure("Structure %03d" % index, phone=phone)
            if index % 2:
                cls.name_referent(structure, "Référent %03d" % index)
            cls.structures |= structure

    def list_fields(self):
        view = self.env.ref("defis_network.view_partner_structure_tree")
        fields_view = self.env["res.partner"].fields_view_get(view_id=view.id, view_type="tree")
        return list(fields_view["fields"])

    def count_queries_to_read(self, records, fields):
        records.invalidate_cache()
        before = self.cr.sql_log_count
        records.sudo(self.defis_user).read(fields)
        return self.cr.sql_log_count - before

    def test_reading_the_list_costs_no_query_per_structure(self):
        fields = self.list_fields()
        self.assertIn("defis_missing_referent_count", fields)
        # first read fills the caches of access rules and translations
        self.count_queries_to_read(self.structures[100:110], fields)
        few = self.count_queries_to_read(self.structures[:20], fields)
        many = self.count_queries_to_read(self.structures, fields)
        self.assertEqual(many, few)
        values = {row["id"]: row for row in self.structures.read(fields)}
        self.assertEqual(values[self.structures[1].id]["defis_missing_referent_count"], 1)
        self.assertEqual(values[self.structures[0].id]["defis_missing_referent_count"], 2)
        self.assertEqual(values[self.structures[1].id]["defis_phone_display"], "02 97 00 10 01")


class TestContactCreationQueries(DefisCase):
    """Creating contacts costs the same queries for each: nothing searched per
    contact grows with the contacts created before it."""

    def create_households(self, count, first):
        before = self.cr.sql_log_count
        households = self.env["res.partner"]
        for index in range(first, first + count):
            households |= self.env["res.partner"].create({
                "name": "Foyer %03d" % index, "defis_is_household": True,
                "city": "Lanester", "zip": "56600", "email": "foyer%03d@example.org" % index})
        return households, self.cr.sql_log_count - before

    def test_queries_per_contact_are_flat_from_one_to_ten(self):
        self.create_households(1, 0)  # fills the caches (access rules, fields)
        _one, one_contact = self.create_households(1, 1)
        _ten, ten_contacts = self.create_households(10, 2)
        self.assertLessEqual(ten_contacts, 10 * one_contact)

    def test_network_tags_of_untagged_contacts_cost_no_query(self):
        households, _queries = self.create_households(3, 0)
        self.assertFalse(households.mapped("category_id"))
        before = self.cr.sql_log_count
        # as the ORM computes: the values go to the cache only
        with self.env.do_in_draft():
            households._compute_defis_network_tags()
        self.assertEqual(self.cr.sql_log_count - before, 0)
        self.assertFalse(households.mapped("defis_subnetwork_id"))
        structure = self.create_structure("Structure étiquetée")
        with self.env.do_in_draft():
            structure._compute_defis_network_tags()
        self.assertEqual(structure.defis_structure_type_id, self.type_ccas)
