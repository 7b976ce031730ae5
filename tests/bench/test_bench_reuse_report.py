"""The yearly reuse report over 20,000 devices of 2030-2034 (five serial
categories, three grades), 5,000 households, the intakes, loans and
recycling batches of those devices: the report as its pivot reads it (read_group on
defis.reuse.report by year and category) against one hand-written SQL
aggregate over the same rows."""
from odoo.addons.defis_network.tests.common import GuardedSavepointCase

from .harness import BenchCase

DEVICES = 20000
HOUSEHOLDS = 5000
FIRST_DAY, DAYS = "2030-01-01", 5 * 365
YEARS = [str(year) for year in range(2030, 2035)]
CATEGORIES = ("desktop", "laptop", "monitor", "tablet", "phone")
GRADES = ("a", "b", "c")

# the devices of each month and category received by one intake line (one
# intake a month), weighed as the devices' weights add up
INTAKES_INSERT = """
    WITH intakes AS (
        INSERT INTO defis_intake (name, partner_id, date, state, company_id, create_uid,
                                  write_uid, create_date, write_date)
        SELECT 'COL-' || to_char(month, 'YYYY-MM'), %(donor)s, month::date, 'done',
               %(company)s, %(uid)s, %(uid)s, now() AT TIME ZONE 'UTC',
               now() AT TIME ZONE 'UTC'
          FROM generate_series(%(first)s::date, %(first)s::date + %(days)s - 1,
                               INTERVAL '1 month') AS month
        RETURNING id, date
    ), lines AS (
        INSERT INTO defis_intake_line (intake_id, category_id, quantity, weight_kg,
                                       weee_category)
        SELECT i.id, l.defis_category_id, COUNT(*), SUM(l.defis_weight_kg), '6'
          FROM stock_production_lot l
          JOIN intakes i ON date_trunc('month', l.defis_state_date - 30) = i.date
         WHERE l.name LIKE 'BENCH-%%' AND l.defis_state_date - 30 >= %(first)s::date
      GROUP BY i.id, l.defis_category_id
        RETURNING id, intake_id, category_id
    )
    UPDATE stock_production_lot l SET defis_intake_line_id = lines.id
      FROM lines JOIN intakes i ON i.id = lines.intake_id
     WHERE l.name LIKE 'BENCH-%%' AND l.defis_category_id = lines.category_id
       AND date_trunc('month', l.defis_state_date - 30) = i.date
"""
# the values create() would store: name, display name, commercial partner
HOUSEHOLDS_INSERT = """
    INSERT INTO res_partner (name, display_name, active, type, company_id, invoice_warn,
                             picking_warn, defis_is_household, create_uid, write_uid,
                             create_date, write_date)
    SELECT 'Foyer ' || i || ' (bench)', 'Foyer ' || i || ' (bench)', TRUE, 'contact',
           %(company)s, 'no-message', 'no-message', TRUE, %(uid)s, %(uid)s,
           now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM generate_series(1, %(count)s) AS i;
    UPDATE res_partner SET commercial_partner_id = id
     WHERE name LIKE 'Foyer %%(bench)' AND commercial_partner_id IS NULL
"""
# i %% 10: 0-3 sold, 4 lent, 5 lent and returned, 6 parts, 7 recycled, 8-9 ready
DEVICES_INSERT = """
    WITH households AS (
        SELECT array_agg(id ORDER BY id) AS ids FROM res_partner
         WHERE name LIKE 'Foyer %%(bench)'
    ), rows AS (
        SELECT i, %(first)s::date + (i * 7 %% %(days)s) AS day,
               (%(products)s::int[])[i %% 5 + 1] AS product_id,
               (%(categories)s::int[])[i %% 5 + 1] AS category_id,
               (%(grades)s::int[])[i %% 3 + 1] AS grade_id,
               (SELECT ids FROM households) AS households
          FROM generate_series(0, %(count)s - 1) AS i
    )
    INSERT INTO stock_production_lot (
        name, product_id, defis_category_id, defis_grade_id, defis_state, defis_state_date,
        defis_partner_id, defis_sale_date, defis_weight_kg,
        create_uid, write_uid, create_date, write_date)
    SELECT 'BENCH-' || to_char(i, 'FM00000'), product_id, category_id, grade_id,
           CASE WHEN i %% 10 < 4 THEN 'sold' WHEN i %% 10 = 4 THEN 'lent'
                WHEN i %% 10 = 5 THEN 'diagnosed' WHEN i %% 10 = 6 THEN 'parts'
                WHEN i %% 10 = 7 THEN 'recycled' ELSE 'ready' END,
           day,
           CASE WHEN i %% 10 < 5 THEN households[(i * 13) %% %(households)s + 1] END,
           CASE WHEN i %% 10 < 4 THEN day END,
           2.0 + i %% 7,
           %(uid)s, %(uid)s, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM rows
"""
LOANS_INSERT = """
    INSERT INTO defis_loan (name, partner_id, lot_id, date_start, date_due, currency_id,
                            deposit_method, deposit_state, state, create_uid, write_uid,
                            create_date, write_date)
    SELECT 'PRET-' || l.name, COALESCE(l.defis_partner_id, h.ids[l.id %% %(households)s + 1]),
           l.id, l.defis_state_date, l.defis_state_date + 40, %(currency)s, 'none',
           'none', CASE WHEN l.defis_state = 'lent' THEN 'ongoing' ELSE 'returned' END,
           %(uid)s, %(uid)s, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM stock_production_lot l,
           (SELECT array_agg(id ORDER BY id) AS ids FROM res_partner
             WHERE name LIKE 'Foyer %%(bench)') AS h
     WHERE l.name LIKE 'BENCH-%%' AND l.defis_state IN ('lent', 'diagnosed')
"""
# one batch a month, one line per category with the devices recycled that month
BATCHES_INSERT = """
    WITH months AS (
        INSERT INTO defis_recycling_batch (name, partner_id, date, state, create_uid,
                                           write_uid, create_date, write_date)
        SELECT 'DEEE-' || to_char(month, 'YYYY-MM'), %(recycler)s,
               (month + INTERVAL '1 month - 1 day')::date, 'done', %(uid)s, %(uid)s,
               now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
          FROM generate_series(%(first)s::date, %(first)s::date + %(days)s - 1,
                               INTERVAL '1 month') AS month
        RETURNING id, date
    )
    INSERT INTO defis_recycling_batch_line (batch_id, category_id, weight_kg, quantity,
                                            device_count)
    SELECT m.id, l.defis_category_id, SUM(l.defis_weight_kg), 0, COUNT(*)
      FROM stock_production_lot l
      JOIN months m ON date_trunc('month', l.defis_state_date) = date_trunc('month', m.date)
     WHERE l.name LIKE 'BENCH-%%' AND l.defis_state = 'recycled'
  GROUP BY m.id, l.defis_category_id
"""

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


