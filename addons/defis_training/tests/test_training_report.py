# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import xlrd
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tools import mute_logger

from .common import TrainingCase

# the test's course runs are in 2004 and its past figures in 2003: no demo there
YEAR = "2004"


class TrainingReportCase(TrainingCase):
    """Two course runs of two programmes in January and February 2004: run A
    (funded, 2 x 2 h) with learners 1, 2, 3 and a cancelled 5th, run B (own
    funds, 1 x 3 h) with learners 1 and 4; the 2003 figures of programme A."""

    @classmethod
    def set_up_class_data(cls):  # pylint: disable=missing-return
        super().set_up_class_data()
        cls.prog_a = cls.create_programme("Programme A du rapport", 4.0)
        cls.prog_b = cls.create_programme("Programme B du rapport", 3.0, audience="young")
        cls.funding = cls.create_funding(cls.prog_a, "2004-01-01", "2004-12-31", amount=1000)
        # half of its days in 2004: 184 of 365
        cls.create_funding(cls.prog_a, "2004-07-01", "2005-06-30", amount=3650)
        cls.create_funding(cls.prog_a, "2004-01-01", "2004-12-31", amount=999).state = "draft"
        cls.run_a = cls.create_run(cls.prog_a, [
            ("2004-01-26 08:00:00", "2004-01-26 10:00:00"),
            ("2004-02-02 08:00:00", "2004-02-02 10:00:00")], funding=cls.funding)
        cls.run_b = cls.create_run(cls.prog_b, [("2004-02-09 08:00:00", "2004-02-09 11:00:00")])
        cls.learners = [cls.create_learner("Stagiaire %d" % n) for n in range(1, 6)]
        l1, l2, l3, l4, l5 = cls.learners
        jan, feb = cls.run_a.defis_session_ids.sorted("date_begin")
        reg = {key: cls.register(run, learner) for key, run, learner in [
            ("a1", cls.run_a, l1), ("a2", cls.run_a, l2), ("a5", cls.run_a, l5),
            ("b1", cls.run_b, l1), ("b4", cls.run_b, l4)]}
        reg["a3"] = cls.register(cls.run_a, l3, defis_learner_type="benefit")
        for session in (jan, feb):
            cls.attend(session, reg["a1"])
            cls.attend(session, reg["a3"], "absent")
        cls.attend(jan, reg["a2"])
        cls.attend(feb, reg["a2"], hours=1.5)  # late
        cls.attend(jan, reg["a5"])
        reg["a5"].button_reg_cancel()
        cls.attend(cls.run_b.defis_session_ids, reg["b1"])
        cls.attend(cls.run_b.defis_session_ids, reg["b4"], hours=2.0)
        cls.history = cls.env["defis.training.history"].create({
            "year": 2003, "programme_id": cls.prog_a.id, "funder_id": cls.funder.id,
            "course_run_count": 4, "learner_count": 40, "learner_hours": 350, "income": 1200})
        cls.mine = [("programme_id", "in", (cls.prog_a | cls.prog_b).ids)]


