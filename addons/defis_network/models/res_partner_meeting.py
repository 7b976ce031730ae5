# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""How often a structure's referents come to the network's meetings."""
from odoo import fields, models


# contacts are extended in one file per concern, on purpose
class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    defis_meeting_attendance_rate = fields.Float(
        string="Meeting attendance (%)", digits=(5, 1), groups="defis_network.group_defis_user",
        compute="_compute_defis_meeting_attendance_rate",
        help="Held meetings where at least one referent of the structure was present, "
             "out of the held meetings it was invited to.")

    def _compute_defis_meeting_attendance_rate(self):
        rates = self.env["defis.meeting.attendance"]._structure_rates(self.ids)
        for partner in self:
            partner.defis_meeting_attendance_rate = rates.get(partner.id, 0.0)
