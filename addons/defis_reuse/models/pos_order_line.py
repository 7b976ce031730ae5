# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PosOrderLine(models.Model):
    _inherit = "pos.order.line"

    defis_lot_id = fields.Many2one(
        "stock.production.lot", string="Device", index=True, ondelete="restrict",
        help="The refurbished device sold on this line.")
    defis_warranty_end = fields.Date(string="Warranty until", readonly=True)

    def _defis_is_device(self):
        self.ensure_one()
        product = self.product_id
        return bool(product.defis_category_id) and product.tracking == "serial"

    def _defis_resolve_lot(self):
        """The device of the line: sent by the till, or found from the
        lot number Odoo's own lot popup records."""
        for line in self.filtered(lambda l: not l.defis_lot_id and l._defis_is_device()):
            names = line.pack_lot_ids.mapped("lot_name")
            lot = self.env["stock.production.lot"].search(
                [("name", "in", names), ("product_id", "=", line.product_id.id)], limit=1)
            if lot:
                line.defis_lot_id = lot
