# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare


class DefisRecyclingBatch(models.Model):
    """Equipment handed over to a WEEE (DEEE) recycler, weighed per category."""

    _name = "defis.recycling.batch"
    _description = "Recycling batch"
    _inherit = ["mail.thread", "defis.stock.transfer.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/")
    partner_id = fields.Many2one(
        "res.partner", string="Recycler", required=True, ondelete="restrict",
        readonly=True, states={"draft": [("readonly", False)]}, track_visibility="onchange",
        help="The WEEE (DEEE) recycling company that takes the batch.")
    date = fields.Date(
        required=True, default=fields.Date.context_today, index=True,
        readonly=True, states={"draft": [("readonly", False)]})
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Handed over")], string="Status", required=True,
        default="draft", readonly=True, copy=False, track_visibility="onchange")
    line_ids = fields.One2many(
        "defis.recycling.batch.line", "batch_id", string="Lines", copy=True,
        readonly=True, states={"draft": [("readonly", False)]})
    total_weight_kg = fields.Float(
        string="Total weight (kg)", compute="_compute_total_weight_kg", store=True,
        digits=(16, 1))
    picking_ids = fields.Many2many(
        "stock.picking", "defis_recycling_batch_picking_rel", "batch_id", "picking_id",
        string="Transfers", readonly=True, copy=False)
    note = fields.Text(string="Notes")
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.user.company_id)

    @api.depends("line_ids.weight_kg")
    def _compute_total_weight_kg(self):
        for batch in self:
            batch.total_weight_kg = sum(batch.line_ids.mapped("weight_kg"))

    @api.model
    def create(self, vals):
        if vals.get("name", "/") == "/":
            vals["name"] = self.env["ir.sequence"].next_by_code("defis.recycling.batch") or "/"
        return super().create(vals)

    @api.multi
    def unlink(self):
        if any(batch.state == "done" for batch in self):
            raise UserError(_("A batch handed over to the recycler cannot be deleted."))
        return super().unlink()

    def action_validate(self):
        """Hand the batch over: its devices and items leave the recycling
        location for the recycler's."""
        for batch in self:
            if batch.state != "draft":
                raise UserError(_("Batch %s is already handed over.") % batch.name)
            if not batch.line_ids:
                raise UserError(_("Batch %s has no lines.") % batch.name)
            source = self.env.ref("defis_reuse.stock_location_recycling")
            recycler = self.env.ref("defis_reuse.stock_location_weee_recycler")
            items = batch.line_ids._stock_items()
            pickings = self.env["stock.picking"]
            lots = self.env["stock.production.lot"].sudo().browse(
                [lot.id for _product, _qty, lot in items if lot])
            if lots:
                # the devices go the workshop's way (one transfer, quants relocated)
                pickings |= lots._defis_transfer(source, recycler, date=batch.date)
            by_quantity = [item for item in items if not item[2]]
            if by_quantity:
                pickings |= batch.sudo()._defis_transfer(
                    by_quantity, source, recycler, self.env.ref("stock.warehouse0").out_type_id,
                    batch.name, batch.partner_id)
            pickings.sudo().write({"origin": batch.name, "partner_id": batch.partner_id.id})
            batch.write({"state": "done", "picking_ids": [(6, 0, pickings.ids)]})
        return True

    def _check_available(self, product, quantity, lot=None):
        """Refuse to hand over what is not in the recycling location."""
        location = self.env.ref("defis_reuse.stock_location_recycling")
        available = self.env["stock.quant"].sudo()._get_available_quantity(
            product, location, lot_id=lot or None, strict=True)
        if float_compare(available, quantity, precision_rounding=product.uom_id.rounding) < 0:
            raise UserError(_("%(what)s is not in the recycling location (%(qty)s available).")
                            % {"what": lot.name if lot else product.display_name,
                               "qty": available})
