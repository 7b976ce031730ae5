# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class DefisChecklistItem(models.Model):
    """A test of the refurbishment checklist of a device category."""

    _name = "defis.checklist.item"
    _description = "Refurbishment checklist item"
    _order = "category_id, sequence, id"

    category_id = fields.Many2one(
        "defis.device.category", string="Category", required=True, index=True,
        ondelete="cascade")
    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    mandatory = fields.Boolean(default=True)
    active = fields.Boolean(default=True)
