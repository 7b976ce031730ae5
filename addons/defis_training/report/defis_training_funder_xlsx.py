# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, fields, models

FIRST_TABLE_ROW = 3


class DefisTrainingFunderXlsx(models.AbstractModel):
    """Spreadsheet for a funder: course runs, learners registered, present
    and who completed, learner-hours, by programme then by month."""

    _name = "report.defis_training.funder_xlsx"
    _description = "Training report for a funder (spreadsheet)"
    _inherit = "report.report_xlsx.abstract"

    def _styles(self, workbook):
        return {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "section": workbook.add_format({"bold": True, "font_size": 12}),
            "header": workbook.add_format({"bold": True, "text_wrap": True, "border": 1}),
            "label": workbook.add_format({"border": 1}),
            "number": workbook.add_format({"border": 1}),
            "hours": workbook.add_format({"border": 1, "num_format": "0.0"}),
            "money": workbook.add_format({"border": 1, "num_format": "#,##0.00 €"}),
            "total": workbook.add_format({"bold": True, "border": 1}),
            "total_hours": workbook.add_format({"bold": True, "border": 1, "num_format": "0.0"}),
            "total_money": workbook.add_format(
                {"bold": True, "border": 1, "num_format": "#,##0.00 €"}),
        }

    def _measure_columns(self):
        """(measure, header, style) of the columns after the label."""
        return [
            ("run_count", _("Course runs"), "number"),
            ("learner_count", _("Learners registered"), "number"),
            ("attendee_count", _("Learners present at least once"), "number"),
            ("completed_count", _("Learners who completed"), "number"),
            ("learner_hours", _("Learner-hours"), "hours"),
        ]

    def generate_xlsx_report(self, workbook, data, wizards):
        styles = self._styles(workbook)
        for wizard in wizards:
            sheet = workbook.add_worksheet(_("Funder report")[:31])
            funder = wizard.funder_id.name or _("all funders")
            sheet.write(0, 0, _("Training report for %(funder)s, %(start)s to %(end)s") % {
                "funder": funder, "start": self._format_date(wizard.date_from),
                "end": self._format_date(wizard.date_to)}, styles["title"])
            row = FIRST_TABLE_ROW
            for title, label, (rows, total) in wizard._funder_tables():
                row = self._write_table(sheet, styles, row, title, label, rows, total,
                                        self._measure_columns())
            self._layout(sheet)

    def _write_table(self, sheet, styles, row, title, label, rows, total, columns):
        """A titled table with a header line, its rows and a total line;
        returns the row after it (and a blank one)."""
        sheet.write(row, 0, title, styles["section"])
        row += 1
        sheet.write(row, 0, label, styles["header"])
        for col, (_name, header, _style) in enumerate(columns, 1):
            sheet.write(row, col, header, styles["header"])
        for text, values in rows:
            row += 1
            sheet.write(row, 0, text, styles["label"])
            for col, (name, _header, style) in enumerate(columns, 1):
                sheet.write_number(row, col, values[name], styles[style])
        row += 1
        sheet.write(row, 0, _("Total"), styles["total"])
        for col, (name, _header, style) in enumerate(columns, 1):
            sheet.write_number(row, col, total[name],
                               styles["total" if style == "number" else "total_" + style])
        return row + 3

    def _layout(self, sheet):
        sheet.set_column(0, 0, 42)
        sheet.set_column(1, 6, 16)

    def _format_date(self, value):
        return fields.Date.from_string(value).strftime("%d/%m/%Y")