class TestTrainingReport(TrainingReportCase):

    def totals(self, domain, groupby):
        fields = ["run_count", "learner_count", "attendee_count", "completed_count",
                  "learner_hours"]
        groups = self.env["defis.training.report"].with_context(lang="fr_FR").read_group(
            self.mine + domain, fields + [gb.split(":")[0] for gb in groupby],
            groupby, lazy=False)
        result = {}
        for group in groups:
            key = tuple(group[gb] if not isinstance(group[gb], tuple) else group[gb][1]
                        for gb in groupby)
            result[key[0] if len(key) == 1 else key] = tuple(group[f] for f in fields)
        return result

    def test_months_count_each_learner_once(self):
        by_month = self.totals([("date", ">=", "2004-01-01")], ["date:month"])
        self.assertEqual(by_month, {
            # runs, registered, present, completed, learner-hours
            "janvier 2004": (1, 3, 2, 2, 4.0),
            "février 2004": (2, 4, 3, 2, 8.5),
        })
        # over the year learner 1 (two runs, two months) is one learner
        self.assertEqual(self.totals([("date", ">=", "2004-01-01")], ["date:year"]),
                         {"2004": (2, 4, 3, 2, 12.5)})
        self.assertEqual(self.totals([("date", ">=", "2004-01-01")], []), {(): (2, 4, 3, 2, 12.5)})

    def test_by_funder_with_own_funds(self):
        by_funder = self.totals([("date", ">=", "2004-01-01")], ["funder_id"])
        self.assertEqual(by_funder, {
            "Mission locale de test": (1, 3, 2, 2, 7.5),
            "Fonds propres": (1, 2, 2, 1, 5.0),
        })

    def test_by_programme_and_learner_type(self):
        year = [("date", ">=", "2004-01-01")]
        self.assertEqual(self.totals(year, ["programme_id", "learner_type"]), {
            ("Programme A du rapport", "individuals"): (1, 2, 2, 2, 7.5),
            ("Programme A du rapport", "benefit"): (1, 1, 0, 0, 0.0),
            ("Programme B du rapport", "young"): (1, 2, 2, 1, 5.0),
        })

    def test_past_years_join_the_report(self):
        self.assertEqual(self.totals([], ["date:year"]), {
            "2003": (4, 40, 40, 0, 350.0),
            "2004": (2, 4, 3, 2, 12.5),
        })
        self.assertEqual(self.totals([], []), {(): (6, 44, 43, 2, 362.5)})

    def test_rows_of_a_registration(self):
        rows = self.env["defis.training.report"].search(
            self.mine + [("event_id", "=", self.run_a.id)])
        self.assertEqual(len(rows), 3 * 2)  # cancelled registration left out
        self.assertEqual(sum(rows.mapped("learner_hours")), 7.5)
        self.assertEqual(set(rows.mapped("learner_type")), {"individuals", "benefit"})

    def test_queries_do_not_grow_with_groups(self):
        report = self.env["defis.training.report"]
        counts = []
        report.read_group(self.mine, ["learner_count", "partner_id"], ["partner_id"])  # caches
        for domain in ([("event_id", "=", self.run_b.id)], []):
            before = self.cr.sql_log_count
            groups = report.read_group(self.mine + domain, ["learner_count", "partner_id"],
                                       ["partner_id"], lazy=False)
            counts.append((len(groups), self.cr.sql_log_count - before))
        (few, first), (many, second) = counts
        self.assertEqual((few, many), (2, 4 + 1))  # and the past year's line
        self.assertEqual(first, second)

    def test_report_is_for_managers(self):
        report = self.env["defis.training.report"]
        self.assertTrue(report.sudo(self.defis_manager).search_count(self.mine))
        with self.assertRaises(AccessError):
            report.sudo(self.defis_user).search_count([])
        with self.assertRaises(AccessError):
            self.env["defis.training.history"].sudo(self.trainer).search_count([])
        reporting = self.visible_menus(self.defis_manager)
        self.assertIn(self.env.ref("defis_training.menu_defis_training_report").id, reporting)
        self.assertEqual(self.menu_name("defis_training.menu_defis_training_report"),
                         "Rapport de formation")


class TestTrainingHistory(TrainingReportCase):

    def test_one_line_per_year_programme_and_funder(self):
        history = self.env["defis.training.history"]
        with self.assertRaises(ValidationError):
            history.create({"year": 2003, "programme_id": self.prog_a.id,
                            "funder_id": self.funder.id, "learner_count": 1,
                            "learner_hours": 1})
        own = history.create({"year": 2003, "programme_id": self.prog_a.id,
                              "learner_count": 1, "learner_hours": 1})
        with self.assertRaises(ValidationError):
            own.copy()

    @mute_logger("odoo.sql_db")
    def test_figures_cannot_be_negative(self):
        with self.assertRaises(IntegrityError):
            self.env["defis.training.history"].create({
                "year": 2002, "programme_id": self.prog_a.id,
                "learner_count": -1, "learner_hours": 5})

    @mute_logger("odoo.sql_db")
    def test_year_in_range(self):
        with self.assertRaises(IntegrityError):
            self.env["defis.training.history"].create({
                "year": 1999, "programme_id": self.prog_a.id,
                "learner_count": 1, "learner_hours": 5})


