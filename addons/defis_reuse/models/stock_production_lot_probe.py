# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, fields, models


class StockProductionLot(models.Model):
    """What the workshop's probe adds to a device: its disks, the snapshots
    received, the battery's health, and the specifications its category has."""

    _inherit = "stock.production.lot"  # pylint: disable=consider-merging-classes-inherited

    defis_battery_health = fields.Integer(
        string="Battery health (%)",
        help="Full charge capacity as a percentage of the battery's design capacity.")
    defis_disk_ids = fields.One2many("defis.device.disk", "lot_id", string="Disks")
    defis_snapshot_ids = fields.One2many(
        "defis.device.snapshot", "lot_id", string="Probe snapshots", readonly=True)
    defis_spec_processor = fields.Boolean(related="defis_category_id.spec_processor",
                                          readonly=True)
    defis_spec_ram = fields.Boolean(related="defis_category_id.spec_ram", readonly=True)
    defis_spec_storage = fields.Boolean(related="defis_category_id.spec_storage", readonly=True)
    defis_spec_screen = fields.Boolean(related="defis_category_id.spec_screen", readonly=True)
    defis_spec_os = fields.Boolean(related="defis_category_id.spec_os", readonly=True)
    defis_spec_battery = fields.Boolean(related="defis_category_id.spec_battery", readonly=True)

    def action_defis_import_snapshot(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Upload a probe snapshot"),
            "res_model": "defis.snapshot.import",
            "view_mode": "form",
            "target": "new",
            "context": {"default_lot_id": self.id},
        }

    def action_defis_download_probe(self):
        return {"type": "ir.actions.act_url", "url": "/defis/probe/download", "target": "self"}
