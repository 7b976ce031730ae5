"""Network statistics at 1×, 10× (and, with ``BENCH_SCALE=100``, 100×) the
demo network: the demo's structures, plus as many generated ones as make
the scale (in the 7 demo sub-networks, affiliated from 2007 to 2019, some
withdrawn, 2 referents each), and ten years of quarterly sub-network
meetings plus a yearly technical committee, with attendance lines. Each
scale is its own class: its data is built, measured and rolled back.

1. Growth: structures affiliated at 120 month ends by sub-network, read as
   the pivot reads it (read_group on defis.network.growth), against one
   hand-written SQL aggregate over res_partner.
2. Attendance rates of all structures read through the ORM (stored), and
   every structure's rate recomputed, against one SQL aggregate over the
   attendance lines."""
from datetime import date

from odoo.addons.defis_network.tests.common import GuardedSavepointCase

from .generator import add_structures, analyze, classes_by_scale
from .harness import BenchCase

FIRST_AFFILIATION = date(2007, 1, 1)
AFFILIATION_DAYS = (date(2019, 12, 31) - FIRST_AFFILIATION).days
MEETING_YEARS = range(2010, 2020)
FIRST_MONTH, LAST_MONTH = "2010-01-01", "2019-12-31"
FAST = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}

# referents in office on the meeting day of the structures affiliated then
# (of the meeting's sub-network, or all for the committee); each present
# 2 times in 5, a structure represented at 4 meetings in 5
ATTENDANCE_INSERT = """
    INSERT INTO defis_meeting_attendance (meeting_id, partner_id, structure_id, present)
    SELECT m.id, r.partner_id, r.structure_id, (7 * r.partner_id + 3 * m.id) %% 5 < 2
      FROM defis_meeting m
      JOIN res_partner p
        ON p.defis_is_structure
       AND (m.subnetwork_id IS NULL OR p.defis_subnetwork_id = m.subnetwork_id)
       AND p.defis_affiliation_date <= m.date::date
       AND (p.defis_withdrawal_date IS NULL OR p.defis_withdrawal_date > m.date::date)
      JOIN defis_referent r
        ON r.structure_id = p.id AND r.date_start <= m.date::date
       AND (r.date_end IS NULL OR r.date_end > m.date::date)
     WHERE m.id IN %s
"""

GROWTH_QUERY = """
    SELECT to_char(first_day, 'YYYY-MM'), p.defis_subnetwork_id, COUNT(*)
      FROM generate_series(%(first)s::date, %(last)s::date, INTERVAL '1 month') AS first_day
      JOIN res_partner p
        ON p.defis_is_structure AND p.active
       AND p.defis_affiliation_date <= (first_day + INTERVAL '1 month - 1 day')::date
       AND (p.defis_withdrawal_date IS NULL
            OR p.defis_withdrawal_date > (first_day + INTERVAL '1 month - 1 day')::date)
  GROUP BY 1, 2
"""

RATES_QUERY = """
    SELECT p.id,
           COALESCE(ROUND(100.0 * COUNT(DISTINCT a.meeting_id) FILTER (WHERE a.present)
                          / NULLIF(COUNT(DISTINCT a.meeting_id), 0), 1), 0)::float
      FROM res_partner p
      LEFT JOIN (defis_meeting_attendance a
                 JOIN defis_meeting m ON m.id = a.meeting_id AND m.state = 'held')
             ON a.structure_id = p.id
     WHERE p.defis_is_structure AND p.active
  GROUP BY p.id
"""


