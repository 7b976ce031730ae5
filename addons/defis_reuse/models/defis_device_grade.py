# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class DefisDeviceGrade(models.Model):
    """Cosmetic and functional grade of a refurbished device (A, B, C)."""

    _name = "defis.device.grade"
    _description = "Device grade"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)

    _sql_constraints = [
        ("code_uniq", "unique (code)", "The code of a grade must be unique."),
    ]
