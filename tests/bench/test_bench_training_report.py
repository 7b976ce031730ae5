"""The training report over ten years of course runs: 2,000 runs of 4
programmes (200 a year, 2009 to 2018, some across New Year), 10 two-hour
sessions each, 22,000 registrations of 20,000 learners (2,000 come back) and
220,000 attendance lines, charged to 4 funders' yearly agreements or to the
association's own funds. Inserted in SQL in the bench's transaction.

The funder report as the pivot reads it (read_group on defis.training.report
by funder and year: course runs, learners registered / present / who
completed counted once, learner-hours) against one hand-written SQL
aggregate over the same rows."""
from odoo.addons.defis_network.tests.common import GuardedSavepointCase

from .harness import BenchCase

YEARS = range(2009, 2019)
RUNS_A_YEAR = 200
LEARNERS_A_RUN = 11
SESSIONS_A_RUN = 10
LEARNERS = 20000
FUNDERS = 4
MEASURES = ["run_count", "learner_count", "attendee_count", "completed_count",
            "learner_hours"]
FAST = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}

LEARNERS_INSERT = """
    INSERT INTO res_partner (name, display_name, active, type, company_id, invoice_warn,
                             picking_warn, create_uid, write_uid, create_date, write_date)
    SELECT 'Stagiaire ' || to_char(i, 'FM00000') || ' (bench)',
           'Stagiaire ' || to_char(i, 'FM00000') || ' (bench)', TRUE, 'contact', %(company)s,
           'no-message', 'no-message', %(uid)s, %(uid)s,
           now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM generate_series(0, %(count)s - 1) AS i;
    UPDATE res_partner SET commercial_partner_id = id
     WHERE name LIKE 'Stagiaire %%(bench)' AND commercial_partner_id IS NULL
"""
FUNDINGS_INSERT = """
    INSERT INTO defis_training_funding (name, funder_id, date_start, date_end, company_id,
                                        amount, state)
    SELECT 'Convention ' || y || ' (bench)', f, make_date(y, 1, 1), make_date(y + 1, 3, 31),
           %(company)s, 10000, 'closed'
      FROM unnest(%(funder_ids)s::int[]) AS f, generate_series(%(first)s, %(last)s) AS y
"""
# run i: year, programme i % 4, funder i % 5 (the 5th: own funds); its
# start spread over the year, the last ones end in the next year
RUNS_INSERT = """
    INSERT INTO event_event (name, seats_availability, date_tz, date_begin, date_end, state,
                             defis_programme_id, defis_funding_id, defis_is_training,
                             defis_planned_hours)
    SELECT 'Session ' || i || ' (bench)', 'unlimited', 'Europe/Paris',
           make_date(%(first)s + i / %(per_year)s, 1, 5)
               + (i %% %(per_year)s) * INTERVAL '1 day 18 hours' + INTERVAL '8 hours',
           make_date(%(first)s + i / %(per_year)s, 1, 5)
               + (i %% %(per_year)s) * INTERVAL '1 day 18 hours'
               + (%(sessions)s - 1) * INTERVAL '7 days' + INTERVAL '10 hours',
           'done', (%(programmes)s::int[])[i %% 4 + 1],
           (SELECT fd.id FROM defis_training_funding fd
             WHERE fd.funder_id = (%(funders)s::int[])[i %% 5 + 1]
               AND fd.date_start = make_date(%(first)s + i / %(per_year)s, 1, 1)
               AND fd.name LIKE '%%(bench)'),
           TRUE, 2.0 * %(sessions)s
      FROM generate_series(0, %(runs)s - 1) AS i
"""
SESSIONS_INSERT = """
    INSERT INTO defis_training_session (event_id, date_begin, date_end, duration_hours, state)
    SELECT e.id, e.date_begin + k * INTERVAL '7 days',
           e.date_begin + k * INTERVAL '7 days' + INTERVAL '2 hours', 2.0, 'done'
      FROM event_event e, generate_series(0, %(sessions)s - 1) AS k
     WHERE e.name LIKE 'Session %%(bench)'
"""
REGISTRATIONS_INSERT = """
    INSERT INTO event_registration (event_id, partner_id, name, state, defis_learner_type)
    SELECT e.id, p.ids[(e.n * %(per_run)s + k) %% %(learners)s + 1],
           'bench', 'done', (ARRAY['individuals', 'young', 'benefit', 'job_seekers'])[k %% 4 + 1]
      FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM event_event
             WHERE name LIKE 'Session %%(bench)') AS e,
           generate_series(0, %(per_run)s - 1) AS k,
           (SELECT array_agg(id ORDER BY id) AS ids FROM res_partner
             WHERE name LIKE 'Stagiaire %%(bench)') AS p
"""
# present 2 h, absent one line in 7, late (1.5 h) one in 11
ATTENDANCE_INSERT = """
    INSERT INTO defis_training_attendance (session_id, registration_id, partner_id, event_id,
                                           date, state, hours)
    SELECT s.id, r.id, r.partner_id, s.event_id, s.date_begin,
           CASE WHEN (r.id + 3 * s.id) %% 7 = 0 THEN 'absent' ELSE 'present' END,
           CASE WHEN (r.id + 3 * s.id) %% 7 = 0 THEN 0
                WHEN (r.id + s.id) %% 11 = 0 THEN 1.5 ELSE 2.0 END
      FROM event_registration r
      JOIN defis_training_session s ON s.event_id = r.event_id
     WHERE r.name = 'bench'
"""
# the stored totals of each registration, as the ORM computes them
REGISTRATIONS_UPDATE = """
    UPDATE event_registration r
       SET defis_hours_attended = t.hours,
           defis_completion_rate = round((100 * t.hours / %(planned)s)::numeric, 2),
           defis_completed = 100 * t.hours / %(planned)s >= 80
      FROM (SELECT registration_id, sum(hours) AS hours FROM defis_training_attendance
             GROUP BY registration_id) AS t
     WHERE t.registration_id = r.id AND r.name = 'bench'
"""

