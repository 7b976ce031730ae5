"""The training report over ten years of course runs, at 1×, 10× (and with
``BENCH_SCALE=100``, 100×) the demo's volume: at 1×, 200 runs of 4
programmes (20 a year, 2009 to 2018, some across New Year), 10 two-hour
sessions each, 2,200 registrations of 2,000 learners (200 come back) and
22,000 attendance lines, charged to 4 funders' yearly agreements or to the
association's own funds (100×: 2.2 million attendance lines). Inserted in
SQL in the bench's transaction.

The funder report as the pivot reads it (read_group on defis.training.report
by funder and year: course runs, learners registered / present / who
completed counted once, learner-hours) against one hand-written SQL
aggregate over the same rows."""
from odoo.addons.defis_network.tests.common import GuardedSavepointCase

from . import generator
from .generator import classes_by_scale
from .harness import BenchCase

YEARS = generator.TRAINING_YEARS
MEASURES = ["run_count", "learner_count", "attendee_count", "completed_count",
            "learner_hours"]
FAST = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}

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


class TrainingReportBench(GuardedSavepointCase, BenchCase):
    """SavepointCase first: the ten years are built once. The subclasses
    below set the scale."""

    __test__ = False
    repeat = 3
    scale = 1

    @classmethod
    def set_up_class_data(cls):
        env = cls.env(context=dict(cls.env.context, **FAST))
        cls.programmes = generator.add_training(
            env, generator.TRAINING_RUNS_A_YEAR * cls.scale,
            generator.TRAINING_LEARNERS * cls.scale)
        generator.analyze(env)

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
        self.assertGreaterEqual(self.cr.fetchone()[0], 22000 * self.scale)
        expected = self.report_by_sql()
        # every funder every year, some in the year after too
        self.assertGreater(len(expected), (generator.TRAINING_FUNDERS + 1) * len(YEARS))
        self.assertEqual(self.report_by_pivot(), expected)
        self.compare("training report: funder x year, 10 years of attendance lines",
                     self.report_by_pivot, self.report_by_sql, len(expected),
                     scale=self.scale)


(TestBenchTrainingReport1x, TestBenchTrainingReport10x,
 TestBenchTrainingReport100x) = classes_by_scale(TrainingReportBench, "TestBenchTrainingReport")
