# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class DefisRecyclingBatchLine(models.Model):
    """One device category of a recycling batch: its weight, and the devices
    or the number of items handed over."""

    _name = "defis.recycling.batch.line"
    _description = "Recycling batch line"
    _inherit = ["defis.proof.mixin"]
    _order = "batch_id, sequence, id"

    batch_id = fields.Many2one(
        "defis.recycling.batch", string="Batch", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    category_id = fields.Many2one(
        "defis.device.category", string="Category", required=True, ondelete="restrict")
    weee_category = fields.Selection(related="category_id.weee_category", readonly=True)
    weight_kg = fields.Float(string="Weight (kg)", required=True, digits=(16, 1))
    lot_ids = fields.Many2many(
        "stock.production.lot", "defis_recycling_batch_line_lot_rel", "line_id", "lot_id",
        string="Devices",
        domain="[('defis_category_id', '=', category_id), ('defis_state', '=', 'recycled')]")
    quantity = fields.Integer(
        string="Items by quantity",
        help="Items of a category received by quantity (not one by one) handed over.")
    device_count = fields.Integer(
        string="Devices handed over", compute="_compute_device_count", store=True)

    _sql_constraints = [
        ("weight_positive", "CHECK(weight_kg > 0)",
         "The weight of a recycling batch line must be positive."),
        ("quantity_positive", "CHECK(quantity >= 0)",
         "The number of items cannot be negative."),
    ]

    def _defis_proof_locked(self):
        return self.filtered(lambda line: line.batch_id.state == "done")

    @api.depends("lot_ids", "quantity")
    def _compute_device_count(self):
        for line in self:
            line.device_count = len(line.lot_ids) + line.quantity

    @api.constrains("category_id", "lot_ids")
    def _check_lot_category(self):
        for line in self:
            wrong = line.lot_ids.filtered(
                lambda lot, line=line: lot.defis_category_id != line.category_id
                or lot.defis_state != "recycled")
            if wrong:
                raise ValidationError(_(
                    "Only recycled devices of the category %(category)s can be handed over "
                    "on this line: %(lots)s.") % {
                        "category": line.category_id.name,
                        "lots": ", ".join(wrong.mapped("name"))})

    @api.constrains("category_id", "lot_ids", "quantity")
    def _check_tracking(self):
        for line in self:
            serial = line.category_id.tracking == "serial"
            if serial and line.quantity:
                raise ValidationError(_(
                    "%s devices are handed over one by one: choose the devices, not a "
                    "number of items.") % line.category_id.name)
            if not serial and line.lot_ids:
                raise ValidationError(_(
                    "%s items are handed over by quantity, not one by one.")
                    % line.category_id.name)

    @api.onchange("lot_ids", "quantity", "category_id")
    def _onchange_weight_kg(self):
        """Suggest a weight: the devices' own or the category's average."""
        average = self.category_id.avg_weight_kg
        weight = sum(lot.defis_weight_kg or average for lot in self.lot_ids)
        weight += self.quantity * average
        if weight:
            self.weight_kg = weight

    def _stock_items(self):
        """The devices and (product, quantity) pairs to hand over, checked
        to be in the recycling location."""
        lots = self.env["stock.production.lot"].sudo()
        quantities = []
        for line in self:
            product = line.category_id.product_id
            for lot in line.lot_ids:
                line.batch_id._check_available(product, 1.0, lot)
                lots |= lot
            if line.quantity:
                line.batch_id._check_available(product, line.quantity)
                quantities.append((product, float(line.quantity)))
        return list(lots) + quantities
