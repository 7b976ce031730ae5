# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.tools.misc import formatLang

STATES = [("draft", "Draft"), ("active", "Active"), ("closed", "Closed")]
COUNTED_REGISTRATIONS = ("open", "done")


class DefisTrainingFunding(models.Model):
    """A funding agreement (convention): a funder pays for learner-hours of
    some programmes over a period. A course run without one is paid by the
    association's own funds."""

    _name = "defis.training.funding"
    _description = "Funding agreement"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, track_visibility="onchange")
    funder_id = fields.Many2one(
        "res.partner", string="Funder", required=True, index=True, ondelete="restrict",
        track_visibility="onchange")
    programme_ids = fields.Many2many("defis.training.programme", string="Programmes")
    date_start = fields.Date(string="Start date", required=True)
    date_end = fields.Date(string="End date", required=True)
    contracted_hours = fields.Float(
        string="Contracted learner-hours", track_visibility="onchange")
    contracted_learners = fields.Integer(track_visibility="onchange")
    learner_retention_years = fields.Integer(
        string="Keep the learners' names (years)", track_visibility="onchange",
        help="Years after the end of the agreement during which the funder may audit the "
             "attendance (10 for the European Social Fund, for instance): the names of the "
             "learners of its course runs are kept until then, whatever the retention period.")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one(related="company_id.currency_id", readonly=True)
    amount = fields.Monetary(currency_field="currency_id")
    event_ids = fields.One2many("event.event", "defis_funding_id", string="Course runs")
    consumed_hours = fields.Float(
        string="Learner-hours attended", compute="_compute_consumption")
    consumed_learners = fields.Integer(
        string="Learners who attended", compute="_compute_consumption")
    planned_hours = fields.Float(
        string="Learner-hours planned", compute="_compute_consumption",
        help="Planned hours of each course run charged, times its registrations.")
    planned_learners = fields.Integer(
        string="Learners registered", compute="_compute_consumption")
    remaining_hours = fields.Float(
        string="Learner-hours left", compute="_compute_consumption")
    consumed_rate = fields.Float(
        string="Consumption (%)", compute="_compute_consumption")
    warning = fields.Char(compute="_compute_consumption")
    state = fields.Selection(
        STATES, string="Status", required=True, default="draft", track_visibility="onchange")

    _sql_constraints = [
        ("dates_order", "CHECK(date_end >= date_start)",
         "The end date of a funding agreement cannot be before its start date."),
        ("contracted_positive", "CHECK(contracted_hours >= 0 AND contracted_learners >= 0)",
         "Contracted hours and learners cannot be negative."),
        ("learner_retention_positive", "CHECK(learner_retention_years >= 0)",
         "The years the learners' names are kept cannot be negative."),
    ]

    @api.constrains("date_start", "date_end", "programme_ids")
    def _check_event_ids(self):
        self.mapped("event_ids")._check_defis_funding()

    def _consumption_figures(self):
        """{funding id: (attended hours, learners who attended,
        planned learner-hours, registered learners)} in two queries."""
        figures = {funding_id: [0.0, 0, 0.0, 0] for funding_id in self.ids}
        if not self.ids:
            return figures
        self.recompute()  # stored hours of registrations written by this transaction
        self.env.cr.execute("""
            SELECT e.defis_funding_id,
                   COALESCE(SUM(r.defis_hours_attended), 0),
                   COUNT(*) FILTER (WHERE r.defis_hours_attended > 0),
                   COALESCE(SUM(e.defis_planned_hours), 0),
                   COUNT(*)
              FROM event_registration r
              JOIN event_event e ON e.id = r.event_id
             WHERE e.defis_funding_id IN %s AND r.state IN %s
             GROUP BY e.defis_funding_id
        """, (tuple(self.ids), COUNTED_REGISTRATIONS))
        for funding_id, hours, learners, planned, registered in self.env.cr.fetchall():
            figures[funding_id] = [hours, learners, planned, registered]
        return figures

    @api.depends("contracted_hours", "contracted_learners", "event_ids")
    def _compute_consumption(self):
        figures = self._consumption_figures()
        for funding in self:
            hours, learners, planned, registered = figures.get(funding.id, (0.0, 0, 0.0, 0))
            funding.consumed_hours = hours
            funding.consumed_learners = learners
            funding.planned_hours = planned
            funding.planned_learners = registered
            funding.remaining_hours = funding.contracted_hours - hours
            funding.consumed_rate = (
                100.0 * hours / funding.contracted_hours if funding.contracted_hours else 0.0)
            funding.warning = funding._overrun_message(planned, registered)

    def _overrun_message(self, planned_hours, learners):
        """French warning when the runs charged would exceed the agreement."""
        self.ensure_one()
        messages = []
        if self.contracted_hours and planned_hours > self.contracted_hours + 1e-6:
            messages.append(_(
                "%(planned)s learner-hours planned for %(contracted)s contracted.") % {
                    "planned": formatLang(self.env, planned_hours, digits=1),
                    "contracted": formatLang(self.env, self.contracted_hours, digits=1)})
        if self.contracted_learners and learners > self.contracted_learners:
            messages.append(_(
                "%(learners)d learners registered for %(contracted)d contracted.") % {
                    "learners": learners, "contracted": self.contracted_learners})
        if not messages:
            return False
        return _("Agreement %s exceeded: ") % self.name + " ".join(messages)
