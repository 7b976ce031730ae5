# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""How often a structure's referents come to the network's meetings."""
from odoo import api, fields, models


# contacts are extended in one file per concern, on purpose
class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    defis_structure_attendance_ids = fields.One2many(
        "defis.meeting.attendance", "structure_id", string="Meeting attendance lines",
        groups="defis_network.group_defis_user")
    # stored: the list of the structures is sorted, filtered and grouped by it,
    # and reading it for the whole network is reading a column; it changes
    # with the structure's lines only (a line's presence, its meeting held or
    # not), recomputed for those structures in one query
    defis_meeting_attendance_rate = fields.Float(
        string="Meeting attendance (%)", digits=(5, 1), groups="defis_network.group_defis_user",
        compute="_compute_defis_meeting_attendance_rate", store=True,
        help="Held meetings where at least one referent of the structure was present, "
             "out of the held meetings it was invited to.")

    @api.depends("defis_is_structure", "defis_structure_attendance_ids.present",
                 "defis_structure_attendance_ids.meeting_id.state")
    def _compute_defis_meeting_attendance_rate(self):
        # a contact that is not a structure (a household, a person) costs
        # no query
        structures = self.filtered("defis_is_structure")
        rates = self.env["defis.meeting.attendance"]._structure_rates(structures.ids)
        for partner in self:
            partner.defis_meeting_attendance_rate = rates.get(partner.id, 0.0)
