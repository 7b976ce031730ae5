# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from odoo import _, api, fields, models, tools
from odoo.tools import DEFAULT_SERVER_DATE_FORMAT, OrderedSet

from ..models.defis_training_programme import AUDIENCES

COUNTED_REGISTRATIONS = ("open", "done")

# Learners and course runs are counted once in a group however many months
# (or programmes) of it they appear in; past years' rows add their figures.
DISTINCT_MEASURES = {
    "run_count": "COUNT(DISTINCT {t}.event_id)"
                 " + COALESCE(SUM({t}.run_count) FILTER (WHERE {t}.is_past_year), 0)",
    "learner_count": "COUNT(DISTINCT {t}.learner_key)"
                     " + COALESCE(SUM({t}.learner_count) FILTER (WHERE {t}.is_past_year), 0)",
    "attendee_count": "COUNT(DISTINCT {t}.learner_key) FILTER (WHERE {t}.attendee_count > 0)"
                      " + COALESCE(SUM({t}.attendee_count) FILTER (WHERE {t}.is_past_year), 0)",
    "completed_count": "COUNT(DISTINCT {t}.learner_key) FILTER (WHERE {t}.completed_count > 0)"
                       " + COALESCE(SUM({t}.completed_count) FILTER (WHERE {t}.is_past_year), 0)",
}


