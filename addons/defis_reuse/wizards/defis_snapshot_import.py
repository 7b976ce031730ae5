# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import binascii
import json

from odoo import _, fields, models
from odoo.exceptions import UserError


class DefisSnapshotImport(models.TransientModel):
    """Upload, from the device's form, a snapshot the probe left on the stick
    (the workshop had no network)."""

    _name = "defis.snapshot.import"
    _description = "Upload a probe snapshot"

    lot_id = fields.Many2one("stock.production.lot", string="Device", required=True)
    snapshot_file = fields.Binary(string="Snapshot file", required=True)
    snapshot_filename = fields.Char()

    def _read_file(self):
        try:
            return json.loads(base64.b64decode(self.snapshot_file).decode("utf-8"))
        except (binascii.Error, UnicodeDecodeError, ValueError):
            raise UserError(_("%s is not a snapshot file of the probe (JSON expected).")
                            % (self.snapshot_filename or _("This file")))

    def action_import(self):
        self.ensure_one()
        snapshot = self._read_file()
        tag = snapshot.get("asset_tag") if isinstance(snapshot, dict) else None
        if tag not in (self.lot_id.name, self.lot_id.defis_asset_tag):
            raise UserError(_("This snapshot is about device %(tag)s, not %(device)s.") % {
                "tag": tag or "?", "device": self.lot_id.display_name})
        record = self.env["defis.device.snapshot"].import_snapshot(snapshot)
        return {
            "type": "ir.actions.act_window",
            "res_model": "defis.device.snapshot",
            "res_id": record.id,
            "view_mode": "form",
            "target": "current",
        }
