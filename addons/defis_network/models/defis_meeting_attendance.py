# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

# Held meetings a structure was invited to, and those where at least one of
# its referents was present; a (structure, meeting) pair counts once however
# many referents came. Planned and cancelled meetings do not count.
STRUCTURE_COUNTS_QUERY = """
    SELECT a.structure_id,
           COUNT(DISTINCT a.meeting_id),
           COUNT(DISTINCT a.meeting_id) FILTER (WHERE a.present)
      FROM defis_meeting_attendance a
      JOIN defis_meeting m ON m.id = a.meeting_id AND m.state = 'held'
     WHERE a.structure_id IN %s
  GROUP BY a.structure_id
"""
# The same (structure, meeting) pairs, summed over the structures of each
# sub-network (the sub-network a structure belongs to now).
SUBNETWORK_COUNTS_QUERY = """
    SELECT p.defis_subnetwork_id,
           COUNT(DISTINCT (a.structure_id, a.meeting_id)),
           COUNT(DISTINCT (a.structure_id, a.meeting_id)) FILTER (WHERE a.present)
      FROM defis_meeting_attendance a
      JOIN defis_meeting m ON m.id = a.meeting_id AND m.state = 'held'
      JOIN res_partner p ON p.id = a.structure_id
     WHERE p.defis_subnetwork_id IN %s
  GROUP BY p.defis_subnetwork_id
"""


class DefisMeetingAttendance(models.Model):
    """A referent invited to a meeting, and whether they came."""

    _name = "defis.meeting.attendance"
    _description = "Attendance at a network meeting"
    _order = "meeting_id, structure_id, id"
    _rec_name = "partner_id"

    meeting_id = fields.Many2one(
        "defis.meeting", string="Meeting", required=True, index=True, ondelete="cascade")
    partner_id = fields.Many2one(
        "res.partner", string="Referent", required=True, index=True, ondelete="restrict",
        domain=[("is_company", "=", False)])
    # the structure when the line was made: it stays if the person moves
    structure_id = fields.Many2one(
        "res.partner", string="Structure", index=True, readonly=True,
        compute="_compute_structure_id", store=True)
    present = fields.Boolean()
    meeting_date = fields.Datetime(related="meeting_id.date", string="Date", readonly=True)
    meeting_state = fields.Selection(
        related="meeting_id.state", string="Meeting status", readonly=True)

    _sql_constraints = [
        ("partner_unique", "unique(meeting_id, partner_id)",
         "A person is listed once per meeting."),
    ]

    @api.depends("partner_id")
    def _compute_structure_id(self):
        for line in self:
            line.structure_id = line.partner_id.parent_id

    @api.model
    def _count_by_meeting(self, meeting_ids, domain=None):
        groups = self.read_group(
            [("meeting_id", "in", meeting_ids)] + (domain or []), ["meeting_id"], ["meeting_id"])
        return {group["meeting_id"][0]: group["meeting_id_count"] for group in groups}

    @api.model
    def _attendance_rates(self, query, ids):
        """{id: rate in %} for the structures or sub-networks ``ids``, in one
        query; 0.0 for those never invited to a held meeting."""
        ids = tuple(rid for rid in ids if isinstance(rid, int))
        if not ids:
            return {}
        self.env.cr.execute(query, (ids,))
        return {key: 100.0 * present / invited
                for key, invited, present in self.env.cr.fetchall()}

    @api.model
    def _structure_rates(self, structure_ids):
        return self._attendance_rates(STRUCTURE_COUNTS_QUERY, structure_ids)

    @api.model
    def _subnetwork_rates(self, subnetwork_ids):
        return self._attendance_rates(SUBNETWORK_COUNTS_QUERY, subnetwork_ids)
