# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class DefisSubnetwork(models.Model):
    _name = "defis.subnetwork"
    _description = "Territorial sub-network"
    _inherit = "defis.network.tag.mixin"
    _inherits = {"res.partner.category": "category_id"}
    _tag_family_xmlid = "defis_network.category_subnetwork"

    structure_ids = fields.One2many(
        "res.partner", "defis_subnetwork_id", string="Structures")
    meeting_attendance_rate = fields.Float(
        string="Meeting attendance (%)", digits=(5, 1),
        compute="_compute_meeting_attendance_rate",
        help="Held meetings where at least one referent of the structure was present, "
             "out of the held meetings it was invited to, over the sub-network's structures.")

    def _structure_field(self):
        return "defis_subnetwork_id"

    def _compute_meeting_attendance_rate(self):
        rates = self.env["defis.meeting.attendance"]._subnetwork_rates(self.ids)
        for subnetwork in self:
            subnetwork.meeting_attendance_rate = rates.get(subnetwork.id, 0.0)
