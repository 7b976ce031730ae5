# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .defis_training_programme import AUDIENCES

SOURCES = [
    ("portal", "Website"),
    ("assisted", "Assisted registration"),
    ("referral", "Referral"),
    ("backend", "Front desk"),
]


class EventRegistration(models.Model):
    """A learner of a course run, with the hours attended."""

    _inherit = "event.registration"

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

    @api.depends("defis_attendance_ids.hours")
    def _compute_defis_hours_attended(self):
        for registration in self:
            registration.defis_hours_attended = sum(
                registration.defis_attendance_ids.mapped("hours"))

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
