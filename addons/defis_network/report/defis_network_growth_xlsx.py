# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, fields, models

HEADER_ROW = 3


class DefisNetworkGrowthXlsx(models.AbstractModel):
    """Spreadsheet of the network growth: one line per date of the wizard,
    the total, then one column per sub-network and per structure type."""

    _name = "report.defis_network.growth_xlsx"
    _description = "Network growth spreadsheet"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, wizards):
        styles = {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "header": workbook.add_format({"bold": True, "text_wrap": True, "border": 1}),
            "date": workbook.add_format({"num_format": "dd/mm/yyyy", "border": 1}),
            "count": workbook.add_format({"border": 1}),
            "total": workbook.add_format({"bold": True, "border": 1}),
        }
        for wizard in wizards:
            sheet = workbook.add_worksheet(_("Network growth")[:31])
            self._write_sheet(sheet, styles, wizard)

    def _write_sheet(self, sheet, styles, wizard):
        rows = wizard._growth_rows()
        columns = self._columns(rows)
        title = _("Structures affiliated to the inclusion network, %(start)s to %(end)s") % {
            "start": self._format_date(wizard.date_from),
            "end": self._format_date(wizard.date_to)}
        sheet.write(0, 0, title, styles["title"])
        sheet.write(HEADER_ROW, 0, _("End of period"), styles["header"])
        sheet.write(HEADER_ROW, 1, _("All structures"), styles["header"])
        col = 2
        for group_title, group_key in ((_("By sub-network"), "subnetwork"),
                                       (_("By structure type"), "structure_type")):
            sheet.write(HEADER_ROW - 1, col, group_title, styles["header"])
            for key, label in columns[group_key]:
                sheet.write(HEADER_ROW, col, label, styles["header"])
                for index, row in enumerate(rows):
                    sheet.write_number(HEADER_ROW + 1 + index, col,
                                       row[group_key].get(key, 0), styles["count"])
                col += 1
        for index, row in enumerate(rows):
            sheet.write_datetime(HEADER_ROW + 1 + index, 0, row["date"], styles["date"])
            sheet.write_number(HEADER_ROW + 1 + index, 1, row["total"], styles["total"])
        sheet.set_column(0, 0, 12)
        sheet.set_column(1, col, 16)
        sheet.freeze_panes(HEADER_ROW + 1, 1)

    def _columns(self, rows):
        """(key, label) of the columns of each group: every sub-network and
        type in their order, and "Not set" when some structure lacks one."""
        columns = {}
        for key, model in (("subnetwork", "defis.subnetwork"),
                           ("structure_type", "defis.structure.type")):
            counted = {rec_id for row in rows for rec_id in row[key]}
            records = self.env[model].search([]) | self.env[model].browse(
                [rec_id for rec_id in counted if rec_id])
            columns[key] = [(record.id, record.name) for record in records]
            if False in counted:
                columns[key].append((False, _("Not set")))
        return columns

    def _format_date(self, value):
        return fields.Date.from_string(value).strftime("%d/%m/%Y")
