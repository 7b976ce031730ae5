# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

METHODS = [
    ("overwrite", "Overwrite passes"),
    ("crypto", "Cryptographic erase"),
    ("ata_secure", "ATA secure erase"),
    ("destruction", "Physical destruction of the storage"),
]


class DefisErasure(models.Model):
    """Secure erasure of a device's earlier data: how, by whom, when, with
    which result. A successful one makes the device 'erased'."""

    _name = "defis.erasure"
    _description = "Secure data erasure"
    _order = "date desc, id desc"

    lot_id = fields.Many2one(
        "stock.production.lot", string="Device", required=True, index=True,
        ondelete="cascade")
    category_id = fields.Many2one(related="lot_id.defis_category_id", readonly=True)
    method = fields.Selection(METHODS, required=True, default="overwrite")
    passes = fields.Integer(default=1, help="Number of overwrite passes.")
    standard = fields.Char(
        string="Standard referenced", default="NIST SP 800-88 r1",
        help="Standard or guide the erasure follows, e.g. NIST SP 800-88 r1, ANSSI.")
    tool = fields.Char(help="Software or device used, with its version.")
    user_id = fields.Many2one(
        "res.users", string="Operator", required=True, default=lambda self: self.env.user)
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    result = fields.Selection(
        [("success", "Success"), ("failure", "Failure")], required=True, default="success")
    notes = fields.Text()

    _sql_constraints = [
        ("passes_positive", "check (method != 'overwrite' or passes > 0)",
         "An erasure by overwriting needs at least one pass."),
    ]

    @api.model
    def create(self, vals):
        lot = self.env["stock.production.lot"].browse(vals.get("lot_id"))
        lot._defis_lock()
        if lot.defis_state not in ("diagnosed", "erased"):
            raise ValidationError(_(
                "Device %(tag)s is %(state)s: only a diagnosed device is erased.") % {
                    "tag": lot.display_name,
                    "state": lot._defis_state_label(lot.defis_state)})
        erasure = super().create(vals)
        erasure._apply_to_device()
        return erasure

    @api.multi
    def write(self, vals):
        if vals:
            raise UserError(_("An erasure record cannot be changed: record a new one."))
        return super().write(vals)

    def _apply_to_device(self):
        lot = self.lot_id
        if self.result != "success":
            return
        lot.write({"defis_erasure_id": self.id})
        if lot.defis_state == "diagnosed":
            lot._defis_transition("erased", date=self.date)
