"""Validating a donation intake of 1,000 laptops (one lot per device, with
its asset tag, state and weight, received into the intake location) against
Odoo's plain way of receiving 1,000 serial numbers: an incoming picking with
1,000 move lines named by lot_name, validated (Odoo creates the lots)."""
from .harness import BenchCase

DEVICES = 1000


class TestBenchReuseIntake(BenchCase):

    repeat = 1  # one run of each takes tens of seconds on 2 cores

    def setUp(self):
        super().setUp()
        self.env = self.env(context=dict(
            self.env.context, tracking_disable=True, mail_create_nolog=True,
            mail_notrack=True))
        self.donor = self.env["res.partner"].create({"name": "Donateur (bench)"})
        self.category = self.env.ref("defis_reuse.device_category_laptop")
        self.product = self.category.product_id

    def validate_intake(self):
        intake = self.env["defis.intake"].create({
            "partner_id": self.donor.id, "date": "2018-06-01",
            "line_ids": [(0, 0, {"category_id": self.category.id, "quantity": DEVICES,
                                 "weight_kg": 2.2 * DEVICES})]})
        intake.action_validate()
        assert len(intake.lot_ids) == DEVICES

    def plain_receipt(self):
        supplier = self.env.ref("stock.stock_location_suppliers")
        destination = self.env.ref("defis_reuse.stock_location_intake")
        picking = self.env["stock.picking"].create({
            "picking_type_id": self.env.ref("stock.picking_type_in").id,
            "partner_id": self.donor.id,
            "location_id": supplier.id, "location_dest_id": destination.id})
        move = self.env["stock.move"].create({
            "name": self.product.name, "picking_id": picking.id,
            "product_id": self.product.id, "product_uom": self.product.uom_id.id,
            "product_uom_qty": DEVICES, "picking_type_id": picking.picking_type_id.id,
            "location_id": supplier.id, "location_dest_id": destination.id})
        move._action_confirm()
        for index in range(DEVICES):
            self.env["stock.move.line"].create({
                "move_id": move.id, "picking_id": picking.id,
                "product_id": self.product.id, "product_uom_id": self.product.uom_id.id,
                "lot_name": "BENCH-%05d" % index, "qty_done": 1,
                "location_id": supplier.id, "location_dest_id": destination.id})
        picking.action_done()
        assert picking.state == "done"

    def test_intake_validation(self):
        self.compare("reuse: validate an intake of 1,000 devices vs plain serial receipt",
                     self.validate_intake, self.plain_receipt, DEVICES)
