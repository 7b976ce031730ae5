"""The yearly reuse report over the devices of 2030-2034 at 1×, 10× (and
with ``BENCH_SCALE=100``, 100×) the demo's volume (800 devices of five
categories and three grades, 300 households, the intakes, loans and
recycling batches of those devices): the report as its pivot reads it
(read_group on defis.reuse.report by year and category) against one
hand-written SQL aggregate over the same rows."""
from odoo.addons.defis_network.tests.common import GuardedSavepointCase

from . import generator
from .generator import classes_by_scale
from .harness import BenchCase

FIRST_DAY, DAYS = "2030-01-01", 5 * 365
YEARS = [str(year) for year in range(2030, 2035)]

# per year and category: first distribution of each device, first device of
# each household, devices stripped, batches handed over
REPORT_QUERY = """
    WITH distributions AS (
        SELECT id AS lot_id, defis_partner_id AS partner_id, defis_sale_date AS day
          FROM stock_production_lot WHERE defis_sale_date IS NOT NULL
         UNION ALL
        SELECT lot_id, partner_id, date_start FROM defis_loan WHERE state != 'draft'
    ), first_lot AS (
        SELECT DISTINCT ON (lot_id) lot_id, day FROM distributions ORDER BY lot_id, day
    ), first_household AS (
        SELECT DISTINCT ON (partner_id) partner_id, lot_id, day
          FROM distributions ORDER BY partner_id, day, lot_id
    ), events AS (
        SELECT EXTRACT(YEAR FROM i.date) AS year, l.defis_category_id AS category_id,
               1 AS collected, 0.0 AS collected_weight, 0 AS redistributed,
               0 AS households, 0 AS stripped, 0 AS recycled, 0.0 AS recycled_weight
          FROM stock_production_lot l
          JOIN defis_intake_line il ON il.id = l.defis_intake_line_id
          JOIN defis_intake i ON i.id = il.intake_id AND i.state = 'done'
         UNION ALL
        SELECT EXTRACT(YEAR FROM i.date), il.category_id, 0, il.weight_kg, 0, 0, 0, 0, 0.0
          FROM defis_intake_line il
          JOIN defis_intake i ON i.id = il.intake_id AND i.state = 'done'
         UNION ALL
        SELECT EXTRACT(YEAR FROM f.day), l.defis_category_id, 0, 0.0, 1, 0, 0, 0, 0.0
          FROM first_lot f JOIN stock_production_lot l ON l.id = f.lot_id
         UNION ALL
        SELECT EXTRACT(YEAR FROM h.day), l.defis_category_id, 0, 0.0, 0, 1, 0, 0, 0.0
          FROM first_household h JOIN stock_production_lot l ON l.id = h.lot_id
         UNION ALL
        SELECT EXTRACT(YEAR FROM defis_state_date), defis_category_id, 0, 0.0, 0, 0, 1, 0,
               0.0
          FROM stock_production_lot WHERE defis_state = 'parts'
         UNION ALL
        SELECT EXTRACT(YEAR FROM b.date), bl.category_id, 0, 0.0, 0, 0, 0, bl.device_count,
               bl.weight_kg
          FROM defis_recycling_batch_line bl
          JOIN defis_recycling_batch b ON b.id = bl.batch_id AND b.state = 'done'
    )
    SELECT year::int::text, category_id, SUM(collected), SUM(collected_weight)::float,
           SUM(redistributed), SUM(households), SUM(stripped), SUM(recycled),
           SUM(recycled_weight)::float
      FROM events
     WHERE year BETWEEN %(first)s AND %(last)s
  GROUP BY 1, 2
"""
MEASURES = ("collected_count", "collected_weight", "redistributed_count", "household_count",
            "stripped_count", "recycled_count", "recycled_weight")


class ReuseReportBench(GuardedSavepointCase, BenchCase):
    """The subclasses below set the scale."""

    __test__ = False
    repeat = 5
    scale = 1

    @classmethod
    def set_up_class_data(cls):
        result = super().set_up_class_data()
        env = cls.env
        cls.devices = generator.DEVICES * cls.scale
        cls.households = generator.HOUSEHOLDS * cls.scale
        generator.add_households(env, cls.households)
        generator.add_devices(env, cls.devices, cls.households, FIRST_DAY, DAYS)
        generator.analyze(env)
        return result

    def report_by_read_group(self):
        groups = self.env["defis.reuse.report"].read_group(
            [("year", "in", YEARS)], ["year", "category_id"] + list(MEASURES),
            ["year", "category_id"], lazy=False)
        return {(group["year"], group["category_id"][0]): tuple(
            round(group[name], 3) for name in MEASURES) for group in groups}

    def report_by_sql(self):
        self.cr.execute(REPORT_QUERY, {"first": int(YEARS[0]), "last": int(YEARS[-1])})
        return {(year, category): tuple(round(value, 3) for value in values)
                for year, category, *values in self.cr.fetchall()}

    def test_yearly_report(self):
        expected = self.report_by_sql()
        self.assertEqual(len(expected), len(YEARS) * len(generator.DEVICE_CATEGORIES))
        self.assertGreater(sum(values[0] for values in expected.values()),
                           self.devices * 9 // 10)
        redistributed = sum(values[2] for values in expected.values())
        self.assertEqual(redistributed, self.devices * 6 // 10)
        self.assertGreaterEqual(sum(values[3] for values in expected.values()),
                                self.households // 2)
        self.assertEqual(self.report_by_read_group(), expected)
        self.compare("reuse report: devices by year and category",
                     self.report_by_read_group, self.report_by_sql, self.devices,
                     scale=self.scale)


(TestBenchReuseReport1x, TestBenchReuseReport10x,
 TestBenchReuseReport100x) = classes_by_scale(ReuseReportBench, "TestBenchReuseReport")
