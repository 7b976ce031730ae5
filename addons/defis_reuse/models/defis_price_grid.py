# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class DefisPriceGrid(models.Model):
    """Price of a refurbished device at the till, per category and grade."""

    _name = "defis.price.grid"
    _description = "Price grid"
    _order = "category_id, grade_id"

    category_id = fields.Many2one(
        "defis.device.category", required=True, ondelete="cascade", index=True)
    grade_id = fields.Many2one(
        "defis.device.grade", required=True, ondelete="cascade")
    price = fields.Float(digits=(16, 2), required=True)
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.user.company_id.currency_id)

    _sql_constraints = [
        ("category_grade_uniq", "unique (category_id, grade_id)",
         "There is already a price for this category and grade."),
        ("price_positive", "check (price >= 0)", "A price cannot be negative."),
    ]

    @api.model
    def price_for(self, category, grade):
        """Price of a device of ``category`` and ``grade`` (0.0 when none)."""
        line = self.search([
            ("category_id", "=", category.id), ("grade_id", "=", grade.id)], limit=1)
        return line.price if line else 0.0