class TestTrainingSpreadsheets(TrainingReportCase):

    def render(self, xmlid, wizard):
        report = self.env.ref(xmlid)
        content, report_type = report.sudo(self.defis_manager).with_context(
            lang="fr_FR").render(wizard.ids, {})
        self.assertEqual(report_type, "xlsx")
        return xlrd.open_workbook(file_contents=content).sheet_by_index(0)

    def wizard(self, **values):
        return self.env["defis.training.report.wizard"].sudo(self.defis_manager).create(
            values)

    @staticmethod
    def table(sheet, title):
        """{label: [numbers]} of the table under ``title``, with its total."""
        start = next(row for row in range(sheet.nrows) if sheet.cell_value(row, 0) == title)
        rows = {}
        for row in range(start + 2, sheet.nrows):
            label = sheet.cell_value(row, 0)
            if not label:
                break
            rows[label] = [sheet.cell_value(row, col) for col in range(1, sheet.ncols)
                           if sheet.cell_type(row, col) == xlrd.XL_CELL_NUMBER]
        return rows

    def test_funder_report(self):
        sheet = self.render("defis_training.action_report_training_funder_xlsx", self.wizard(
            funder_id=self.funder.id, date_from="2004-01-01", date_to="2004-12-31"))
        self.assertIn("Mission locale de test", sheet.cell_value(0, 0))
        self.assertIn("01/01/2004", sheet.cell_value(0, 0))
        self.assertEqual(self.table(sheet, "Par programme"), {
            "Programme A du rapport": [1, 3, 2, 2, 7.5],
            "Total": [1, 3, 2, 2, 7.5],
        })
        self.assertEqual(self.table(sheet, "Par mois"), {
            "janvier 2004": [1, 3, 2, 2, 4.0],
            "février 2004": [1, 3, 2, 2, 3.5],
            "Total": [1, 3, 2, 2, 7.5],
        })

    def test_funder_report_of_every_run_with_past_years(self):
        sheet = self.render("defis_training.action_report_training_funder_xlsx", self.wizard(
            date_from="2003-01-01", date_to="2004-12-31"))
        rows = self.table(sheet, "Par programme")
        self.assertEqual(rows["Programme A du rapport"], [5, 43, 42, 2, 357.5])
        self.assertEqual(rows["Programme B du rapport"], [1, 2, 2, 1, 5.0])

    def test_yearly_summary(self):
        wizard = self.wizard(year=2004)
        self.assertAlmostEqual(wizard._income_by_funder()[self.funder.id], 1000 + 1840)
        sheet = self.render("defis_training.action_report_training_bpf_xlsx", wizard)
        self.assertIn("2004", sheet.cell_value(0, 0))
        self.assertEqual(self.table(sheet, "Par type de stagiaire"), {
            "Particuliers": [2, 7.5],
            "Jeunes 16-25 ans": [2, 5.0],
            "Bénéficiaires des minima sociaux": [1, 0.0],
            "Total": [4, 12.5],
        })
        self.assertEqual(self.table(sheet, "Par financeur"), {
            "Mission locale de test": [1, 3, 7.5, 2840.0],
            "Fonds propres": [1, 2, 5.0, 0.0],
            "Total": [2, 4, 12.5, 2840.0],
        })

    def test_yearly_summary_of_a_past_year(self):
        sheet = self.render("defis_training.action_report_training_bpf_xlsx",
                            self.wizard(year=2003))
        self.assertEqual(self.table(sheet, "Par financeur")["Mission locale de test"],
                         [4, 40, 350.0, 1200.0])

    def test_dates_in_order(self):
        with self.assertRaises(ValidationError):
            self.wizard(date_from="2004-02-01", date_to="2004-01-01")
