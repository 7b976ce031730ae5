# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class PosConfig(models.Model):
    _inherit = "pos.config"

    defis_voucher_value = fields.Float(
        string="Pass numérique voucher value", default=10.0, digits=(16, 2), required=True,
        help="What one Pass numérique (APTIC) voucher is worth at this till.")

    @api.constrains("defis_voucher_value")
    def _check_defis_voucher_value(self):
        for config in self:
            if config.defis_voucher_value <= 0:
                raise ValidationError(_("A Pass numérique voucher is worth more than 0 €."))

    def _defis_ready_lots(self):
        """Devices ready to sell in the till's stock location tree."""
        self.ensure_one()
        quants = self.env["stock.quant"].sudo().search([
            ("location_id", "child_of", self.stock_location_id.id),
            ("quantity", ">", 0),
            ("lot_id.defis_state", "=", "ready"),
            ("product_id.tracking", "=", "serial"),
        ])
        return quants.mapped("lot_id")

    def defis_pos_devices(self):
        """What the till needs of each ready device: one query per table,
        not per device."""
        self.ensure_one()
        lots = self._defis_ready_lots()
        grid = {(row.category_id.id, row.grade_id.id): row.price
                for row in self.env["defis.price.grid"].sudo().search([])}
        return [self._defis_device_values(lot, grid) for lot in lots.sorted("name")]

    def _defis_device_label(self, lot):
        return _("%(category)s refurbished – grade %(grade)s") % {
            "category": lot.defis_category_id.name,
            "grade": lot.defis_grade_id.code or lot.defis_grade_id.name or "?",
        }

    def _defis_device_values(self, lot, grid):
        category = lot.defis_category_id
        return {
            "id": lot.id,
            "name": lot.name,
            "asset_tag": lot.defis_asset_tag or lot.name,
            "serial": lot.ref or "",
            "product_id": lot.product_id.id,
            "category": category.name,
            "grade": lot.defis_grade_id.name or "",
            "price": grid.get((category.id, lot.defis_grade_id.id), 0.0),
            "label": self._defis_device_label(lot),
            "warranty_months": category.warranty_months,
        }
