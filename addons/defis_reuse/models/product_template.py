# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    defis_category_id = fields.Many2one(
        "defis.device.category", string="Device category", index=True,
        ondelete="restrict")
