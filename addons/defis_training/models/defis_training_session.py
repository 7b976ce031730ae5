# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.defis_network.models.defis_proof_mixin import value_differs

STATES = [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")]
SITTING_FACTS = {"state", "date_begin", "date_end", "event_id"}


class DefisTrainingSession(models.Model):
    """A sitting of a course run: every learner of the run attends it."""

    _name = "defis.training.session"
    _description = "Training session"
    _order = "date_begin, id"

    event_id = fields.Many2one(
        "event.event", string="Course run", required=True, index=True, ondelete="cascade")
    name = fields.Char(string="Title")
    date_begin = fields.Datetime(string="Start", required=True)
    date_end = fields.Datetime(string="End", required=True)
    duration_hours = fields.Float(
        string="Length (hours)", compute="_compute_duration_hours", store=True)
    room = fields.Char()
    trainer_id = fields.Many2one(
        "res.users", string="Trainer", index=True, default=lambda self: self.env.user)
    attendance_ids = fields.One2many(
        "defis.training.attendance", "session_id", string="Attendance")
    state = fields.Selection(STATES, string="Status", required=True, default="planned")
    programme_id = fields.Many2one(
        related="event_id.defis_programme_id", store=True, readonly=True)
    present_count = fields.Integer(
        string="Learners present", compute="_compute_present_count")

    _sql_constraints = [
        ("dates_order", "CHECK(date_end > date_begin)",
         "A session must end after it starts."),
    ]

    @api.depends("date_begin", "date_end")
    def _compute_duration_hours(self):
        for session in self:
            if session.date_begin and session.date_end:
                delta = (fields.Datetime.from_string(session.date_end)
                         - fields.Datetime.from_string(session.date_begin))
                session.duration_hours = round(delta.total_seconds() / 3600.0, 2)
            else:
                session.duration_hours = 0.0

    @api.multi
    def write(self, vals):
        self._check_closed_kept(vals)
        if not {"date_begin", "date_end"} & set(vals):
            return super().write(vals)
        # learners present for the whole session stay so when it is moved
        # or its length changes; late arrivals keep their hours
        whole = {session.id: session.attendance_ids.filtered(
            lambda a, s=session: a.state == "present"
            and abs(a.hours - s.duration_hours) < 1e-6) for session in self}
        result = super().write(vals)
        for session in self:
            whole[session.id].write({"hours": session.duration_hours})
        self.mapped("attendance_ids")._check_hours()
        return result

    @api.depends("attendance_ids.state")
    def _compute_present_count(self):
        for session in self:
            session.present_count = len(
                session.attendance_ids.filtered(lambda a: a.state == "present"))

    @api.multi
    def name_get(self):
        result = []
        for session in self:
            begin = fields.Datetime.context_timestamp(
                session, fields.Datetime.from_string(session.date_begin))
            label = "%s %s" % (session.event_id.name or "", begin.strftime("%d/%m/%Y %H:%M"))
            if session.name:
                label = "%s (%s)" % (label, session.name)
            result.append((session.id, label))
        return result

    def _check_closed_kept(self, vals):
        """A closed sitting keeps its status and its dates: its attendance is
        a proof of the hours given."""
        for session in self.filtered(lambda s: s.state == "done"):
            for name in set(vals) & SITTING_FACTS:
                if value_differs(session, name, vals[name]):
                    raise UserError(_(
                        "Session %(session)s is closed: its attendance is kept as a proof, "
                        "its %(field)s can no longer be changed.") % {
                            "session": session.display_name,
                            "field": self._fields[name].get_description(
                                self.env)["string"]})

    @api.multi
    def unlink(self):
        # deleting a sitting would delete its attendance: the lines refuse it when kept
        self.with_context(active_test=False).mapped("attendance_ids").unlink()
        return super().unlink()

    @api.multi
    def copy_data(self, default=None):
        default = dict(default or {})
        default.setdefault("attendance_ids", [])
        return super().copy_data(default)

    def _ensure_attendance_lines(self):
        """One attendance line (absent until marked) per confirmed learner
        of the course run that has none yet."""
        Attendance = self.env["defis.training.attendance"]
        for session in self:
            registered = session.event_id.registration_ids.filtered(
                lambda r: r.state in ("open", "done"))
            missing = registered - session.attendance_ids.mapped("registration_id")
            for registration in missing:
                Attendance.create({
                    "session_id": session.id, "registration_id": registration.id,
                    "state": "absent"})

    def _may_record_attendance(self):
        """Whether the user records the attendance of this session (a trainer
        for their own sessions, a manager for all)."""
        if not self.env["defis.training.attendance"].check_access_rights(
                "create", raise_exception=False):
            return False
        try:
            self.check_access_rule("write")
        except AccessError:
            return False
        return True

    def action_attendance_sheet(self):
        """The attendance sheet: every learner of the run, editable in place."""
        self.ensure_one()
        if self._may_record_attendance():
            self._ensure_attendance_lines()
        return {
            "type": "ir.actions.act_window",
            "name": _("Attendance sheet"),
            "res_model": "defis.training.attendance",
            "view_mode": "tree",
            "views": [(self.env.ref(
                "defis_training.defis_training_attendance_view_tree_sheet").id, "tree")],
            "domain": [("session_id", "=", self.id)],
            "context": {"default_session_id": self.id},
            "target": "current",
        }

    def action_mark_all_present(self):
        """Every learner registered is present for the whole session."""
        self._ensure_attendance_lines()
        self.mapped("attendance_ids").write({"state": "present"})
        self.write({"state": "done"})
        return True
