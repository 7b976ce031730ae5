# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.defis_network.tools.actions import rpc_safe

from ..models.defis_reuse_history import year_selection


class DefisReuseReportWizard(models.TransientModel):
    """Choose a range of years; the spreadsheet gives the reuse figures of
    each year per device category, with the totals."""

    _name = "defis.reuse.report.wizard"
    _description = "Export the reuse report"

    year_from = fields.Selection(
        year_selection, string="First year", required=True,
        default=lambda self: str(self._this_year() - 1))
    year_to = fields.Selection(
        year_selection, string="Last year", required=True,
        default=lambda self: str(self._this_year()))

    @api.model
    def _this_year(self):
        return fields.Date.from_string(fields.Date.context_today(self)).year

    @api.constrains("year_from", "year_to")
    def _check_years(self):
        for wizard in self:
            if int(wizard.year_from) > int(wizard.year_to):
                raise ValidationError(_("The first year must precede the last year."))

    def _report_rows(self):
        """Per year of the range: its figures per category (category record,
        figures) in the categories' order, and its total."""
        self.ensure_one()
        report = self.env["defis.reuse.report"]
        names = list(report.figure_names())
        groups = report.read_group(
            [("year", ">=", self.year_from), ("year", "<=", self.year_to)],
            ["year", "category_id"] + names, ["year", "category_id"], lazy=False)
        by_year = {}
        for group in groups:
            category = group["category_id"] and group["category_id"][0]
            by_year.setdefault(group["year"], {})[category] = {
                name: group[name] or 0 for name in names}
        categories = self.env["defis.device.category"].with_context(
            active_test=False).search([])
        rows = []
        for year in range(int(self.year_from), int(self.year_to) + 1):
            figures = by_year.get(str(year), {})
            lines = [(category, figures[category.id])
                     for category in categories if category.id in figures]
            total = {name: sum(line[name] for line in figures.values()) for name in names}
            rows.append({"year": year, "lines": lines, "total": total})
        return rows

    def _factors(self):
        """The avoided emissions factors, their sources."""
        return self.env["defis.co2.factor"].search([])

    def action_export_xlsx(self):
        self.ensure_one()
        report = self.env.ref("defis_reuse.action_report_reuse_xlsx")
        return rpc_safe(report.report_action(self, config=False))
