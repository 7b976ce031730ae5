# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.defis_network.tools.actions import rpc_safe

MEASURES = ["run_count", "learner_count", "attendee_count", "completed_count", "learner_hours"]
FUNDING_STATES = ("active", "closed")


class DefisTrainingReportWizard(models.TransientModel):
    """The spreadsheets for funders: the report of a funder (or of every
    course run) over a period, and the yearly summary (BPF)."""

    _name = "defis.training.report.wizard"
    _description = "Export the training reports"

    funder_id = fields.Many2one(
        "res.partner", string="Funder",
        help="Leave empty for every course run, whoever pays for it.")
    date_from = fields.Date(
        string="Start date", required=True,
        default=lambda self: "%s-01-01" % self._default_year())
    date_to = fields.Date(
        string="End date", required=True,
        default=lambda self: "%s-12-31" % self._default_year())
    year = fields.Integer(
        string="Year of the summary", required=True,
        default=lambda self: self._default_year())

    @api.model
    def _default_year(self):
        return fields.Date.from_string(fields.Date.context_today(self)).year - 1

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_from > wizard.date_to:
                raise ValidationError(_("The start date must precede the end date."))

    # funder report ---------------------------------------------------------
    def _funder_domain(self):
        self.ensure_one()
        domain = [("date", ">=", self.date_from), ("date", "<=", self.date_to)]
        if self.funder_id:
            domain.append(("funder_id", "=", self.funder_id.id))
        return domain

    def _report_rows(self, domain, groupby):
        """[(label, {measure: value})] by ``groupby`` (ordered by it), and
        the total line, from the training report (learners counted once)."""
        report = self.env["defis.training.report"]
        rows = []
        if groupby:
            for group in report.read_group(domain, MEASURES + [groupby.split(":")[0]],
                                           [groupby], lazy=False):
                label = group[groupby]
                if isinstance(label, (list, tuple)):
                    label = label[1]
                rows.append((label, {name: group[name] or 0 for name in MEASURES}))
        total = report.read_group(domain, MEASURES, [], lazy=False)
        total = {name: (total and total[0][name]) or 0 for name in MEASURES}
        return rows, total

    def _funder_tables(self):
        domain = self._funder_domain()
        return [
            (_("By programme"), _("Programme"), self._report_rows(domain, "programme_id")),
            (_("By month"), _("Month"), self._report_rows(domain, "date:month")),
        ]

    # yearly summary ----------------------------------------------------------
    def _year_bounds(self):
        return date(self.year, 1, 1), date(self.year, 12, 31)

    def _year_domain(self):
        first, last = self._year_bounds()
        return [("date", ">=", fields.Date.to_string(first)),
                ("date", "<=", fields.Date.to_string(last))]

    def _income_by_funder(self):
        """{funder id: income of the year}: each agreement's amount
        prorated on its days within the year, and the income recorded
        in the past years' figures."""
        self.ensure_one()
        first, last = self._year_bounds()
        incomes = {}
        fundings = self.env["defis.training.funding"].search([
            ("state", "in", FUNDING_STATES),
            ("date_start", "<=", fields.Date.to_string(last)),
            ("date_end", ">=", fields.Date.to_string(first))])
        for funding in fundings:
            start = fields.Date.from_string(funding.date_start)
            end = fields.Date.from_string(funding.date_end)
            days_in_year = (min(end, last) - max(start, first)).days + 1
            share = funding.amount * days_in_year / ((end - start).days + 1)
            incomes[funding.funder_id.id] = incomes.get(funding.funder_id.id, 0.0) + share
        for history in self.env["defis.training.history"].search([("year", "=", self.year)]):
            funder = history.funder_id.id
            incomes[funder] = incomes.get(funder, 0.0) + history.income
        return incomes

    def _bpf_by_type(self):
        return self._report_rows(self._year_domain(), "learner_type")

    def _bpf_by_funder(self):
        """[(label, {measure: value, "income": income})] and the total:
        the funders with course runs or income in the year, own funds last."""
        report = self.env["defis.training.report"]
        incomes = self._income_by_funder()
        groups = {
            group["funder_id"] and group["funder_id"][0]: group
            for group in report.read_group(
                self._year_domain(), MEASURES + ["funder_id"], ["funder_id"], lazy=False)}
        funders = self.env["res.partner"].browse(
            [key for key in set(groups) | set(incomes) if key]).sorted("name")
        rows = []
        for key, label in [(f.id, f.name) for f in funders] + [(False, _("Own funds"))]:
            if key not in groups and key not in incomes:
                continue
            values = {name: groups.get(key, {}).get(name) or 0 for name in MEASURES}
            values["income"] = incomes.get(key, 0.0)
            rows.append((label, values))
        total = self._report_rows(self._year_domain(), None)[1]
        total["income"] = sum(incomes.values())
        return rows, total

    # actions -----------------------------------------------------------------
    def action_export_funder_xlsx(self):
        self.ensure_one()
        report = self.env.ref("defis_training.action_report_training_funder_xlsx")
        return rpc_safe(report.report_action(self, config=False))

    def action_export_bpf_xlsx(self):
        self.ensure_one()
        report = self.env.ref("defis_training.action_report_training_bpf_xlsx")
        return rpc_safe(report.report_action(self, config=False))
