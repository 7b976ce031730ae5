# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

FIRST_YEAR = 2000


class DefisTrainingHistory(models.Model):
    """Yearly figures of the years before the software, entered by the
    managers: they join the training report and the yearly summary."""

    _name = "defis.training.history"
    _description = "Training figures of a past year"
    _order = "year desc, programme_id, funder_id"
    _rec_name = "year"

    year = fields.Integer(required=True, index=True)
    programme_id = fields.Many2one(
        "defis.training.programme", string="Programme", required=True, ondelete="restrict")
    funder_id = fields.Many2one(
        "res.partner", string="Funder", ondelete="restrict",
        help="Leave empty for the courses paid by the association's own funds.")
    course_run_count = fields.Integer(string="Course runs")
    learner_count = fields.Integer(string="Learners", required=True)
    learner_hours = fields.Float(string="Learner-hours", required=True)
    company_id = fields.Many2one(
        "res.company", string="Company", required=True,
        default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one(related="company_id.currency_id", readonly=True)
    income = fields.Monetary(
        currency_field="currency_id",
        help="What the funder paid for the year, as recorded in the accounts.")
    note = fields.Char()

    _sql_constraints = [
        ("year_range", "CHECK(year >= %d AND year < 2100)" % FIRST_YEAR,
         "The year of past figures must be between 2000 and 2099."),
        ("figures_positive",
         "CHECK(course_run_count >= 0 AND learner_count >= 0 AND learner_hours >= 0"
         " AND coalesce(income, 0) >= 0)",
         "Course runs, learners, learner-hours and income cannot be negative."),
    ]

    @api.constrains("year", "programme_id", "funder_id")
    def _check_unique(self):
        for history in self:
            if self.search_count([
                    ("id", "!=", history.id), ("year", "=", history.year),
                    ("programme_id", "=", history.programme_id.id),
                    ("funder_id", "=", history.funder_id.id)]):
                raise ValidationError(_(
                    "The figures of %(year)s for %(programme)s and this funder are "
                    "already entered.") % {
                        "year": history.year, "programme": history.programme_id.name})

    @api.multi
    def name_get(self):
        return [(history.id, "%s %s" % (history.year, history.programme_id.name or ""))
                for history in self]