FUNDER_YEAR_QUERY = """
    SELECT f.funder_id, EXTRACT(YEAR FROM s.date_begin)::int,
           COUNT(DISTINCT e.id), COUNT(DISTINCT r.partner_id),
           COUNT(DISTINCT r.partner_id) FILTER (WHERE a.hours > 0),
           COUNT(DISTINCT r.partner_id) FILTER (WHERE r.defis_completed),
           COALESCE(SUM(a.hours), 0)
      FROM event_event e
      JOIN defis_training_session s ON s.event_id = e.id AND s.state != 'cancelled'
      JOIN event_registration r ON r.event_id = e.id AND r.state IN ('open', 'done')
      LEFT JOIN defis_training_attendance a
        ON a.session_id = s.id AND a.registration_id = r.id
      LEFT JOIN defis_training_funding f ON f.id = e.defis_funding_id
     WHERE e.defis_programme_id IN %(programmes)s AND e.state != 'cancel'
  GROUP BY 1, 2
"""


class TestBenchTrainingReport(GuardedSavepointCase, BenchCase):
    """SavepointCase first: the ten years are built once."""

    repeat = 3

    @classmethod
    def set_up_class_data(cls):
        env = cls.env(context=dict(cls.env.context, **FAST))
        cls.programmes = env["defis.training.programme"]
        for number in range(4):
            cls.programmes |= cls.programmes.create({
                "name": "Programme %d (bench)" % number, "planned_hours": 20})
        funders = env["res.partner"]
        for number in range(FUNDERS):
            funders |= funders.create({"name": "Financeur %d (bench)" % number,
                                       "is_company": True})
        params = {
            "company": env.user.company_id.id, "uid": env.uid, "count": LEARNERS,
            # the 5th "funder" of the runs: none, own funds
            "funder_ids": funders.ids, "funders": funders.ids + [0],
            "first": YEARS[0], "last": YEARS[-1],
            "per_year": RUNS_A_YEAR, "sessions": SESSIONS_A_RUN,
            "programmes": cls.programmes.ids, "runs": RUNS_A_YEAR * len(YEARS),
            "per_run": LEARNERS_A_RUN, "learners": LEARNERS,
            "planned": 2.0 * SESSIONS_A_RUN,
        }
        for statement in (LEARNERS_INSERT, FUNDINGS_INSERT, RUNS_INSERT, SESSIONS_INSERT,
                          REGISTRATIONS_INSERT, ATTENDANCE_INSERT, REGISTRATIONS_UPDATE):
            env.cr.execute(statement, params)
        env.cr.execute("ANALYZE")
        env.cache.invalidate()

    def report_by_pivot(self):
        groups = self.env["defis.training.report"].read_group(
            [("programme_id", "in", self.programmes.ids)], MEASURES + ["funder_id", "date"],
            ["funder_id", "date:year"], lazy=False)
        result = {}
        for group in groups:
            year = int(next(leaf[2] for leaf in group["__domain"]
                            if leaf[0] == "date" and leaf[1] == ">=")[:4])
            funder = group["funder_id"][0] or None
            result[(funder, year)] = tuple(group[name] for name in MEASURES[:4]) + (
                round(group["learner_hours"], 2),)
        return result

    def report_by_sql(self):
        self.cr.execute(FUNDER_YEAR_QUERY, {"programmes": tuple(self.programmes.ids)})
        return {(funder, year): (runs, learners, present, completed, round(hours, 2))
                for funder, year, runs, learners, present, completed, hours
                in self.cr.fetchall()}

    def test_funder_report(self):
        self.cr.execute("SELECT count(*) FROM defis_training_attendance a"
                        " JOIN event_event e ON e.id = a.event_id"
                        " WHERE e.defis_programme_id IN %s", (tuple(self.programmes.ids),))
        self.assertGreaterEqual(self.cr.fetchone()[0], 200000)
        expected = self.report_by_sql()
        self.assertEqual(len(expected), (FUNDERS + 1) * (len(YEARS) + 1))
        self.assertEqual(self.report_by_pivot(), expected)
        self.compare("training report: funder x year, 10 years, 220k attendance lines",
                     self.report_by_pivot, self.report_by_sql, len(expected))
