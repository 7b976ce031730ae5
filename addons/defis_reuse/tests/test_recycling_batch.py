import psycopg2

from odoo.exceptions import UserError, ValidationError
from odoo.tools import mute_logger

from .common import LoanCase, create_device, quantity_at, receive_items

RECYCLING = "defis_reuse.stock_location_recycling"
RECYCLER = "defis_reuse.stock_location_weee_recycler"


class TestRecyclingBatch(LoanCase):

    @classmethod
    def set_up_class_data(cls):
        result = super().set_up_class_data()
        cls.recycler = cls.env["res.partner"].create(
            {"name": "Envie 56 DEEE", "is_company": True, "city": "Vannes"})
        cls.laptop = cls.env.ref("defis_reuse.device_category_laptop")
        cls.printer = cls.env.ref("defis_reuse.device_category_printer")
        cls.lots = cls.env["stock.production.lot"].browse([
            create_device(cls.env, "T-DEEE-%d" % i, state="recycled").id for i in range(2)])
        receive_items(cls.env, "printer", 5, RECYCLING)
        return result

    def create_batch(self, lines):
        return self.env["defis.recycling.batch"].create({
            "partner_id": self.recycler.id, "date": "2018-12-14",
            "line_ids": [(0, 0, line) for line in lines]})

    def test_batch_numbered_in_the_year_of_its_hand_over(self):
        self.assertRegex(self.create_batch([self.laptop_line()]).name, r"^DEEE-2018-\d+$")

    def laptop_line(self, lots=None, weight=4.5):
        return {"category_id": self.laptop.id, "weight_kg": weight,
                "lot_ids": [(6, 0, (lots or self.lots).ids)]}

    def printer_quantity(self, location):
        return sum(self.env["stock.quant"].search([
            ("product_id", "=", self.printer.product_id.id),
            ("location_id", "=", self.env.ref(location).id)]).mapped("quantity"))

    def test_handover_moves_devices_and_items_to_the_recycler(self):
        batch = self.create_batch([
            self.laptop_line(),
            {"category_id": self.printer.id, "quantity": 3, "weight_kg": 21.0}])
        self.assertRegex(batch.name, r"^DEEE-\d{4}-\d{3}$")
        self.assertAlmostEqual(batch.total_weight_kg, 25.5)
        batch.sudo(self.technician).action_validate()
        self.assertEqual(batch.state, "done")
        for lot in self.lots:
            self.assertEqual(quantity_at(self.env, lot, RECYCLER), 1.0)
            self.assertEqual(quantity_at(self.env, lot, RECYCLING), 0.0)
        self.assertEqual(self.printer_quantity(RECYCLER), 3.0)
        self.assertEqual(self.printer_quantity(RECYCLING), 2.0)
        # one transfer for the whole handover, devices and items
        self.assertEqual(batch.picking_ids.mapped("state"), ["done"])
        self.assertEqual(batch.picking_ids.partner_id, self.recycler)
        self.assertEqual(set(batch.picking_ids.move_line_ids.mapped("lot_id")), set(self.lots))
        with self.assertRaises(UserError):
            batch.action_validate()
        with self.assertRaises(UserError):
            batch.unlink()

    def test_weight_must_be_positive(self):
        for weight in (0.0, -3.0):
            with self.assertRaises(psycopg2.IntegrityError), mute_logger("odoo.sql_db"):
                with self.cr.savepoint():
                    self.create_batch([self.laptop_line(weight=weight)])

    def test_only_recycled_devices_of_the_line_category(self):
        ready = create_device(self.env, "T-DEEE-READY")
        with self.assertRaisesRegex(ValidationError, "recyclés"):
            self.env["defis.recycling.batch"].with_context(lang="fr_FR").create({
                "partner_id": self.recycler.id,
                "line_ids": [(0, 0, self.laptop_line(lots=ready))]})
        with self.assertRaises(ValidationError):
            self.create_batch([{"category_id": self.laptop.id, "quantity": 2, "weight_kg": 5}])
        with self.assertRaises(ValidationError):
            self.create_batch([{"category_id": self.printer.id, "weight_kg": 5,
                                "lot_ids": [(6, 0, self.lots[:1].ids)]}])

    def test_nothing_handed_over_when_an_item_is_missing(self):
        batch = self.create_batch([
            self.laptop_line(),
            {"category_id": self.printer.id, "quantity": 9, "weight_kg": 60.0}])
        with self.assertRaisesRegex(UserError, "Recyclage"):
            batch.with_context(lang="fr_FR").action_validate()
        self.assertEqual(batch.state, "draft")
        self.assertFalse(batch.picking_ids)
        self.assertEqual(quantity_at(self.env, self.lots[0], RECYCLING), 1.0)

    def test_weight_suggested_from_the_devices(self):
        self.lots.write({"defis_weight_kg": 2.2})
        line = self.env["defis.recycling.batch.line"].new(
            {"category_id": self.laptop.id, "lot_ids": [(6, 0, self.lots.ids)]})
        line._onchange_weight_kg()
        self.assertAlmostEqual(line.weight_kg, 4.4)

    def test_handover_slip_pdf(self):
        batch = self.create_batch([
            self.laptop_line(),
            {"category_id": self.printer.id, "quantity": 3, "weight_kg": 21.0}])
        text = self.pdf_text("defis_reuse.action_report_defis_recycling_slip", batch)
        for expected in ("Bordereau de remise DEEE", batch.name, "Envie 56 DEEE", "14/12/2018",
                         "Imprimante", "25.5", "T-DEEE-0", "Pour le recycleur"):
            self.assertIn(expected, text)
