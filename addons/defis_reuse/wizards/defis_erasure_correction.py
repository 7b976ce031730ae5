# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..models.defis_erasure import METHODS


class DefisErasureCorrection(models.TransientModel):
    """The correction of an erasure certificate's facts."""

    _name = "defis.erasure.correction"
    _inherit = "defis.proof.correction"
    _description = "Correction of an erasure"
    _defis_proof_model = "defis.erasure"
    _defis_open_correction = True

    method = fields.Selection(METHODS, required=True)
    passes = fields.Integer(help="Number of overwrite passes.")
    standard = fields.Char(string="Standard referenced")
    tool = fields.Char()
    date = fields.Date(required=True)
    result = fields.Selection([("success", "Success"), ("failure", "Failure")], required=True)
    notes = fields.Text()
