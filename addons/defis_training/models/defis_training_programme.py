# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

AUDIENCES = [
    ("individuals", "Individuals"),
    ("professionals", "Professionals"),
    ("young", "Young people (16-25)"),
    ("job_seekers", "Job seekers"),
    ("benefit", "Recipients of minimum social benefits"),
]
THRESHOLD_PARAM = "defis_training.completion_threshold"
DEFAULT_THRESHOLD = 80.0


class DefisTrainingProgramme(models.Model):
    """A course the association teaches; each run of it is an event."""

    _name = "defis.training.programme"
    _description = "Training programme"
    _inherit = ["mail.thread"]
    _order = "name"

    name = fields.Char(required=True, translate=True, track_visibility="onchange")
    code = fields.Char()
    planned_hours = fields.Float(required=True, default=10.0, track_visibility="onchange")
    audience = fields.Selection(AUDIENCES, required=True, default="individuals")
    topics = fields.Text()
    default_funding_id = fields.Many2one(
        "defis.training.funding", string="Default funding agreement", ondelete="set null")
    description_portal = fields.Html(string="Description on the website", translate=True)
    completion_threshold = fields.Float(
        string="Completion threshold (%)", required=True,
        default=lambda self: self._default_completion_threshold(),
        help="A learner completes the course when the hours attended reach this "
             "percentage of the hours planned for the course run.")
    active = fields.Boolean(default=True)
    event_ids = fields.One2many("event.event", "defis_programme_id", string="Course runs")
    event_count = fields.Integer(compute="_compute_event_count", string="Number of course runs")
    website_published = fields.Boolean(string="Published on the website", default=True)
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.user.company_id)

    _sql_constraints = [
        ("planned_hours_positive", "CHECK(planned_hours > 0)",
         "The planned hours of a programme must be positive."),
        ("completion_threshold_range",
         "CHECK(completion_threshold > 0 AND completion_threshold <= 100)",
         "The completion threshold is a percentage between 0 and 100."),
    ]

    @api.model
    def _default_completion_threshold(self):
        value = self.env["ir.config_parameter"].sudo().get_param(THRESHOLD_PARAM)
        try:
            return float(value) if value else DEFAULT_THRESHOLD
        except ValueError:
            return DEFAULT_THRESHOLD

    @api.depends("event_ids")
    def _compute_event_count(self):
        groups = self.env["event.event"].read_group(
            [("defis_programme_id", "in", self.ids)], ["defis_programme_id"],
            ["defis_programme_id"])
        counts = {g["defis_programme_id"][0]: g["defis_programme_id_count"] for g in groups}
        for programme in self:
            programme.event_count = counts.get(programme.id, 0)
