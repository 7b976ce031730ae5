# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class DefisDeviceCheck(models.Model):
    """Result of one checklist item on one device."""

    _name = "defis.device.check"
    _description = "Device check"
    _order = "lot_id, sequence, id"

    lot_id = fields.Many2one(
        "stock.production.lot", string="Device", required=True, index=True,
        ondelete="cascade")
    item_id = fields.Many2one(
        "defis.checklist.item", string="Check", required=True, ondelete="restrict")
    name = fields.Char(related="item_id.name", readonly=True)
    sequence = fields.Integer(related="item_id.sequence", readonly=True, store=True)
    mandatory = fields.Boolean(related="item_id.mandatory", readonly=True, store=True)
    done = fields.Boolean()
    user_id = fields.Many2one("res.users", string="Checked by", readonly=True)
    date = fields.Date(string="Checked on", readonly=True)
    note = fields.Char()

    _sql_constraints = [
        ("lot_item_uniq", "unique (lot_id, item_id)", "This check is already on the device."),
    ]

    @api.multi
    def write(self, vals):
        if "done" in vals:
            vals = dict(vals)
            vals.setdefault("user_id", self.env.user.id if vals["done"] else False)
            vals.setdefault("date", fields.Date.context_today(self) if vals["done"] else False)
        return super().write(vals)
