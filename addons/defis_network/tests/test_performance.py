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
