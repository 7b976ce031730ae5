# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class DefisPosVoucherCorrection(models.TransientModel):
    """The correction of a Pass numérique voucher's number mistyped at the till."""

    _name = "defis.pos.voucher.correction"
    _inherit = "defis.proof.correction"
    _description = "Correction of a Pass numérique voucher"
    _defis_proof_model = "defis.pos.voucher"

    number = fields.Char(required=True)
