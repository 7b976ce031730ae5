# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools.actions import rpc_safe

STEP_MONTHS = {"month": 1, "quarter": 3}


class DefisNetworkGrowthWizard(models.TransientModel):
    """Choose a period and a frequency; the spreadsheet gives, at the end of
    each month or quarter, the number of affiliated structures."""

    _name = "defis.network.growth.wizard"
    _description = "Export the network growth"

    date_from = fields.Date(
        string="Start date", required=True,
        default=lambda self: self._default_date_from())
    date_to = fields.Date(string="End date", required=True, default=fields.Date.context_today)
    step = fields.Selection(
        [("month", "Monthly"), ("quarter", "Quarterly")], string="Frequency",
        required=True, default="month")

    @api.model
    def _default_date_from(self):
        today = fields.Date.from_string(fields.Date.context_today(self))
        return fields.Date.to_string(today.replace(day=1) - relativedelta(months=11))

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_from > wizard.date_to:
                raise ValidationError(_("The start date must precede the end date."))

    def _step_dates(self):
        """End of each month (or quarter) of the period, the last one cut
        at the end date."""
        self.ensure_one()
        months = STEP_MONTHS[self.step]
        start = fields.Date.from_string(self.date_from).replace(day=1)
        start = start.replace(month=(start.month - 1) // months * months + 1)
        end = fields.Date.from_string(self.date_to)
        dates = []
        while start <= end:
            start += relativedelta(months=months)
            dates.append(min(start - relativedelta(days=1), end))
        return dates

    def _growth_rows(self):
        """Per step date: the total and the counts by sub-network and by
        structure type (keyed by record id, False when not set)."""
        partners = self.env["res.partner"]
        rows = []
        for date in self._step_dates():
            domain = partners._defis_affiliated_domain(fields.Date.to_string(date))
            rows.append({
                "date": date,
                "total": partners.search_count(domain),
                "subnetwork": self._count_by(domain, "defis_subnetwork_id"),
                "structure_type": self._count_by(domain, "defis_structure_type_id"),
            })
        return rows

    @api.model
    def _count_by(self, domain, field):
        groups = self.env["res.partner"].read_group(domain, [field], [field])
        return {group[field] and group[field][0]: group["%s_count" % field]
                for group in groups}

    def action_export_xlsx(self):
        self.ensure_one()
        report = self.env.ref("defis_network.action_report_network_growth_xlsx")
        return rpc_safe(report.report_action(self, config=False))
