# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import pytz

from odoo import _, api, fields, models

from .defis_training_programme import AUDIENCES

SOURCES = [
    ("portal", "Website"),
    ("assisted", "Assisted registration"),
    ("referral", "Referral"),
    ("backend", "Front desk"),
]


class EventRegistration(models.Model):
    """A learner of a course run, with the hours attended."""

    _name = "event.registration"
    _inherit = ["event.registration", "defis.consent.mixin"]

    defis_attendance_ids = fields.One2many(
        "defis.training.attendance", "registration_id", string="Attendance")
    defis_hours_attended = fields.Float(
        string="Hours attended", compute="_compute_defis_hours_attended", store=True)
    defis_completion_rate = fields.Float(
        string="Completion (%)", compute="_compute_defis_completion", store=True,
        group_operator="avg")
    defis_completed = fields.Boolean(
        string="Completed", compute="_compute_defis_completion", store=True)
    defis_learner_type = fields.Selection(AUDIENCES, string="Type of learner")
    defis_referral_id = fields.Many2one(
        "defis.referral", string="Referral", index=True, ondelete="set null")
    defis_source = fields.Selection(
        SOURCES, string="Registered through", default="backend")
    defis_heard_from = fields.Char(string="Heard of it through")
    defis_structure_id = fields.Many2one(
        "res.partner", string="Referring structure", index=True, ondelete="set null",
        domain=[("defis_is_structure", "=", True)])

    @api.model
    def create(self, vals):
        if vals.get("event_id") and not vals.get("defis_learner_type"):
            programme = self.env["event.event"].browse(vals["event_id"]).defis_programme_id
            if programme:
                vals = dict(vals, defis_learner_type=programme.audience)
        return super().create(vals)

    @api.multi
    def unlink(self):
        # whoever may not delete the registration is told so first
        self.check_access_rights("unlink")
        self.check_access_rule("unlink")
        # the database would delete their attendance: the lines refuse it when kept
        self.with_context(active_test=False).mapped("defis_attendance_ids").unlink()
        return super().unlink()

    @api.multi
    def confirm_registration(self):
        # the confirmation e-mail schedulers of the run are event.mail records
        # that Défis users may not write: once the user may confirm, they run
        # as superuser
        self.check_access_rights("write")
        self.check_access_rule("write")
        return super(EventRegistration, self.sudo()).confirm_registration()

    @api.depends("defis_attendance_ids.hours")
    def _compute_defis_hours_attended(self):
        # a figure of the registration, whoever may read the attendance lines
        for registration, as_superuser in zip(self, self.sudo()):
            registration.defis_hours_attended = sum(
                as_superuser.defis_attendance_ids.mapped("hours"))

    @api.depends("defis_hours_attended", "event_id.defis_planned_hours",
                 "event_id.defis_programme_id.completion_threshold")
    def _compute_defis_completion(self):
        for registration in self:
            planned = registration.event_id.defis_planned_hours
            rate = 100.0 * registration.defis_hours_attended / planned if planned else 0.0
            registration.defis_completion_rate = round(rate, 2)
            programme = registration.event_id.defis_programme_id
            registration.defis_completed = bool(
                programme and planned and rate >= programme.completion_threshold - 1e-6)

    def _defis_local(self, value):
        """A UTC datetime string in the course run's time zone."""
        timestamp = pytz.utc.localize(fields.Datetime.from_string(value))
        return timestamp.astimezone(pytz.timezone(self.event_id.date_tz or "Europe/Paris"))

    def _defis_local_date(self, value):
        """dd/mm/yyyy of a UTC datetime string in the run's time zone (today if empty)."""
        if not value:
            return fields.Date.from_string(fields.Date.context_today(self)).strftime("%d/%m/%Y")
        return self._defis_local(value).strftime("%d/%m/%Y")

    @api.model
    def _defis_format_hours(self, hours):
        """7.5 -> "7 h 30"."""
        minutes = int(round((hours or 0.0) * 60))
        if minutes % 60:
            return "%d h %02d" % (minutes // 60, minutes % 60)
        return "%d h" % (minutes // 60)

    def _defis_certificate_lines(self):
        """The sessions attended, for the attendance certificate."""
        self.ensure_one()
        lines = []
        attended = self.defis_attendance_ids.filtered(lambda a: a.state == "present" and a.hours)
        for attendance in attended.sorted(lambda a: a.session_id.date_begin):
            session = attendance.session_id
            begin = self._defis_local(session.date_begin)
            lines.append({
                "name": session.name or self.event_id.defis_programme_id.name,
                "date": begin.strftime("%d/%m/%Y"),
                "begin": begin.strftime("%H:%M"),
                "end": self._defis_local(session.date_end).strftime("%H:%M"),
                "hours": self._defis_format_hours(attendance.hours),
            })
        return lines

    def _defis_run_period(self):
        return _("from %(begin)s to %(end)s") % {
            "begin": self._defis_local_date(self.event_id.date_begin),
            "end": self._defis_local_date(self.event_id.date_end)}

    def _defis_certificate_total(self):
        return _("Total hours attended: %(hours)s of %(planned)s planned "
                 "(%(rate)d %%).") % {
                     "hours": self._defis_format_hours(self.defis_hours_attended),
                     "planned": self._defis_format_hours(self.event_id.defis_planned_hours),
                     "rate": round(self.defis_completion_rate)}

    def _defis_certificate_outcome(self):
        """What the hours attended mean, said as they are: the whole course,
        completed by the threshold, or part of it."""
        self.ensure_one()
        threshold = self.event_id.defis_programme_id.completion_threshold
        if self.defis_completion_rate >= 100.0 - 1e-6:
            return _("The learner attended the whole training course.")
        if self.defis_completed:
            return _("The learner completed the training course: the hours attended reach "
                     "the completion threshold of %d %% of the hours planned.") % threshold
        return _("The learner attended part of the training course, below the completion "
                 "threshold of %d %% of the hours planned.") % threshold

    def _defis_certificate_place_date(self):
        company = self.event_id.company_id or self.env.user.company_id
        return _("Done at %(city)s, on %(date)s") % {
            "city": company.partner_id.city or "", "date": self._defis_local_date(False)}
