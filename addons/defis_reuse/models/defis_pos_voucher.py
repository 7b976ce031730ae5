# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

VOUCHER_VALUE = 10.0


class DefisPosVoucher(models.Model):
    """A Pass numérique voucher (APTIC, €10) given at the till."""

    _name = "defis.pos.voucher"
    _description = "Pass numérique voucher"
    _inherit = ["defis.proof.mixin"]
    _order = "order_id, number"
    _defis_proof_correctable = ("number",)
    _rec_name = "number"

    number = fields.Char(required=True, index=True)
    amount = fields.Float(required=True, default=VOUCHER_VALUE)
    order_id = fields.Many2one(
        "pos.order", string="Order", required=True, index=True, ondelete="cascade")
    partner_id = fields.Many2one(related="order_id.partner_id", readonly=True)
    date = fields.Datetime(related="order_id.date_order", readonly=True)

    _sql_constraints = [
        ("number_unique", "unique(number)",
         "This Pass numérique voucher number was already used."),
    ]

    @api.constrains("amount")
    def _check_amount(self):
        for voucher in self:
            if voucher.amount != VOUCHER_VALUE:
                raise ValidationError(_("A Pass numérique voucher is worth %s €.")
                                      % VOUCHER_VALUE)

    def _defis_proof_locked(self):
        return self.filtered(lambda voucher: voucher.order_id.state in (
            "paid", "done", "invoiced"))

    @api.model
    def _normalize(self, number):
        return "".join((number or "").split()).upper()
