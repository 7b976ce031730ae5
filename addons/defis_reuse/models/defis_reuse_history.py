# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

COUNT_FIELDS = ("collected_count", "redistributed_count", "stripped_count",
                "recycled_count", "household_count")
WEIGHT_FIELDS = ("collected_weight", "recycled_weight")
FIRST_YEAR = 1990


def year_selection(model):
    """Years from 1990 to the next one, the latest first, as strings."""
    this_year = fields.Date.from_string(fields.Date.context_today(model)).year
    return [(str(year), str(year)) for year in range(this_year + 1, FIRST_YEAR - 1, -1)]


class DefisReuseHistory(models.Model):
    """The association's yearly figures from before the software, per
    device category, entered from its activity reports."""

    _name = "defis.reuse.history"
    _description = "Reuse figures of a past year"
    _order = "year desc, category_id"
    _rec_name = "year"

    year = fields.Selection(year_selection, required=True, index=True)
    category_id = fields.Many2one(
        "defis.device.category", string="Device category", required=True,
        ondelete="restrict")
    collected_count = fields.Integer(string="Devices collected")
    redistributed_count = fields.Integer(
        string="Devices redistributed", help="Sold or lent for the first time that year.")
    stripped_count = fields.Integer(string="Devices stripped for parts")
    recycled_count = fields.Integer(string="Devices recycled")
    collected_weight = fields.Float(string="Weight collected (kg)", digits=(16, 1))
    recycled_weight = fields.Float(string="Weight recycled (kg)", digits=(16, 1))
    household_count = fields.Integer(
        string="Households equipped",
        help="Households that received their first device that year, counted in the "
             "category of that first device.")
    note = fields.Text()

    _sql_constraints = [
        ("year_category_unique", "UNIQUE (year, category_id)",
         "The figures of a year are entered once per device category."),
    ]

    @api.constrains(*(COUNT_FIELDS + WEIGHT_FIELDS))
    def _check_figures(self):
        for history in self:
            if any(history[name] < 0 for name in COUNT_FIELDS + WEIGHT_FIELDS):
                raise ValidationError(_("The figures of a past year cannot be negative."))
            if history.household_count > history.redistributed_count:
                raise ValidationError(_(
                    "%(year)s: more households equipped than devices redistributed.") % {
                        "year": history.year})
