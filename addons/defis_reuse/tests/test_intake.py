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
        other = self.lots.filtered(
            lambda lot: lot.defis_category_id == self.cat_laptop and not lot.ref)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), \
                self.cr.savepoint():
            other.write({"ref": "SN-A1"})

    def test_valued_product_received_by_the_stock_engine(self):
        category = self.env["product.category"].create({
            "name": "Valorisé (test)", "property_cost_method": "average"})
        product = self.cat_desktop.product_id
        product.categ_id = category
        lots = self.receive_devices(2, self.cat_desktop)
        self.assertEqual(len(lots), 2)
        for lot in lots:
            self.assertEqual(self.stock_at(lot, self.loc_intake), 1)
            self.assertEqual(lot.defis_state, "received")


class TestIntakeLineWeight(ReuseCase):
    """The line's weight follows quantity x average weight until a person
    types a weight of their own, in whatever order the fields are typed
    (the form's onchange calls, then its save, as the web client makes them)."""

    def setUp(self):
        super().setUp()
        self.average = self.cat_laptop.avg_weight_kg
        self.assertTrue(self.average)
        Line = self.env["defis.intake.line"]
        self.spec = Line._onchange_spec()
        # the form's fields, empty, then their defaults (as the client starts)
        self.form = dict.fromkeys(
            ("category_id", "quantity", "weight_kg", "weight_manual", "weee_category",
             "brand", "model", "serial_numbers"), False)
        self.form.update(Line.default_get(list(self.form)))

    def type(self, field, value):
        """The person types ``value`` in ``field``; the form applies the
        onchange's answer."""
        self.form[field] = value
        answer = self.env["defis.intake.line"].onchange(self.form, field, self.spec)
        for name, new in answer.get("value", {}).items():
            self.form[name] = new[0] if isinstance(new, tuple) else new

    def save(self):
        intake = self.create_intake([])
        values = {name: self.form[name] for name in
                  ("category_id", "quantity", "weight_kg", "weight_manual", "weee_category")}
        intake.write({"line_ids": [(0, 0, values)]})
        return intake.line_ids

    def test_category_then_quantity(self):
        self.type("category_id", self.cat_laptop.id)
        self.assertAlmostEqual(self.form["weight_kg"], self.average)
        self.type("quantity", 2)
        self.assertAlmostEqual(self.form["weight_kg"], 2 * self.average)
        self.assertAlmostEqual(self.save().weight_kg, 2 * self.average)

    def test_quantity_then_category(self):
        self.type("quantity", 3)
        self.type("category_id", self.cat_laptop.id)
        self.assertAlmostEqual(self.form["weight_kg"], 3 * self.average)
        self.type("quantity", 2)
        self.assertAlmostEqual(self.save().weight_kg, 2 * self.average)

    def test_typed_weight_stays_when_the_quantity_changes(self):
        self.type("category_id", self.cat_laptop.id)
        self.type("weight_kg", 5.35)
        self.assertTrue(self.form["weight_manual"])
        self.type("quantity", 4)
        self.assertAlmostEqual(self.form["weight_kg"], 5.35)
        line = self.save()
        self.assertAlmostEqual(line.weight_kg, 5.35)
        self.assertTrue(line.weight_manual)

    def test_quantity_then_typed_weight(self):
        self.type("category_id", self.cat_laptop.id)
        self.type("quantity", 2)
        self.type("weight_kg", 3.9)
        self.assertAlmostEqual(self.save().weight_kg, 3.9)

    def test_server_writes_follow_the_same_rule(self):
        intake = self.create_intake([])
        intake.write({"line_ids": [(0, 0, {"category_id": self.cat_laptop.id, "quantity": 2})]})
        line = intake.line_ids
        self.assertAlmostEqual(line.weight_kg, 2 * self.average)
        self.assertFalse(line.weight_manual)
        line.quantity = 5
        self.assertAlmostEqual(line.weight_kg, 5 * self.average)
        line.weight_kg = 9.1
        self.assertTrue(line.weight_manual)
        line.quantity = 6
        self.assertAlmostEqual(line.weight_kg, 9.1)
