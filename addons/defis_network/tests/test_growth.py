from datetime import date

import xlrd
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, ValidationError

from .common import DefisCase

# structures of the test sub-networks affiliated at the end of each month of 2018
EXPECTED = {
    "2018-01-31": 1, "2018-02-28": 2, "2018-03-31": 3, "2018-04-30": 4,
    "2018-05-31": 3, "2018-06-30": 2, "2018-07-31": 2,
}


class GrowthCase(DefisCase):
    """Four structures in two test sub-networks, one archived, one company
    that is not a structure."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        subnetworks = cls.env["defis.subnetwork"]
        cls.blavet = subnetworks.create({"name": "Test Blavet", "sequence": 1})
        cls.oust = subnetworks.create({"name": "Test Oust", "sequence": 2})
        cls.ccas = cls.env.ref("defis_network.structure_type_ccas")
        cls.caf = cls.env.ref("defis_network.structure_type_caf")
        cls.structure_a = cls.create_structure("A", cls.blavet, cls.ccas, "2018-01-15")
        # affiliated on a month end, withdrawn on a month end
        cls.structure_b = cls.create_structure("B", cls.blavet, cls.caf, "2018-03-31",
                                               "2018-06-30")
        cls.structure_c = cls.create_structure("C", cls.oust, cls.ccas, "2018-02-01",
                                               "2018-05-15")
        cls.structure_d = cls.create_structure("D", cls.oust, False, "2018-04-10")
        archived = cls.create_structure("Archived", cls.oust, cls.ccas, "2018-01-02")
        archived.active = False
        cls.env["res.partner"].create({
            "name": "Not in the network", "is_company": True,
            "defis_affiliation_date": "2018-01-02"})

    @classmethod
    def create_structure(cls, name, subnetwork, structure_type, affiliation, withdrawal=False):
        return cls.env["res.partner"].create({
            "name": "Structure %s" % name, "is_company": True,
            "defis_subnetwork_id": subnetwork.id,
            "defis_structure_type_id": structure_type and structure_type.id,
            "defis_affiliation_date": affiliation,
            "defis_withdrawal_date": withdrawal,
        })


class TestGrowth(GrowthCase):

    def mine(self):
        return [("defis_subnetwork_id", "in", (self.blavet | self.oust).ids)]

    def view_counts(self, domain, groupby):
        groups = self.env["defis.network.growth"].read_group(
            domain, [groupby, "structure_count"], [groupby], lazy=False)
        return {group[groupby] and group[groupby][0]: group["structure_count"]
                for group in groups}

    def test_count_affiliated_at_dates(self):
        partners = self.env["res.partner"]
        for day, expected in EXPECTED.items():
            self.assertEqual(partners.defis_count_affiliated(day, self.mine()), expected, day)
        # counted from the affiliation date, no longer on the withdrawal date
        self.assertEqual(partners.defis_count_affiliated("2018-01-14", self.mine()), 0)
        self.assertEqual(partners.defis_count_affiliated("2018-01-15", self.mine()), 1)
        self.assertEqual(partners.defis_count_affiliated("2018-05-14", self.mine()), 4)
        self.assertEqual(partners.defis_count_affiliated("2018-05-15", self.mine()), 3)

    def test_view_rows_by_month(self):
        growth = self.env["defis.network.growth"]
        rows = growth.search([("subnetwork_id", "in", (self.blavet | self.oust).ids),
                              ("month", "<=", "2018-07-31")])
        by_month = {}
        for row in rows:
            by_month[row.month] = by_month.get(row.month, 0) + row.structure_count
        self.assertEqual(by_month, EXPECTED)
        may = rows.filtered(lambda row: row.month == "2018-05-31")
        self.assertEqual(may.mapped("structure_id"),
                         self.structure_a | self.structure_b | self.structure_d)

    def test_view_by_subnetwork_and_type(self):
        april = [("month", "=", "2018-04-30"),
                 ("subnetwork_id", "in", (self.blavet | self.oust).ids)]
        self.assertEqual(self.view_counts(april, "subnetwork_id"),
                         {self.blavet.id: 2, self.oust.id: 2})
        self.assertEqual(self.view_counts(april, "structure_type_id"),
                         {self.ccas.id: 2, self.caf.id: 1, False: 1})

    def test_view_agrees_with_count_affiliated(self):
        """Over all the structures of the database, at several month ends up
        to the current month."""
        today = fields.Date.from_string(fields.Date.today())
        current_month_end = today.replace(day=1) + relativedelta(months=1, days=-1)
        month_ends = list(EXPECTED) + ["2018-12-31", fields.Date.to_string(current_month_end)]
        partners = self.env["res.partner"]
        growth = self.env["defis.network.growth"]
        for day in month_ends:
            total = growth.read_group([("month", "=", day)], ["structure_count"], [])
            self.assertEqual(total[0]["structure_count"] or 0,
                             partners.defis_count_affiliated(day), day)

    def test_view_months_are_month_ends(self):
        self.env.cr.execute("SELECT DISTINCT month FROM defis_network_growth")
        for (month,) in self.env.cr.fetchall():
            next_day = fields.Date.from_string(month) + relativedelta(days=1)
            self.assertEqual(next_day.day, 1, month)

    def test_view_is_for_managers(self):
        growth = self.env["defis.network.growth"]
        self.assertTrue(growth.sudo(self.defis_manager).search_count([]))
        with self.assertRaises(AccessError):
            growth.sudo(self.defis_user).search_count([])
        reporting = self.env.ref("defis_network.menu_defis_reporting").id
        self.assertIn(reporting, self.visible_menus(self.defis_manager))
        self.assertNotIn(reporting, self.visible_menus(self.defis_user))
        self.assertEqual(self.menu_name("defis_network.menu_defis_network_growth"),
                         "Croissance du réseau")


class TestGrowthXlsx(GrowthCase):
    """The spreadsheet of the growth wizard."""

    def wizard(self, date_from, date_to, step="month", user=None):
        wizards = self.env["defis.network.growth.wizard"]
        if user:
            wizards = wizards.sudo(user)
        return wizards.create({"date_from": date_from, "date_to": date_to, "step": step})

    def render(self, wizard):
        report = self.env.ref("defis_network.action_report_network_growth_xlsx")
        content, report_type = report.sudo(wizard.env.user).with_context(
            lang="fr_FR").render(wizard.ids, {})
        self.assertEqual(report_type, "xlsx")
        return xlrd.open_workbook(file_contents=content).sheet_by_index(0)

    def test_step_dates(self):
        self.assertEqual(self.wizard("2018-01-10", "2018-04-15")._step_dates(), [
            date(2018, 1, 31), date(2018, 2, 28), date(2018, 3, 31), date(2018, 4, 15)])
        self.assertEqual(self.wizard("2018-02-10", "2018-11-20", "quarter")._step_dates(), [
            date(2018, 3, 31), date(2018, 6, 30), date(2018, 9, 30), date(2018, 11, 20)])
        self.assertEqual(self.wizard("2018-12-31", "2018-12-31", "quarter")._step_dates(),
                         [date(2018, 12, 31)])

    def test_dates_in_order(self):
        with self.assertRaises(ValidationError):
            self.wizard("2018-05-01", "2018-04-30")

    def test_export_action(self):
        action = self.wizard("2018-01-01", "2018-07-31").action_export_xlsx()
        self.assertEqual(action["report_type"], "xlsx")
        self.assertEqual(action["report_name"], "defis_network.growth_xlsx")

    def test_spreadsheet_numbers(self):
        sheet = self.render(self.wizard("2018-01-01", "2018-07-31", user=self.defis_manager))
        self.assertEqual(sheet.name, "Croissance du réseau")
        headers = sheet.row_values(3)
        self.assertEqual(headers[:2], ["Fin de période", "Toutes les structures"])
        self.assertEqual(sheet.cell_value(2, 2), "Par sous-réseau")
        self.assertIn("Par type de structure", sheet.row_values(2))
        self.assertIn("Non renseigné", headers)
        blavet, oust = headers.index("Test Blavet"), headers.index("Test Oust")
        partners = self.env["res.partner"]
        rows = [sheet.row_values(row) for row in range(4, sheet.nrows)]
        self.assertEqual(len(rows), len(EXPECTED))
        for row, (day, expected) in zip(rows, EXPECTED.items()):
            self.assertEqual(xlrd.xldate_as_datetime(row[0], 0).date(),
                             fields.Date.from_string(day))
            self.assertEqual(row[1], partners.defis_count_affiliated(day))
            self.assertEqual(row[blavet] + row[oust], expected)
        april = rows[3]
        self.assertEqual((april[blavet], april[oust]), (2, 2))
        self.assertEqual(rows[5][blavet], 1)  # B withdrawn on June 30th

    def test_spreadsheet_by_type_adds_up(self):
        sheet = self.render(self.wizard("2018-01-01", "2018-12-31", "quarter"))
        headers = sheet.row_values(3)
        by_type = sheet.row_values(2).index("Par type de structure")
        for row in range(4, sheet.nrows):
            values = sheet.row_values(row)
            self.assertEqual(sum(values[by_type:]), values[1])
            self.assertEqual(sum(values[2:by_type]), values[1])
        self.assertEqual(sheet.nrows - 4, 4)
        self.assertIn("CCAS", headers[by_type:])

    def test_queries_do_not_grow_with_structures(self):
        wizard = self.wizard("2018-01-01", "2018-12-31")
        before = self.count_queries(wizard)
        for index in range(10):
            self.create_structure("More %s" % index, self.oust, self.caf, "2018-03-01")
        self.assertEqual(self.count_queries(wizard), before)
        self.assertLessEqual(before, 3 * len(wizard._step_dates()) + 10)

    def count_queries(self, wizard):
        self.env["res.partner"].invalidate_cache()
        start = self.cr.sql_log_count
        wizard._growth_rows()
        return self.cr.sql_log_count - start
