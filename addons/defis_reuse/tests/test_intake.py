# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tools import mute_logger

from .common import ReuseCase


class TestIntake(ReuseCase):

    @classmethod
    def set_up_reuse_data(cls):
        cls.intake = cls.create_intake([
            (cls.cat_laptop, 3, 6.6, ["SN-A1", "SN-A2"]),
            (cls.cat_monitor, 2, 9.0),
            (cls.cat_printer, 4, 28.0),
        ])
        cls.intake.sudo(cls.technician).action_validate()
        cls.lots = cls.intake.lot_ids

    def test_one_lot_per_serial_device(self):
        self.assertEqual(self.intake.state, "done")
        self.assertEqual(len(self.lots), 5)  # printers go by quantity
        laptops = self.lots.filtered(lambda lot: lot.defis_category_id == self.cat_laptop)
        self.assertEqual(
            sorted(laptops.mapped("ref"), key=str), sorted(["SN-A1", "SN-A2", False], key=str))
        for lot in self.lots:
            self.assertRegex(lot.name, r"^DEF-2018-\d{5}$")
            self.assertEqual(lot.name, lot.defis_asset_tag)
            self.assertEqual(lot.defis_state, "received")
            self.assertEqual(lot.defis_state_date, "2018-03-15")
            self.assertEqual(lot.defis_location_id, self.loc_intake)
        self.assertAlmostEqual(laptops[0].defis_weight_kg, 2.2)

    def test_receipt_done_with_quantities(self):
        picking = self.intake.picking_id
        self.assertEqual(picking.state, "done")
        self.assertEqual(picking.partner_id, self.donor)
        printers = picking.move_lines.filtered(
            lambda move: move.product_id == self.cat_printer.product_id)
        self.assertEqual((printers.state, printers.quantity_done), ("done", 4))
        self.assertEqual(set(picking.move_lines.mapped("state")), {"done"})
        self.assertEqual(len(picking.move_line_ids), 6)
        self.assertEqual(picking.date_done, "2018-03-15 12:00:00")
        suppliers = self.env.ref("stock.stock_location_suppliers")
        for lot in self.lots:
            self.assertEqual(self.stock_at(lot, self.loc_intake), 1)
            self.assertEqual(self.stock_at(lot, suppliers), -1)
        self.assertEqual(self.intake.weight_kg, 43.6)
        self.assertEqual(self.intake.line_ids[1].weee_category, "2")

    def test_validated_intake_cannot_be_edited(self):
        with self.assertRaisesRegex(UserError, "ne peut plus être modifiée"):
            self.intake.sudo(self.technician).write({"place": "Lorient"})
        with self.assertRaises(UserError):
            self.intake.line_ids[0].sudo(self.technician).write({"quantity": 9})
        with self.assertRaises(UserError):
            self.intake.sudo(self.technician).unlink()
        with self.assertRaises(UserError):
            self.intake.action_validate()
        self.intake.sudo(self.technician).message_post(body="Reçu au local de Lanester.")

    def test_zero_weight_or_quantity_refused(self):
        for quantity, weight in ((1, 0.0), (1, -2.0), (0, 3.0)):
            with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), \
                    self.cr.savepoint():
                self.create_intake([(self.cat_laptop, quantity, weight)])

    def test_duplicate_serial_nothing_received(self):
        intake = self.create_intake([
            (self.cat_desktop, 2, 16.0, ["NEW-1"]),
            (self.cat_laptop, 1, 2.0, ["SN-A2"]),  # known since the first intake
        ])
        lots_before = self.env["stock.production.lot"].search_count([])
        moves_before = self.env["stock.move"].search_count([])
        with self.assertRaisesRegex(UserError, "SN-A2"):
            intake.action_validate()
        self.assertEqual(intake.state, "draft")
        self.assertFalse(intake.picking_id)
        self.assertEqual(self.env["stock.production.lot"].search_count([]), lots_before)
        self.assertEqual(self.env["stock.move"].search_count([]), moves_before)

    def test_serial_twice_in_one_intake(self):
        intake = self.create_intake([
            (self.cat_laptop, 1, 2.0, ["TWICE"]), (self.cat_laptop, 1, 2.0, ["TWICE"])])
        with self.assertRaisesRegex(UserError, "TWICE"):
            intake.action_validate()
        # same serial, another product: allowed
        other = self.create_intake([(self.cat_desktop, 1, 8.0, ["SN-A1"])])
        other.action_validate()
        self.assertEqual(other.lot_ids.ref, "SN-A1")

    def test_more_serials_than_items(self):
        with self.assertRaises(ValidationError):
            self.create_intake([(self.cat_laptop, 1, 2.0, ["X1", "X2"])])
        with self.assertRaises(ValidationError):
            self.create_intake([(self.cat_printer, 1, 2.0, ["X1"])])

    def test_serial_unique_in_database(self):
        lot = self.lots.filtered(lambda lot: lot.ref == "SN-A1")
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), \
                self.cr.savepoint():
            self.env["stock.production.lot"].create({
                "name": "DEF-X", "product_id": lot.product_id.id, "ref": "SN-A1",
                "defis_state": "received"})

    def test_valued_product_received_by_the_stock_engine(self):
        category = self.env["product.category"].create({
            "name": "Valorisé (test)", "property_cost_method": "average"})
        product = self.cat_desktop.product_id
        product.categ_id = category
        self.assertFalse(self.env["stock.production.lot"]._defis_engine_free(product))
        lots = self.receive_devices(2, self.cat_desktop)
        self.assertEqual(len(lots), 2)
        for lot in lots:
            self.assertEqual(self.stock_at(lot, self.loc_intake), 1)
            self.assertEqual(lot.defis_state, "received")
