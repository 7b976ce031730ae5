import xlrd

from odoo import fields
from odoo.exceptions import AccessError, ValidationError

from .common import (ReuseCase, add_membership, create_device, open_till, receive_items,
                     sell_device)

# the devices of these tests come in on a year the tests do not read
RECEIVED = "2019-06-01"

FIGURES = ("collected_count", "collected_item_count", "redistributed_count", "stripped_count",
           "recycled_count", "collected_weight", "recycled_weight", "household_count",
           "co2_avoided")


class ReuseReportCase(ReuseCase):
    """Devices of 2020 and 2021 (years no other data reaches): an intake of
    three laptops and two printers (by quantity), another not validated.
    Household A
    buys two laptops in 2020; B a tablet in 2020 then a laptop in 2021; C
    borrows a laptop in 2020 and buys one in 2021; D borrows a tablet in
    2020. Desktops stripped, desktops and printers handed to the recycler."""

    @classmethod
    def set_up_reuse_data(cls):
        result = super().set_up_reuse_data()
        cls.h1, cls.h2, cls.h3, cls.h4 = [cls.create_person(
            "Foyer %s" % name, defis_is_household=True) for name in "ABCD"]
        cls.sell(cls.cat_laptop, cls.grade_a, cls.h1, "2020-03-01")
        cls.sell(cls.cat_laptop, cls.grade_b, cls.h1, "2020-05-01")
        cls.sell(cls.cat_tablet, cls.grade_a, cls.h2, "2020-06-01")
        cls.sell(cls.cat_laptop, cls.grade_b, cls.h2, "2021-02-01")
        cls.sell(cls.cat_laptop, cls.grade_a, cls.h3, "2021-01-10")
        cls.lend("laptop", cls.h3, "2020-10-01")
        cls.tablet_loan = cls.lend("tablet", cls.h4, "2020-04-01")
        cls.device(cls.cat_desktop, state="parts", date="2020-07-01")
        cls.set_up_recycling()
        validated = cls.intake([(cls.cat_laptop, 3, 7.5), (cls.cat_printer, 2, 16.0)], "2020-02-01")
        validated.action_validate()
        cls.intake([(cls.cat_laptop, 5, 12.0)], "2020-02-02")  # not validated
        cls.env["defis.co2.factor"].create({
            "category_id": cls.cat_tablet.id, "year": "2022", "kg_co2e_per_year": 10.0,
            "years_of_use": 2.0, "source_name": "Étude tablettes"})
        cls.history = cls.env["defis.reuse.history"].create({
            "year": "2000", "category_id": cls.cat_laptop.id, "collected_count": 10,
            "redistributed_count": 5, "stripped_count": 2, "recycled_count": 3,
            "collected_weight": 25.0, "recycled_weight": 7.5, "household_count": 4})
        cls.report = cls.env["defis.reuse.report"]
        return result

    @classmethod
    def set_up_recycling(cls):
        """2020: two desktops and two printers (by quantity) handed over,
        2021: one desktop; a batch of 2020 not handed over yet."""
        recycler = cls.env["res.partner"].create({"name": "Recycleur DEEE", "is_company": True})
        desktops = [create_device(cls.env, "RECYCLE-%d" % index, "desktop", "recycled",
                                  received=RECEIVED) for index in range(4)]
        receive_items(cls.env, "printer", 2, "defis_reuse.stock_location_recycling", RECEIVED)
        batches = cls.env["defis.recycling.batch"]
        for date, lines in (
                ("2020-08-01", [(cls.cat_desktop, 15.5, desktops[0] | desktops[1], 0),
                                (cls.cat_printer, 12.0, None, 2)]),
                ("2021-01-05", [(cls.cat_desktop, 10.0, desktops[2], 0)]),
                ("2020-12-01", [(cls.cat_desktop, 9.0, desktops[3], 0)])):
            batches |= batches.create({"partner_id": recycler.id, "date": date, "line_ids": [
                (0, 0, {"category_id": category.id, "weight_kg": weight, "quantity": quantity,
                        "lot_ids": [(6, 0, lots.ids if lots else [])]})
                for category, weight, lots, quantity in lines]})
        batches[:2].action_validate()

    @classmethod
    def intake(cls, lines, date):
        donor = cls.env["res.partner"].create({"name": "Donateur", "is_company": True})
        return cls.env["defis.intake"].create({
            "partner_id": donor.id, "date": date, "line_ids": [
                (0, 0, {"category_id": category.id, "quantity": quantity, "weight_kg": weight})
                for category, quantity, weight in lines]})

    @classmethod
    def device(cls, category, state, date="2020-01-02", grade="a"):
        cls.serial = getattr(cls, "serial", 0) + 1
        return create_device(cls.env, "RAPPORT-%03d" % cls.serial, category.code, state,
                             grade, date, RECEIVED)

    @classmethod
    def sell(cls, category, grade, household, date):
        lot = cls.device(category, "ready", grade=grade)
        sell_device(lot, household, date)
        return lot

    @classmethod
    def lend(cls, category, household, date):
        add_membership(cls.env, household, "2019-01-01")
        cls.serial = getattr(cls, "serial", 0) + 1
        loan = cls.env["defis.loan"].create({
            "partner_id": household.id, "date_start": date, "date_due": "2020-12-31",
            "lot_id": create_device(cls.env, "PRET-%03d" % cls.serial, category,
                                    received=RECEIVED).id})
        loan.action_start()
        return loan

    def figures(self, domain, groupby):
        groups = self.report.read_group(domain, list(FIGURES) + groupby, groupby, lazy=False)
        return {tuple(group[name] and (group[name][0] if isinstance(group[name], tuple)
                                       else group[name]) for name in groupby):
                {name: group[name] for name in FIGURES} for group in groups}


