# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ProductTemplate(models.Model):
    _inherit = "product.template"

    defis_category_id = fields.Many2one(
        "defis.device.category", string="Device category", index=True,
        ondelete="restrict")
    defis_price_min = fields.Float(
        string="Lowest grid price", compute="_compute_defis_price_range", digits=(16, 2))
    defis_price_max = fields.Float(
        string="Highest grid price", compute="_compute_defis_price_range", digits=(16, 2))

    def _compute_defis_price_range(self):
        """The range of the category's price grid, shown on the till's tile."""
        rows = self.env["defis.price.grid"].sudo().search(
            [("category_id", "in", self.mapped("defis_category_id").ids)])
        prices = {}
        for row in rows:
            prices.setdefault(row.category_id.id, []).append(row.price)
        for template in self:
            found = prices.get(template.defis_category_id.id) or [0.0]
            template.defis_price_min = min(found)
            template.defis_price_max = max(found)

    @api.constrains("taxes_id", "defis_category_id")
    def _check_defis_no_tax_on_top(self):
        """The grid price is what a household pays: no tax is added to it."""
        for template in self.filtered("defis_category_id"):
            added = template.taxes_id.filtered(lambda tax: not tax.price_include)
            if added:
                raise ValidationError(_(
                    "%(product)s is a refurbished device: its price grid gives the price "
                    "a household pays, and the tax %(tax)s would be added on top of it. "
                    "The association's sales to its members are not subject to VAT "
                    "(article 261-7-1° b of the French tax code); should that change, use "
                    "a tax included in the price.") % {
                        "product": template.display_name,
                        "tax": ", ".join(added.mapped("name"))})
