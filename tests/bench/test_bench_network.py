"""Network statistics on ten times the demo network: 2,190 structures in the
7 demo sub-networks, affiliated from 2007 to 2019 (some withdrawn), 2
referents each, and ten years of quarterly sub-network meetings plus a yearly
technical committee, with attendance lines.

1. Growth: structures affiliated at 120 month ends by sub-network, read as
   the pivot reads it (read_group on defis.network.growth), against one
   hand-written SQL aggregate over res_partner.
2. Attendance rates of all structures read through the ORM, against one SQL
   aggregate over the attendance lines."""
from datetime import date, timedelta

from odoo.tests.common import SavepointCase

from .harness import BenchCase

STRUCTURES = 2190
FIRST_AFFILIATION = date(2007, 1, 1)
AFFILIATION_DAYS = (date(2019, 12, 31) - FIRST_AFFILIATION).days
MEETING_YEARS = range(2010, 2020)
FIRST_MONTH, LAST_MONTH = "2010-01-01", "2019-12-31"
FAST = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}

# referents in office on the meeting day of the structures affiliated then
# (of the meeting's sub-network, or all for the committee); 2 in 3 present
ATTENDANCE_INSERT = """
    INSERT INTO defis_meeting_attendance (meeting_id, partner_id, structure_id, present)
    SELECT m.id, r.partner_id, r.structure_id, (r.partner_id + m.id) %% 3 <> 0
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


class TestBenchNetwork(SavepointCase, BenchCase):
    """SavepointCase first: the network is built once for both cases."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        try:
            cls.build_network()
        except Exception:
            super().tearDownClass()
            raise

    @classmethod
    def build_network(cls):
        env = cls.env(context=dict(cls.env.context, **FAST))
        subnetworks = env["defis.subnetwork"].search([])
        types = env["defis.structure.type"].search([])
        assert len(subnetworks) == 7, subnetworks
        partners = env["res.partner"]
        referents = env["defis.referent"]
        for index in range(STRUCTURES):
            subnetwork = subnetworks[index % len(subnetworks)]
            structure = partners.create(cls.structure_values(index, subnetwork, types))
            for person in structure.child_ids:
                referents.create({"structure_id": structure.id, "partner_id": person.id,
                                  "date_start": structure.defis_affiliation_date})
        cls.create_meetings(env, subnetworks)

    @classmethod
    def structure_values(cls, index, subnetwork, types):
        affiliation = FIRST_AFFILIATION + timedelta(days=index * 37 % AFFILIATION_DAYS)
        withdrawal = False
        if index % 9 == 0:
            withdrawal = affiliation + timedelta(days=365 * (1 + index % 5) + index % 90)
        structure_type = types[index % len(types)]
        return {
            "name": "Structure %04d (bench)" % index,
            "is_company": True,
            "category_id": [(6, 0, [subnetwork.category_id.id, structure_type.category_id.id])],
            "defis_affiliation_date": str(affiliation),
            "defis_withdrawal_date": withdrawal and str(withdrawal),
            "child_ids": [(0, 0, {"name": "Référent %04d-%d" % (index, rank)})
                          for rank in (1, 2)],
        }

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

    # growth -----------------------------------------------------------------
    def growth_by_pivot(self):
        groups = self.env["defis.network.growth"].read_group(
            [("month", ">=", FIRST_MONTH), ("month", "<=", LAST_MONTH)],
            ["structure_count"], ["month:month", "subnetwork_id"], lazy=False)
        result = {}
        for group in groups:
            # the month group is ("2010-01-01/2010-02-01", "janvier 2010")
            month = group["month:month"][0][:7]
            subnetwork = group["subnetwork_id"] and group["subnetwork_id"][0]
            result[(month, subnetwork)] = group["structure_count"]
        return result

    def growth_by_sql(self):
        self.cr.execute(GROWTH_QUERY, {"first": FIRST_MONTH, "last": LAST_MONTH})
        return {(month, subnetwork or False): count
                for month, subnetwork, count in self.cr.fetchall()}

    def test_growth(self):
        expected = self.growth_by_sql()
        self.assertEqual(len({month for month, _sub in expected}), 120)
        self.assertGreater(sum(expected.values()), 120 * STRUCTURES // 2)
        self.assertEqual(self.growth_by_pivot(), expected)
        self.compare("growth: affiliated at 120 month ends by sub-network",
                     self.growth_by_pivot, self.growth_by_sql, len(expected))

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
        self.assertGreater(len(expected), STRUCTURES)
        self.assertGreater(len([rate for rate in expected.values() if 0 < rate < 100]),
                           STRUCTURES // 2)
        self.assertEqual(self.rates_by_orm(), expected)
        self.compare("attendance rates of all structures",
                     self.rates_by_orm, self.rates_by_sql, len(expected))