class NetworkBench(GuardedSavepointCase, BenchCase):
    """SavepointCase first: the network of a scale is built once for both
    cases. The subclasses below set the scale."""

    __test__ = False
    repeat = 5
    scale = 1

    @classmethod
    def set_up_class_data(cls):
        env = cls.env(context=dict(cls.env.context, **FAST))
        subnetworks = env["defis.subnetwork"].search([])
        assert len(subnetworks) == 7, subnetworks
        demo_structures = env["res.partner"].search_count([("defis_is_structure", "=", True)])
        cls.structure_count = cls.scale * demo_structures
        if cls.scale > 1:
            add_structures(env, cls.structure_count - demo_structures, FIRST_AFFILIATION,
                           AFFILIATION_DAYS)
        cls.create_meetings(env, subnetworks)
        analyze(env)

    @classmethod
    def create_meetings(cls, env, subnetworks):
        meetings = env["defis.meeting"]
        for year in MEETING_YEARS:
            for quarter, month in enumerate((3, 6, 9, 12)):
                for subnetwork in subnetworks:
                    meetings |= meetings.create({
                        "name": "Réunion %s T%d" % (subnetwork.name, quarter + 1),
                        "kind": "subnetwork", "subnetwork_id": subnetwork.id,
                        "date": "%d-%02d-12 12:00:00" % (year, month),
                        "state": "cancelled" if (year + month) % 13 == 0 else "held",
                    })
            meetings |= meetings.create({
                "name": "Comité technique %d" % year, "kind": "committee",
                "date": "%d-11-20 12:00:00" % year, "state": "held"})
        env.cr.execute(ATTENDANCE_INSERT, (tuple(meetings.ids),))
        env.cache.invalidate()
        # the lines were inserted in SQL: the structures' stored rates are
        # computed as the ORM does when lines are written
        cls.recompute_rates(env)

    @staticmethod
    def recompute_rates(env):
        structures = env["res.partner"].search([("defis_is_structure", "=", True)])
        env.add_todo(structures._fields["defis_meeting_attendance_rate"], structures)
        structures.recompute()

    # growth -----------------------------------------------------------------
    def growth_by_pivot(self):
        groups = self.env["defis.network.growth"].read_group(
            [("month", ">=", FIRST_MONTH), ("month", "<=", LAST_MONTH)],
            ["month", "subnetwork_id", "structure_count"], ["month:month", "subnetwork_id"],
            lazy=False)
        result = {}
        for group in groups:
            # the group's own domain comes first: its month, its sub-network
            month = next(leaf[2] for leaf in group["__domain"]
                         if leaf[0] == "month" and leaf[1] == ">=")[:7]
            subnetwork = group["subnetwork_id"] and group["subnetwork_id"][0]
            result[(month, subnetwork)] = group["structure_count"]
        return result

    def growth_by_sql(self):
        self.cr.execute(GROWTH_QUERY, {"first": FIRST_MONTH, "last": LAST_MONTH})
        return {(month, subnetwork or False): count
                for month, subnetwork, count in self.cr.fetchall()}

    def test_growth(self):
        expected = self.growth_by_sql()
        # the demo's structures joined from 2015 on, the generated ones from 2007
        self.assertGreaterEqual(len({month for month, _sub in expected}), 60)
        self.assertGreater(sum(expected.values()), 60 * self.structure_count // 4)
        self.assertEqual(self.growth_by_pivot(), expected)
        self.compare("growth: affiliated at 120 month ends by sub-network",
                     self.growth_by_pivot, self.growth_by_sql, sum(expected.values()),
                     scale=self.scale)

    # attendance rates ---------------------------------------------------------
    def structures(self):
        return self.env["res.partner"].search([("defis_is_structure", "=", True)])

    def rates_by_orm(self):
        structures = self.structures()
        structures.invalidate_cache()
        return {row["id"]: row["defis_meeting_attendance_rate"]
                for row in structures.read(["defis_meeting_attendance_rate"])}

    def rates_by_sql(self):
        self.cr.execute(RATES_QUERY)
        return dict(self.cr.fetchall())

    def test_attendance_rates(self):
        expected = self.rates_by_sql()
        self.assertGreaterEqual(len(expected), self.structure_count)
        self.assertGreater(len([rate for rate in expected.values() if 0 < rate < 100]),
                           self.structure_count // 2)
        # the field rounds to one decimal as a float: 84.60000000000001
        rates = {key: round(rate, 1) for key, rate in self.rates_by_orm().items()}
        self.assertEqual(rates, expected)
        self.compare("attendance rates of all structures",
                     self.rates_by_orm, self.rates_by_sql, len(expected), scale=self.scale)

    def test_recomputing_every_rate(self):
        """The rates are stored: what reading them saved is spent when lines
        change. Here every structure's rate recomputed at once (as when the
        add-on is installed or upgraded) against the same SQL aggregate."""
        self.repeat = 1  # seconds a run from 10×: one is enough to show the order
        self.compare("attendance rates: every structure's recomputed",
                     lambda: self.recompute_rates(self.env), self.rates_by_sql,
                     self.structure_count, scale=self.scale)


(TestBenchNetwork1x, TestBenchNetwork10x,
 TestBenchNetwork100x) = classes_by_scale(NetworkBench, "TestBenchNetwork")