class TestReuseReport(ReuseReportCase):

    def test_collected_one_by_one_and_by_quantity(self):
        rows = self.figures([("year", "=", "2020")], ["category_id"])
        self.assertEqual((rows[(self.cat_laptop.id,)]["collected_count"],
                          rows[(self.cat_laptop.id,)]["collected_weight"]), (3, 7.5))
        printer = rows[(self.cat_printer.id,)]
        self.assertEqual((printer["collected_count"], printer["collected_item_count"],
                          printer["collected_weight"]), (0, 2, 16.0))
        lots = self.env["stock.production.lot"].search([
            ("defis_intake_line_id.intake_id.date", "=", "2020-02-01")])
        self.assertEqual(len(lots), 3)

    def test_redistributed_and_households_per_category(self):
        rows = self.figures([("year", "in", ["2020", "2021"])], ["year", "category_id"])
        # two sales to A, a loan to C: A and C equipped
        laptop_2020 = rows[("2020", self.cat_laptop.id)]
        self.assertEqual(laptop_2020["redistributed_count"], 3)
        self.assertEqual(laptop_2020["household_count"], 2)
        tablet_2020 = rows[("2020", self.cat_tablet.id)]
        self.assertEqual((tablet_2020["redistributed_count"], tablet_2020["household_count"]),
                         (2, 2))
        # B and C already equipped in 2020: their 2021 laptops equip no one
        laptop_2021 = rows[("2021", self.cat_laptop.id)]
        self.assertEqual((laptop_2021["redistributed_count"], laptop_2021["household_count"]),
                         (2, 0))

    def test_households_add_up_across_categories_and_grades(self):
        for year, households in (("2020", 4), ("2021", 0)):
            total = self.report.read_group([("year", "=", year)], ["household_count"], [])
            self.assertEqual(total[0]["household_count"], households)
            for groupby in (["category_id"], ["grade_id"], ["category_id", "grade_id"]):
                rows = self.figures([("year", "=", year)], groupby)
                self.assertEqual(sum(row["household_count"] for row in rows.values()),
                                 households, groupby)
        self.assertEqual(self.report.households_since(2020), 4)

    def test_grades_of_redistributed_devices(self):
        rows = self.figures([("year", "=", "2020"), ("category_id", "=", self.cat_laptop.id)],
                            ["grade_id"])
        self.assertEqual(rows[(self.grade_a.id,)]["household_count"], 2)
        self.assertEqual(rows[(self.grade_b.id,)]["household_count"], 0)
        self.assertEqual(rows[(self.grade_b.id,)]["redistributed_count"], 1)

    def test_loan_converted_counts_once_in_the_loan_year(self):
        """The device lent in 2020 is sold to its borrower now, as the loan's
        conversion does: it was redistributed, and D equipped, in 2020."""
        this_year = str(fields.Date.from_string(fields.Date.today()).year)
        before = self.report.key_figures(this_year)
        open_till(self.env)
        self.tablet_loan.action_convert_to_sale()
        self.assertEqual(self.tablet_loan.lot_id.defis_sale_date, fields.Date.today())
        after = self.report.key_figures(this_year)
        self.assertEqual(after["redistributed_count"], before["redistributed_count"])
        self.assertEqual(after["household_count"], before["household_count"])
        self.assertEqual(self.report.key_figures(2020)["redistributed_count"], 5)

    def test_stripped_and_handed_to_the_recycler(self):
        rows = self.figures([("year", "in", ["2020", "2021"]),
                             ("category_id", "in", (self.cat_desktop | self.cat_printer).ids)],
                            ["year", "category_id"])
        desktop_2020 = rows[("2020", self.cat_desktop.id)]
        self.assertEqual(desktop_2020["stripped_count"], 1)
        # the batch of December is not handed over yet
        self.assertEqual((desktop_2020["recycled_count"], desktop_2020["recycled_weight"]),
                         (2, 15.5))
        printer_2020 = rows[("2020", self.cat_printer.id)]
        self.assertEqual((printer_2020["recycled_count"], printer_2020["recycled_weight"]),
                         (2, 12.0))
        self.assertEqual(rows[("2021", self.cat_desktop.id)]["recycled_weight"], 10.0)

    def test_avoided_emissions_per_category_factor(self):
        rows = self.figures([("year", "=", "2020")], ["category_id"])
        laptop_factor = self.env["defis.co2.factor"].factor_for(self.cat_laptop, 2020)
        self.assertEqual(laptop_factor, 81.0)  # ADEME 2022: 27 kg a year, 3 years
        self.assertAlmostEqual(rows[(self.cat_laptop.id,)]["co2_avoided"], 3 * 81.0)
        self.assertAlmostEqual(rows[(self.cat_tablet.id,)]["co2_avoided"], 2 * 20.0)
        self.assertEqual(rows[(self.cat_desktop.id,)]["co2_avoided"], 0.0)

    def test_past_years_entered_by_hand(self):
        row = self.report.search([("year", "=", "2000"), ("category_id", "=", self.cat_laptop.id)])
        self.assertEqual(len(row), 1)
        self.assertTrue(row.is_history)
        self.assertEqual((row.collected_count, row.redistributed_count, row.household_count,
                          row.recycled_weight), (10, 5, 4, 7.5))
        self.assertAlmostEqual(row.co2_avoided, 5 * 81.0)
        self.assertEqual(self.report.households_since(2000) - self.report.households_since(2001),
                         4)

    def test_key_figures_of_a_year(self):
        figures = self.report.key_figures(2020)
        self.assertEqual(figures["collected_count"], 3)
        self.assertEqual(figures["collected_item_count"], 2)
        self.assertEqual(figures["collected_weight"], 23.5)
        self.assertEqual(figures["redistributed_count"], 5)
        self.assertEqual(figures["household_count"], 4)
        self.assertEqual(figures["stripped_count"], 1)
        self.assertEqual(figures["recycled_weight"], 27.5)
        self.assertAlmostEqual(figures["co2_avoided"], 283.0)

    def test_report_is_for_managers(self):
        self.assertTrue(self.report.sudo(self.defis_manager).search_count([]))
        with self.assertRaises(AccessError):
            self.report.sudo(self.defis_user).search_count([])
        reporting = self.visible_menus(self.defis_manager)
        self.assertIn(self.env.ref("defis_reuse.menu_defis_reuse_report").id, reporting)
        self.assertEqual(self.menu_name("defis_reuse.menu_defis_reuse_key_figures"),
                         "Réemploi : chiffres clés")