class TestBenchReuseReport(GuardedSavepointCase, BenchCase):

    repeat = 5

    @classmethod
    def set_up_class_data(cls):
        result = super().set_up_class_data()
        env, ref = cls.env, cls.env.ref
        categories = [ref("defis_reuse.device_category_%s" % code) for code in CATEGORIES]
        common = {"uid": env.uid, "company": env.user.company_id.id, "first": FIRST_DAY,
                  "days": DAYS, "households": HOUSEHOLDS}
        env.cr.execute(HOUSEHOLDS_INSERT, dict(common, count=HOUSEHOLDS))
        env.cr.execute(DEVICES_INSERT, dict(
            common, count=DEVICES, products=[category.product_id.id for category in categories],
            categories=[category.id for category in categories],
            grades=[ref("defis_reuse.device_grade_%s" % grade).id for grade in GRADES]))
        env.cr.execute(LOANS_INSERT, dict(common, currency=env.user.company_id.currency_id.id))
        recycler = env["res.partner"].create({"name": "Recycleur (bench)", "is_company": True})
        env.cr.execute(BATCHES_INSERT, dict(common, recycler=recycler.id))
        env.cr.execute(INTAKES_INSERT, dict(common, donor=recycler.id))
        # statistics as the live tables have them, for both queries' plans
        env.cr.execute("ANALYZE stock_production_lot, defis_loan, defis_intake, "
                       "defis_intake_line, defis_recycling_batch, defis_recycling_batch_line, "
                       "res_partner")
        env.cache.invalidate()
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
        self.assertEqual(len(expected), len(YEARS) * len(CATEGORIES))
        self.assertGreater(sum(values[0] for values in expected.values()), DEVICES * 9 // 10)
        redistributed = sum(values[2] for values in expected.values())
        self.assertEqual(redistributed, DEVICES * 6 // 10)
        self.assertGreaterEqual(sum(values[3] for values in expected.values()), HOUSEHOLDS // 2)
        self.assertEqual(self.report_by_read_group(), expected)
        self.compare("reuse report: 20,000 devices by year and category",
                     self.report_by_read_group, self.report_by_sql, DEVICES)
