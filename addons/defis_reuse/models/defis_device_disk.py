# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .stock_production_lot import STORAGE_TYPES


class DefisDeviceDisk(models.Model):
    """A disk the workshop's probe found in a device. A serial number belongs
    to one device: an erasure sent for it from another device is refused."""

    _name = "defis.device.disk"
    _description = "Device disk"
    _order = "lot_id, path, id"
    _rec_name = "serial"

    lot_id = fields.Many2one(
        "stock.production.lot", string="Device", required=True, index=True, ondelete="cascade")
    serial = fields.Char(string="Serial number", index=True)
    model = fields.Char()
    path = fields.Char(help="Name of the disk on the probed machine, e.g. /dev/sda.")
    size_gb = fields.Integer(string="Size (GB)")
    storage_type = fields.Selection(STORAGE_TYPES)
    smart_passed = fields.Boolean(string="SMART health passed")
    power_on_hours = fields.Integer()
    snapshot_id = fields.Many2one(
        "defis.device.snapshot", string="Last snapshot", readonly=True, ondelete="set null")

    @api.model_cr
    def init(self):
        self.env.cr.execute("""
            CREATE UNIQUE INDEX IF NOT EXISTS defis_device_disk_serial_uniq
                ON defis_device_disk (serial) WHERE coalesce(serial, '') != ''""")

    @api.model
    def _defis_owner_of(self, serials, lot):
        """{serial: disk} of the serials that belong to another device."""
        disks = self.search([("serial", "in", list(serials)), ("lot_id", "!=", lot.id)])
        return {disk.serial: disk for disk in disks}

    @api.model
    def _defis_record(self, lot, disks, snapshot):
        """The device's disks as the probe found them (matched by serial, or
        by path and model when the disk gives no serial)."""
        for found in disks:
            values = {
                "lot_id": lot.id, "serial": found.get("serial") or False,
                "model": found.get("model") or False, "path": found.get("path"),
                "size_gb": round((found.get("size_bytes") or 0) / 1e9),
                "storage_type": found.get("storage_type") or False,
                "smart_passed": bool(found.get("smart_passed")),
                "power_on_hours": found.get("power_on_hours") or 0,
                "snapshot_id": snapshot.id,
            }
            known = lot.defis_disk_ids.filtered(
                lambda disk, found=found: disk.serial == found.get("serial") if found.get(
                    "serial") else (not disk.serial and disk.path == found.get("path")
                                    and disk.model == (found.get("model") or False)))
            if known:
                known[0].write(values)
            else:
                self.create(values)
