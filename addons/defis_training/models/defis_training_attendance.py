# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

STATES = [("present", "Present"), ("absent", "Absent"), ("excused", "Excused")]


class DefisTrainingAttendance(models.Model):
    """Whether a learner (registration) attended a session, and for how long."""

    _name = "defis.training.attendance"
    _description = "Training attendance"
    _inherit = ["defis.proof.mixin"]
    _order = "date, session_id, partner_id"
    _defis_proof_correctable = ("state", "hours")
    _defis_proof_correction_wizard = "defis.training.attendance.correction"

    session_id = fields.Many2one(
        "defis.training.session", string="Session", required=True, index=True,
        ondelete="cascade")
    registration_id = fields.Many2one(
        "event.registration", string="Registration", required=True, index=True,
        ondelete="cascade")
    state = fields.Selection(STATES, string="Status", required=True, default="present")
    hours = fields.Float(
        string="Hours attended",
        help="The length of the session when present; less for a late arrival.")
    partner_id = fields.Many2one(
        related="registration_id.partner_id", string="Learner", store=True, readonly=True)
    event_id = fields.Many2one(
        related="session_id.event_id", string="Course run", store=True, readonly=True)
    date = fields.Datetime(related="session_id.date_begin", store=True, readonly=True)
    trainer_id = fields.Many2one(
        related="session_id.trainer_id", string="Trainer", store=True, readonly=True)
    session_state = fields.Selection(
        related="session_id.state", string="Session status", readonly=True)
    session_hours = fields.Float(
        related="session_id.duration_hours", string="Session length", readonly=True)

    _sql_constraints = [
        ("hours_positive", "CHECK(hours >= 0)", "Hours attended cannot be negative."),
    ]

    @api.model_cr
    def init(self):
        """One line in force per learner and session: a superseded line is
        archived, its correction takes its place."""
        self.env.cr.execute(
            "ALTER TABLE defis_training_attendance "
            "DROP CONSTRAINT IF EXISTS defis_training_attendance_session_registration_unique")
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS defis_training_attendance_one_in_force "
            "ON defis_training_attendance (session_id, registration_id) WHERE active")

    def _defis_proof_locked(self):
        return self.filtered(lambda line: line.session_id.state == "done")

    @api.multi
    @api.returns("self", lambda record: record.id)
    def action_defis_supersede(self, values, reason):
        if "state" in values and "hours" not in values:
            values = dict(values, hours=self._default_hours(self.session_id, values["state"]))
        return super().action_defis_supersede(values, reason)

    @api.model
    def _default_hours(self, session, state):
        return session.duration_hours if state == "present" else 0.0

    def _check_one_line_per_session(self, session_id, registration_id):
        """The unique index refuses a second line; checked first so that the
        refusal reads in the user's language whatever the client (an XML-RPC
        call carries no language for database messages)."""
        # whoever records it, and whatever lines they may read
        # the lines in force only, as the unique index, whatever the context
        if self.sudo().with_context(active_test=True).search_count([
                ("session_id", "=", session_id), ("registration_id", "=", registration_id),
                ("id", "not in", self.ids)]):
            raise ValidationError(_("A learner has one attendance line per session."))

    @api.model
    def create(self, vals):
        self._check_one_line_per_session(vals.get("session_id"), vals.get("registration_id"))
        if "hours" not in vals and vals.get("session_id"):
            session = self.env["defis.training.session"].browse(vals["session_id"])
            vals = dict(vals, hours=self._default_hours(session, vals.get("state", "present")))
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if {"session_id", "registration_id"} & set(vals):
            for attendance in self:
                attendance._check_one_line_per_session(
                    vals.get("session_id", attendance.session_id.id),
                    vals.get("registration_id", attendance.registration_id.id))
        if "state" in vals and "hours" not in vals:
            # the lines of each session get the hours of that session
            for session in self.mapped("session_id"):
                lines = self.filtered(lambda a, s=session: a.session_id == s)
                super(DefisTrainingAttendance, lines).write(dict(
                    vals, hours=self._default_hours(session, vals["state"])))
            return True
        return super().write(vals)

    def action_present(self):
        self.write({"state": "present"})
        return True

    def action_absent(self):
        self.write({"state": "absent"})
        return True

    def action_excused(self):
        self.write({"state": "excused"})
        return True

    @api.onchange("state")
    def _onchange_state(self):
        if self.session_id:
            self.hours = self._default_hours(self.session_id, self.state)

    @api.constrains("hours", "session_id")
    def _check_hours(self):
        # integrity, whoever writes: the record rules refuse a stranger's line
        # once the constraints passed
        for attendance in self.sudo():
            if attendance.hours > attendance.session_id.duration_hours + 1e-6:
                raise ValidationError(_(
                    "%(learner)s: %(hours).2f hours attended, more than the "
                    "%(length).2f hours of the session.") % {
                        "learner": attendance.registration_id.display_name,
                        "hours": attendance.hours,
                        "length": attendance.session_id.duration_hours})
            if attendance.state != "present" and attendance.hours:
                raise ValidationError(_(
                    "%s: only a learner present has hours attended.")
                    % attendance.registration_id.display_name)

    @api.constrains("session_id", "registration_id")
    def _check_same_event(self):
        for attendance in self.sudo():
            if attendance.registration_id.event_id != attendance.session_id.event_id:
                raise ValidationError(_(
                    "%s is not registered to the course run of this session.")
                    % attendance.registration_id.display_name)
