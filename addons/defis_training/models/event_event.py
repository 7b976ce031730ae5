# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import pytz

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class EventEvent(models.Model):
    """A course run: an event of a training programme, with its sessions."""

    _inherit = "event.event"

    defis_programme_id = fields.Many2one(
        "defis.training.programme", string="Training programme", index=True,
        ondelete="restrict", track_visibility="onchange")
    defis_funding_id = fields.Many2one(
        "defis.training.funding", string="Funding agreement", index=True,
        ondelete="restrict", track_visibility="onchange",
        help="Leave empty when the association pays for the course run.")
    defis_session_ids = fields.One2many(
        "defis.training.session", "event_id", string="Sessions", copy=True)
    defis_planned_hours = fields.Float(
        string="Planned hours", compute="_compute_defis_planned_hours", store=True,
        help="Total length of the sessions not cancelled.")
    defis_trainer_ids = fields.Many2many(
        "res.users", string="Trainers", compute="_compute_defis_trainer_ids")
    defis_is_training = fields.Boolean(
        string="Course run", compute="_compute_defis_is_training", store=True, index=True)
    defis_funding_warning = fields.Char(
        string="Funding warning", compute="_compute_defis_funding_warning")

    @api.depends("defis_session_ids.duration_hours", "defis_session_ids.state")
    def _compute_defis_planned_hours(self):
        for event in self:
            event.defis_planned_hours = sum(
                event.defis_session_ids.filtered(lambda s: s.state != "cancelled")
                .mapped("duration_hours"))

    @api.depends("defis_session_ids.trainer_id")
    def _compute_defis_trainer_ids(self):
        for event in self:
            event.defis_trainer_ids = event.defis_session_ids.mapped("trainer_id")

    @api.depends("defis_programme_id")
    def _compute_defis_is_training(self):
        for event in self:
            event.defis_is_training = bool(event.defis_programme_id)

    @api.depends("defis_funding_id", "defis_planned_hours", "registration_ids.state")
    def _compute_defis_funding_warning(self):
        for event in self:
            event.defis_funding_warning = event._defis_funding_overrun()

    def _defis_counted_registrations(self):
        return len(self.registration_ids.filtered(lambda r: r.state in ("open", "done")))

    def _defis_funding_overrun(self):
        """The agreement's figures with this run as it is on screen (it may
        be unsaved): a French message when they exceed the contract."""
        self.ensure_one()
        funding = self.defis_funding_id
        if not funding:
            return False
        # in an onchange, self is a new record; _origin is the saved one
        origin = getattr(self, "_origin", self)
        others = funding.event_ids.filtered(lambda e: e.id not in (self.id, origin.id))
        learners = self._defis_counted_registrations() + sum(
            e._defis_counted_registrations() for e in others)
        hours = self.defis_planned_hours * self._defis_counted_registrations() + sum(
            e.defis_planned_hours * e._defis_counted_registrations() for e in others)
        return funding._overrun_message(hours, learners)

    @api.onchange("defis_programme_id")
    def _onchange_defis_programme_id(self):
        if self.defis_programme_id and not self.defis_funding_id:
            self.defis_funding_id = self.defis_programme_id.default_funding_id

    @api.onchange("defis_funding_id", "defis_session_ids")
    def _onchange_defis_funding_warning(self):
        message = self._defis_funding_overrun()
        if message:
            return {"warning": {"title": _("Funding agreement"), "message": message}}
        return {}

    def _defis_local_date(self, value):
        timestamp = pytz.utc.localize(fields.Datetime.from_string(value))
        return timestamp.astimezone(pytz.timezone(self.date_tz or "UTC")).date()

    @api.constrains("defis_funding_id", "defis_programme_id", "date_begin", "date_end")
    def _check_defis_funding(self):
        for event in self.filtered("defis_funding_id"):
            funding = event.defis_funding_id
            begin = event._defis_local_date(event.date_begin)
            end = event._defis_local_date(event.date_end)
            if (begin < fields.Date.from_string(funding.date_start)
                    or end > fields.Date.from_string(funding.date_end)):
                raise ValidationError(_(
                    "The course run %(event)s must take place within the period of the "
                    "funding agreement %(funding)s.") % {
                        "event": event.name, "funding": funding.name})
            if event.defis_programme_id not in funding.programme_ids:
                raise ValidationError(_(
                    "The funding agreement %(funding)s does not cover the programme "
                    "of %(event)s.") % {"event": event.name, "funding": funding.name})

    def action_print_certificates(self):
        """The attendance certificates of every learner of the course runs."""
        registrations = self.mapped("registration_ids").filtered(
            lambda r: r.state in ("open", "done"))
        return self.env.ref(
            "defis_training.action_report_defis_training_certificate").report_action(
                registrations, config=False)