class TestReuseReportXlsx(ReuseReportCase):

    def render(self, year_from, year_to):
        wizard = self.env["defis.reuse.report.wizard"].sudo(self.defis_manager).create({
            "year_from": year_from, "year_to": year_to})
        report = self.env.ref("defis_reuse.action_report_reuse_xlsx")
        content, report_type = report.sudo(self.defis_manager).with_context(
            lang="fr_FR").render(wizard.ids, {})
        self.assertEqual(report_type, "xlsx")
        return xlrd.open_workbook(file_contents=content)

    def test_years_in_order(self):
        with self.assertRaises(ValidationError):
            self.env["defis.reuse.report.wizard"].create({"year_from": "2021",
                                                          "year_to": "2020"})

    def test_export_action(self):
        wizard = self.env["defis.reuse.report.wizard"].create({"year_from": "2020",
                                                               "year_to": "2021"})
        action = wizard.action_export_xlsx()
        self.assertEqual(action["report_name"], "defis_reuse.reuse_report_xlsx")

    def test_spreadsheet_numbers(self):
        book = self.render("2020", "2021")
        sheet = book.sheet_by_index(0)
        self.assertEqual(sheet.name, "Chiffres du réemploi")
        headers = sheet.row_values(2)
        self.assertEqual(headers[:5], ["Année", "Catégorie d'appareil", "Appareils collectés",
                                       "Articles collectés en nombre", "Appareils redistribués"])
        col = {name: headers.index(label) for name, label in (
            ("collected", "Appareils collectés"), ("items", "Articles collectés en nombre"),
            ("redistributed", "Appareils redistribués"), ("households", "Foyers équipés"),
            ("recycled_weight", "Poids recyclé (kg)"), ("co2", "Émissions évitées (kg CO2e)"))}
        rows = {(row[0], row[1]): row for row in
                (sheet.row_values(index) for index in range(3, sheet.nrows)) if row[1]}
        laptop = self.cat_laptop.with_context(lang="fr_FR").name
        self.assertEqual(rows[(2020, laptop)][col["redistributed"]], 3)
        self.assertEqual(rows[(2020, laptop)][col["co2"]], 243.0)
        total_2020 = rows[(2020, "Toutes catégories")]
        self.assertEqual(total_2020[col["households"]], 4)
        self.assertEqual(total_2020[col["collected"]], 3)
        self.assertEqual(total_2020[col["items"]], 2)
        self.assertEqual(total_2020[col["recycled_weight"]], 27.5)
        self.assertEqual(rows[(2021, "Toutes catégories")][col["households"]], 0)
        period = rows[("Total", "Toutes catégories")]
        self.assertEqual(period[col["redistributed"]], 7)
        self.assertEqual(period[col["households"]], 4)

    def test_sources_named(self):
        sheet = self.render("2020", "2020").sheet_by_name("Sources")
        sources = [sheet.row_values(index) for index in range(3, sheet.nrows)]
        ademe = [row for row in sources if "ADEME" in row[5]]
        self.assertEqual(len(ademe), 2)
        self.assertTrue(all(row[6].startswith("https://librairie.ademe.fr/") for row in ademe))
        self.assertIn("Étude tablettes", [row[5] for row in sources])
