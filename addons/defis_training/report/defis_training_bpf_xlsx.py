# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, models


class DefisTrainingBpfXlsx(models.AbstractModel):
    """Yearly summary in the spirit of the French BPF (bilan pédagogique
    et financier): learners and learner-hours by type of learner, and by
    funder with the income of the year."""

    _name = "report.defis_training.bpf_xlsx"
    _description = "Yearly training summary (spreadsheet)"
    _inherit = "report.defis_training.funder_xlsx"

    def generate_xlsx_report(self, workbook, data, wizards):
        styles = self._styles(workbook)
        for wizard in wizards:
            sheet = workbook.add_worksheet(_("Yearly summary")[:31])
            sheet.write(0, 0, _("Training summary of %(year)s (pedagogical and financial "
                                "report)") % {"year": wizard.year}, styles["title"])
            learners = [("learner_count", _("Learners"), "number"),
                        ("learner_hours", _("Learner-hours"), "hours")]
            rows, total = wizard._bpf_by_type()
            selection = dict(self.env["defis.training.programme"].fields_get(
                ["audience"])["audience"]["selection"])
            rows = [(selection.get(key, key) or _("Not set"), values) for key, values in rows]
            row = self._write_table(sheet, styles, 3, _("By type of learner"),
                                    _("Type of learner"), rows, total, learners)
            rows, total = wizard._bpf_by_funder()
            row = self._write_table(sheet, styles, row, _("By funder"), _("Funder"), rows,
                                    total, [("run_count", _("Course runs"), "number")]
                                    + learners + [("income", _("Income"), "money")])
            sheet.write(row - 1, 0, _(
                "Income: each funding agreement's amount prorated on its days within the "
                "year, and the income recorded for past years."))
            self._layout(sheet)