class DefisTrainingReport(models.Model):
    """One row per registration and month in which its course run has
    sittings (learner-hours attended that month), plus one row per past
    year's figures, dated January 1st of that year."""

    _name = "defis.training.report"
    _description = "Training report"
    _auto = False
    _order = "date desc, programme_id"

    date = fields.Date(string="Month", readonly=True)
    programme_id = fields.Many2one(
        "defis.training.programme", string="Programme", readonly=True)
    funding_id = fields.Many2one(
        "defis.training.funding", string="Funding agreement", readonly=True)
    funder_id = fields.Many2one("res.partner", string="Funder", readonly=True)
    learner_type = fields.Selection(AUDIENCES, string="Type of learner", readonly=True)
    event_id = fields.Many2one("event.event", string="Course run", readonly=True)
    registration_id = fields.Many2one(
        "event.registration", string="Registration", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Learner", readonly=True)
    learner_key = fields.Integer(readonly=True, group_operator=None)
    is_past_year = fields.Boolean(string="Past years' figures", readonly=True)
    run_count = fields.Integer(string="Course runs", readonly=True)
    learner_count = fields.Integer(string="Learners registered", readonly=True)
    attendee_count = fields.Integer(string="Learners present", readonly=True,
                                    help="Learners present at least once")
    completed_count = fields.Integer(string="Learners who completed", readonly=True)
    learner_hours = fields.Float(string="Learner-hours", readonly=True)

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW defis_training_report AS (
                WITH runs AS (
                    SELECT e.id, e.date_begin, e.defis_programme_id, e.defis_funding_id
                      FROM event_event e
                     WHERE e.defis_programme_id IS NOT NULL AND e.state != 'cancel'
                ), run_months AS (
                    SELECT DISTINCT s.event_id, date_trunc('month', s.date_begin)::date AS month
                      FROM defis_training_session s
                      JOIN runs ON runs.id = s.event_id
                     WHERE s.state != 'cancelled'
                     UNION
                    SELECT runs.id, date_trunc('month', runs.date_begin)::date
                      FROM runs
                     WHERE NOT EXISTS (SELECT 1 FROM defis_training_session s
                                        WHERE s.event_id = runs.id AND s.state != 'cancelled')
                ), hours AS (
                    SELECT a.registration_id, date_trunc('month', a.date)::date AS month,
                           SUM(a.hours) AS hours
                      FROM defis_training_attendance a
                     WHERE a.hours > 0
                  GROUP BY 1, 2
                )
                SELECT r.id::bigint * 1000
                       + (EXTRACT(YEAR FROM m.month)::int - 2000) * 12
                       + EXTRACT(MONTH FROM m.month)::int AS id,
                       m.month AS date,
                       runs.defis_programme_id AS programme_id,
                       runs.defis_funding_id AS funding_id,
                       f.funder_id,
                       COALESCE(r.defis_learner_type, p.audience) AS learner_type,
                       runs.id AS event_id,
                       r.id AS registration_id,
                       r.partner_id,
                       COALESCE(r.partner_id, -r.id) AS learner_key,
                       FALSE AS is_past_year,
                       1 AS run_count,
                       1 AS learner_count,
                       (COALESCE(h.hours, 0) > 0)::int AS attendee_count,
                       COALESCE(r.defis_completed, FALSE)::int AS completed_count,
                       COALESCE(h.hours, 0) AS learner_hours
                  FROM runs
                  JOIN run_months m ON m.event_id = runs.id
                  JOIN event_registration r
                    ON r.event_id = runs.id AND r.state IN %s
                  JOIN defis_training_programme p ON p.id = runs.defis_programme_id
                  LEFT JOIN defis_training_funding f ON f.id = runs.defis_funding_id
                  LEFT JOIN hours h ON h.registration_id = r.id AND h.month = m.month
                 UNION ALL
                SELECT -h.id, make_date(h.year, 1, 1), h.programme_id, NULL, h.funder_id,
                       p.audience, NULL, NULL, NULL, NULL, TRUE,
                       h.course_run_count, h.learner_count, h.learner_count, 0,
                       h.learner_hours
                  FROM defis_training_history h
                  JOIN defis_training_programme p ON p.id = h.programme_id
            )
        """, (COUNTED_REGISTRATIONS,))

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False,
                   lazy=True):
        result = super().read_group(domain, fields, groupby, offset=offset, limit=limit,
                                    orderby=orderby, lazy=lazy)
        for group in result:
            if "funder_id" in group and not group["funder_id"]:
                group["funder_id"] = (False, _("Own funds"))
        return result

    @api.model
    def _read_group_raw(self, domain, fields, groupby, offset=0, limit=None, orderby=False,
                        lazy=True):
        result = super()._read_group_raw(domain, fields, groupby, offset=offset, limit=limit,
                                         orderby=orderby, lazy=lazy)
        measures = [name for name in DISTINCT_MEASURES if not fields or name in fields]
        if not result or not measures:
            return result
        groupby = [groupby] if isinstance(groupby, str) else list(OrderedSet(groupby))
        groupby = groupby[:1] if lazy else groupby
        counts = self._distinct_counts(domain, groupby, measures)
        empty = dict.fromkeys(measures, 0)
        for group in result:
            key = tuple(self._group_key(group.get(name)) for name in groupby)
            group.update(counts.get(key, empty))
        return result

    @api.model
    def _distinct_counts(self, domain, groupby, measures):
        """{group key: {measure: count}} in one query, grouped as read_group
        groups."""
        query = self._where_calc(domain)
        annotated = [self._read_group_process_groupby(name, query) for name in groupby]
        self._apply_ir_rules(query, "read")
        from_clause, where_clause, params = query.get_sql()
        table = '"%s"' % self._table
        terms = ["%s AS \"%s\"" % (DISTINCT_MEASURES[name].format(t=table), name)
                 for name in measures]
        terms += ["%s AS \"%s\"" % (gb["qualified_field"], gb["groupby"]) for gb in annotated]
        sql = "SELECT %s FROM %s" % (", ".join(terms), from_clause)
        if where_clause:
            sql += " WHERE %s" % where_clause
        if annotated:
            sql += " GROUP BY %s" % ", ".join(gb["qualified_field"] for gb in annotated)
        self.env.cr.execute(sql, params)
        groupby_dict = {gb["groupby"]: gb for gb in annotated}
        counts = {}
        for row in self.env.cr.dictfetchall():
            key = tuple(self._group_key(self._read_group_prepare_data(
                gb["groupby"], row[gb["groupby"]], groupby_dict)) for gb in annotated)
            counts[key] = {name: row[name] for name in measures}
        return counts

    @staticmethod
    def _group_key(value):
        """A group's value as read_group gives it ((id, name), (range,
        label)) or as fetched (id, datetime), reduced to a comparable key."""
        if isinstance(value, (tuple, list)):
            value = value[0]
            if isinstance(value, str):  # a date range: its first day
                value = value.split("/")[0]
        elif isinstance(value, datetime):
            value = value.strftime(DEFAULT_SERVER_DATE_FORMAT)
        return value if value is not None else False
