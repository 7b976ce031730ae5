# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class DefisStockTransferMixin(models.AbstractModel):
    """Stock pickings done at once, for devices (lots) and items received by
    quantity, leaving their location for good (a borrower who keeps the device,
    a WEEE recycler)."""

    _name = "defis.stock.transfer.mixin"
    _description = "Transfer done at once"

    @api.model
    def _defis_transfer(self, items, source, destination, picking_type, origin, partner=None):
        """Move ``items`` from ``source`` to ``destination`` in one done
        picking; ``items`` is a list of (product, quantity, lot or None).
        Returns the picking."""
        totals = {}
        for product, quantity, _lot in items:
            totals[product] = totals.get(product, 0.0) + quantity
        picking = self.env["stock.picking"].create({
            "picking_type_id": picking_type.id,
            "location_id": source.id,
            "location_dest_id": destination.id,
            "origin": origin,
            "partner_id": partner.id if partner else False,
            "move_lines": [(0, 0, {
                "name": origin,
                "product_id": product.id,
                "product_uom": product.uom_id.id,
                "product_uom_qty": quantity,
                "location_id": source.id,
                "location_dest_id": destination.id,
            }) for product, quantity in totals.items()],
        })
        picking.action_confirm()
        picking.move_line_ids.unlink()
        for product, quantity, lot in items:
            self.env["stock.move.line"].create({
                "move_id": picking.move_lines.filtered(
                    lambda move, product=product: move.product_id == product)[:1].id,
                "picking_id": picking.id,
                "product_id": product.id,
                "product_uom_id": product.uom_id.id,
                "lot_id": lot.id if lot else False,
                "qty_done": quantity,
                "location_id": source.id,
                "location_dest_id": destination.id,
            })
        picking.action_done()
        return picking
