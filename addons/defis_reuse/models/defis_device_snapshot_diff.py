# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .defis_device_snapshot import SPEC_FIELDS, _display


class DefisDeviceSnapshotDiff(models.Model):
    """A specification the probe read differently from what the device's
    record says (typed at the intake or in the workshop): the technician
    takes the probe's value or keeps the record's."""

    _name = "defis.device.snapshot.diff"
    _description = "Difference between a snapshot and a device"
    _order = "snapshot_id, id"

    snapshot_id = fields.Many2one(
        "defis.device.snapshot", string="Snapshot", required=True, index=True, readonly=True,
        ondelete="cascade")
    lot_id = fields.Many2one(related="snapshot_id.lot_id", readonly=True)
    field_name = fields.Char(required=True, readonly=True)
    label = fields.Char(string="Field", readonly=True)
    device_value = fields.Char(string="On the device", readonly=True)
    probe_value = fields.Char(string="Read by the probe", readonly=True,
                              help="The value, in JSON.")
    probe_display = fields.Char(string="Read by the probe", compute="_compute_probe_display")
    state = fields.Selection([
        ("pending", "To review"), ("accepted", "Probe's value taken"),
        ("kept", "Device's value kept")], required=True, default="pending", readonly=True)

    @api.constrains("field_name")
    def _check_field_name(self):
        allowed = {name for name, _key, _flag in SPEC_FIELDS}
        if self.filtered(lambda diff: diff.field_name not in allowed):
            raise ValidationError(_("The probe only reads the device's specifications."))

    def _probe_display(self):
        self.ensure_one()
        return _display(json.loads(self.probe_value))

    def _compute_probe_display(self):
        for diff in self:
            diff.probe_display = diff._probe_display()

    @api.multi
    def write(self, vals):
        if set(vals) - {"state"}:
            raise UserError(_("A difference read by the probe cannot be changed."))
        return super().write(vals)

    def _check_pending(self):
        if self.filtered(lambda diff: diff.state != "pending"):
            raise UserError(_("This difference was already settled."))

    def action_accept(self):
        """Take the probe's value on the device."""
        self._check_pending()
        for diff in self:
            diff.lot_id.write({diff.field_name: json.loads(diff.probe_value)})
        self.write({"state": "accepted"})
        self.mapped("snapshot_id")._settle()
        return True

    def action_keep(self):
        """Keep the device's value."""
        self._check_pending()
        self.write({"state": "kept"})
        self.mapped("snapshot_id")._settle()
        return True
