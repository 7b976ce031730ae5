# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

KINDS = [
    ("subnetwork", "Sub-network meeting"),
    ("committee", "Technical committee"),
]
STATES = [
    ("planned", "Planned"),
    ("held", "Held"),
    ("cancelled", "Cancelled"),
]
DEFAULT_TZ = "Europe/Paris"

# Structures affiliated on %(date)s (affiliated on or before it, not withdrawn
# by then, not archived) without any referent marked present at a held meeting
# of the last 4 quarters: a meeting whose day, in time zone %(tz)s, is within
# the 12 months ending on %(date)s, both ends included (as of 2026-03-31: from
# 2025-04-01 to 2026-03-31). Whether the structure was invited does not matter.
NOT_REPRESENTED_QUERY = """
    SELECT p.id
      FROM res_partner p
     WHERE p.active
       AND p.defis_is_structure
       AND p.defis_affiliation_date <= %(date)s
       AND (p.defis_withdrawal_date IS NULL OR p.defis_withdrawal_date > %(date)s)
       AND NOT EXISTS (
               SELECT 1
                 FROM defis_meeting_attendance a
                 JOIN defis_meeting m ON m.id = a.meeting_id
                WHERE a.structure_id = p.id
                  AND a.present
                  AND m.state = 'held'
                  AND (m.date AT TIME ZONE 'UTC' AT TIME ZONE %(tz)s)::date
                      BETWEEN (%(date)s::date - INTERVAL '12 months')::date + 1
                          AND %(date)s::date)
  ORDER BY p.name, p.id
"""


class DefisMeeting(models.Model):
    """A meeting of the network: a sub-network's quarterly meeting, or the
    technical committee that gathers the referents of every sub-network."""

    _name = "defis.meeting"
    _description = "Network meeting"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(string="Subject", required=True, track_visibility="onchange")
    date = fields.Datetime(
        required=True, index=True, default=fields.Datetime.now, track_visibility="onchange")
    duration = fields.Float(default=2.0, help="In hours.")
    kind = fields.Selection(
        KINDS, required=True, default="subnetwork", track_visibility="onchange")
    subnetwork_id = fields.Many2one(
        "defis.subnetwork", string="Sub-network", index=True, ondelete="restrict",
        track_visibility="onchange")
    location = fields.Char()
    minutes = fields.Html()
    state = fields.Selection(
        STATES, string="Status", required=True, default="planned", index=True,
        copy=False, track_visibility="onchange")
    attendance_ids = fields.One2many(
        "defis.meeting.attendance", "meeting_id", string="Attendance", copy=False)
    invited_count = fields.Integer(string="Invited", compute="_compute_attendance_counts")
    present_count = fields.Integer(string="Present", compute="_compute_attendance_counts")

    @api.constrains("kind", "subnetwork_id")
    def _check_subnetwork(self):
        for meeting in self:
            if meeting.kind == "subnetwork" and not meeting.subnetwork_id:
                raise ValidationError(_(
                    "The sub-network meeting \"%s\" needs a sub-network.") % meeting.name)
            if meeting.kind == "committee" and meeting.subnetwork_id:
                raise ValidationError(_(
                    "The technical committee \"%s\" gathers every sub-network: leave "
                    "its sub-network empty.") % meeting.name)

    @api.onchange("kind")
    def _onchange_kind(self):
        if self.kind == "committee":
            self.subnetwork_id = False

    def _compute_attendance_counts(self):
        lines = self.env["defis.meeting.attendance"]
        invited = lines._count_by_meeting(self.ids)
        present = lines._count_by_meeting(self.ids, [("present", "=", True)])
        for meeting in self:
            meeting.invited_count = invited.get(meeting.id, 0)
            meeting.present_count = present.get(meeting.id, 0)

    @api.model
    def _tz_name(self):
        """Time zone the meeting days are counted in: the user's, France by default."""
        return self.env.context.get("tz") or self.env.user.tz or DEFAULT_TZ

    def _local_day(self):
        """The meeting's day in the user's time zone."""
        self.ensure_one()
        tz = pytz.timezone(self._tz_name())
        utc = pytz.utc.localize(fields.Datetime.from_string(self.date))
        return fields.Date.to_string(utc.astimezone(tz).date())

    def _invited_structures(self):
        """Structures affiliated on the meeting day: those of the sub-network,
        or all of them for the technical committee."""
        self.ensure_one()
        partners = self.env["res.partner"]
        domain = partners._defis_affiliated_domain(self._local_day())
        if self.kind == "subnetwork":
            domain += [("defis_subnetwork_id", "=", self.subnetwork_id.id)]
        return partners.search(domain)

    def _referents_to_invite(self):
        """Referents in office on the meeting day (the day a referent is
        replaced, the new one is invited) of the invited structures."""
        self.ensure_one()
        day = self._local_day()
        return self.env["defis.referent"].search([
            ("structure_id", "in", self._invited_structures().ids),
            ("date_start", "<=", day),
            "|", ("date_end", "=", False), ("date_end", ">", day),
        ]).mapped("partner_id")

    def action_invite_referents(self):
        """Add an attendance line for each referent to invite who has none
        yet; lines already there (and their presence) are kept."""
        for meeting in self:
            if meeting.state == "cancelled":
                raise UserError(_("The meeting \"%s\" is cancelled.") % meeting.name)
            new = meeting._referents_to_invite() - meeting.attendance_ids.mapped("partner_id")
            meeting.write({"attendance_ids": [
                (0, 0, {"partner_id": partner.id}) for partner in new]})
        return True

    def action_held(self):
        self.write({"state": "held"})
        return True

    def action_cancel(self):
        self.write({"state": "cancelled"})
        return True

    def action_plan(self):
        self.write({"state": "planned"})
        return True

    @api.model
    def structures_not_represented(self, date=None):
        """Structures affiliated on ``date`` (today by default) whose referents
        were present at no held meeting during the 12 months up to that date
        (see ``NOT_REPRESENTED_QUERY``)."""
        date = date or fields.Date.context_today(self)
        self.env.cr.execute(NOT_REPRESENTED_QUERY, {
            "date": fields.Date.to_string(fields.Date.from_string(date)),
            "tz": self._tz_name(),
        })
        return self.env["res.partner"].browse([row[0] for row in self.env.cr.fetchall()])

    @api.model
    def action_structures_not_represented(self):
        structures = self.structures_not_represented()
        return {
            "type": "ir.actions.act_window",
            "name": _("Structures not represented in the last 4 quarters"),
            "res_model": "res.partner",
            "view_mode": "tree,form",
            "views": [(self.env.ref("defis_network.view_partner_structure_tree").id, "tree"),
                      (False, "form")],
            "domain": [("id", "in", structures.ids)],
            "context": {"create": False},
        }
