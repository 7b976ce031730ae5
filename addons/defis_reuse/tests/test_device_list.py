# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import ReuseCase


class TestDeviceListQueries(ReuseCase):
    """Reading the devices list costs the same queries for 20 or 200 rows."""

    @classmethod
    def set_up_reuse_data(cls):
        laptops = cls.receive_devices(100, cls.cat_laptop)
        desktops = cls.receive_devices(100, cls.cat_desktop)
        cls.lots = laptops | desktops
        laptops.write({"defis_grade_id": cls.grade_a.id, "defis_brand": "Dell"})
        desktops.write({"defis_grade_id": cls.grade_b.id, "defis_brand": "HP"})
        household = cls.env["res.partner"].create({"name": "Famille Tanguy"})
        cls.lots[:50].write({"defis_partner_id": household.id})

    def count_list_queries(self, lots):
        view = self.env.ref("defis_reuse.view_production_lot_tree_defis_device")
        Lot = self.env["stock.production.lot"].sudo(self.technician)
        fields = list(Lot.fields_view_get(view.id, "tree")["fields"])
        Lot.search_read([("id", "in", lots[:1].ids)], fields)  # warm the caches
        self.env.cache.invalidate()
        before = self.cr.sql_log_count
        rows = Lot.search_read([("id", "in", lots.ids)], fields)
        self.assertEqual(len(rows), len(lots))
        return self.cr.sql_log_count - before

    def test_same_queries_for_20_or_200(self):
        few = self.count_list_queries(self.lots[:10] | self.lots[100:110])
        many = self.count_list_queries(self.lots)
        self.assertEqual(few, many)
        self.assertLess(many, 15)
