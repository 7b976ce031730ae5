# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, models

HEADER_ROW = 2


class DefisReuseReportXlsx(models.AbstractModel):
    """Spreadsheet of the reuse report: per year, one line per device
    category and the year's total, then the total of the period; a second
    sheet names the sources of the avoided emissions factors."""

    _name = "report.defis_reuse.reuse_report_xlsx"
    _description = "Reuse report spreadsheet"
    _inherit = "report.report_xlsx.abstract"

    def _columns(self):
        return [
            ("collected_count", _("Devices collected")),
            ("collected_item_count", _("Items collected by quantity")),
            ("redistributed_count", _("Devices redistributed")),
            ("stripped_count", _("Devices stripped for parts")),
            ("recycled_count", _("Devices recycled")),
            ("collected_weight", _("Weight collected (kg)")),
            ("recycled_weight", _("Weight recycled (kg)")),
            ("household_count", _("Households equipped")),
            ("co2_avoided", _("Avoided emissions (kg CO2e)")),
        ]

    def generate_xlsx_report(self, workbook, data, wizards):
        styles = {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "header": workbook.add_format({"bold": True, "text_wrap": True, "border": 1}),
            "cell": workbook.add_format({"border": 1}),
            "number": workbook.add_format({"border": 1, "num_format": "#,##0.0"}),
            "total": workbook.add_format({"bold": True, "border": 1}),
            "total_number": workbook.add_format(
                {"bold": True, "border": 1, "num_format": "#,##0.0"}),
        }
        for wizard in wizards:
            self._write_figures(workbook.add_worksheet(_("Reuse figures")[:31]), styles, wizard)
            self._write_sources(workbook.add_worksheet(_("Sources")[:31]), styles, wizard)

    def _write_figures(self, sheet, styles, wizard):
        columns = self._columns()
        sheet.write(0, 0, _("Reuse of donated devices, %(first)s to %(last)s") % {
            "first": wizard.year_from, "last": wizard.year_to}, styles["title"])
        headers = [_("Year"), self._category_label()] + [label for _name, label in columns]
        for col, header in enumerate(headers):
            sheet.write(HEADER_ROW, col, header, styles["header"])
        row = HEADER_ROW + 1
        period = dict.fromkeys([name for name, _label in columns], 0)
        for year_rows in wizard._report_rows():
            for category, figures in year_rows["lines"]:
                self._write_line(sheet, row, year_rows["year"], category.name, figures,
                                 styles["cell"], styles["number"])
                row += 1
            self._write_line(sheet, row, year_rows["year"], _("All categories"),
                             year_rows["total"], styles["total"], styles["total_number"])
            row += 1
            for name in period:
                period[name] += year_rows["total"][name]
        self._write_line(sheet, row, _("Total"), _("All categories"), period,
                         styles["total"], styles["total_number"])
        sheet.write(row + 2, 0, _("Households are counted once, in the year and category of "
                                  "the first device they received. Avoided emissions: "
                                  "factors and sources in the sheet \"Sources\"."))
        sheet.set_column(0, 0, 8)
        sheet.set_column(1, 1, 24)
        sheet.set_column(2, len(headers), 14)
        sheet.freeze_panes(HEADER_ROW + 1, 2)

    def _category_label(self):
        field = self.env["defis.reuse.report"]._fields["category_id"]
        return field.get_description(self.env)["string"]

    def _write_line(self, sheet, row, year, label, figures, style, number_style):
        sheet.write(row, 0, year, style)
        sheet.write(row, 1, label, style)
        for col, (name, _label) in enumerate(self._columns(), start=2):
            value = figures[name]
            if name.endswith("_count"):
                sheet.write_number(row, col, value, style)
            else:
                sheet.write_number(row, col, round(value, 1), number_style)

    def _write_sources(self, sheet, styles, wizard):
        sheet.write(0, 0, _("Avoided emissions factors"), styles["title"])
        headers = [self._category_label(), _("Year of the source"),
                   _("kg CO2e avoided per year of use"), _("Years of use"),
                   _("kg CO2e avoided per device"), _("Source"), _("Source address")]
        for col, header in enumerate(headers):
            sheet.write(HEADER_ROW, col, header, styles["header"])
        for row, factor in enumerate(wizard._factors(), start=HEADER_ROW + 1):
            values = [factor.category_id.name, factor.year, factor.kg_co2e_per_year,
                      factor.years_of_use, factor.kg_co2e, factor.source_name,
                      factor.source_url or ""]
            for col, value in enumerate(values):
                sheet.write(row, col, value, styles["cell"])
        sheet.set_column(0, 0, 24)
        sheet.set_column(1, 4, 14)
        sheet.set_column(5, 6, 60)
