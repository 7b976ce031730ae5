# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class DefisPosVoucher(models.Model):
    """A Pass numérique voucher (APTIC) given at the till, worth the value
    set on the till (``pos.config.defis_voucher_value``)."""

    _name = "defis.pos.voucher"
    _description = "Pass numérique voucher"
    _inherit = ["defis.proof.mixin"]
    _order = "order_id, number"
    _defis_proof_correctable = ("number",)
    _defis_proof_correction_wizard = "defis.pos.voucher.correction"
    _rec_name = "number"

    number = fields.Char(required=True, index=True)
    amount = fields.Float(required=True)
    order_id = fields.Many2one(
        "pos.order", string="Order", required=True, index=True, ondelete="cascade")
    partner_id = fields.Many2one(related="order_id.partner_id", readonly=True)
    date = fields.Datetime(related="order_id.date_order", readonly=True)

    _sql_constraints = [
        ("number_unique", "unique(number)",
         "This Pass numérique voucher number was already used."),
    ]

    @api.model
    def create(self, vals):
        if "amount" not in vals and vals.get("order_id"):
            order = self.env["pos.order"].browse(vals["order_id"])
            vals = dict(vals, amount=order.session_id.config_id.defis_voucher_value)
        return super().create(vals)

    @api.constrains("amount")
    def _check_amount(self):
        for voucher in self:
            value = voucher.order_id.session_id.config_id.defis_voucher_value
            if voucher.amount != value:
                raise ValidationError(_("A Pass numérique voucher is worth %s €.") % value)

    def _defis_proof_locked(self):
        return self.filtered(lambda voucher: voucher.order_id.state in (
            "paid", "done", "invoiced"))

    @api.model
    def _normalize(self, number):
        return "".join((number or "").split()).upper()
