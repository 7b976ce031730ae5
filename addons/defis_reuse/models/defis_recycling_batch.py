# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare


class DefisRecyclingBatch(models.Model):
    """Equipment handed over to a WEEE (DEEE) recycler, weighed per category."""

    _name = "defis.recycling.batch"
    _description = "Recycling batch"
    _inherit = ["mail.thread", "defis.proof.mixin"]
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
            # numbered in the year of its hand-over, even when recorded later
            vals["name"] = self.env["ir.sequence"].with_context(
                ir_sequence_date=vals.get("date")).next_by_code("defis.recycling.batch") or "/"
        return super().create(vals)

    def _defis_proof_locked(self):
        return self.filtered(lambda batch: batch.state == "done")

    def action_validate(self):
        """Hand the batch over: its devices and items leave the recycling
        location for the recycler's."""
        for batch in self:
            if batch.state != "draft":
                raise UserError(_("Batch %s is already handed over.") % batch.name)
            if not batch.line_ids:
                raise UserError(_("Batch %s has no lines.") % batch.name)
            items = batch.line_ids._stock_items()
            picking = self.env["defis.device.stock"].sudo().move(
                items, self.env.ref("defis_reuse.stock_location_weee_recycler"),
                source=self.env.ref("defis_reuse.stock_location_recycling"),
                origin=batch.name, partner=batch.partner_id, date=batch.date)
            batch.write({"state": "done", "picking_ids": [(6, 0, picking.ids)]})
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
