# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools

# one row per event, then summed per year, category, grade and origin
EVENT_COLUMNS = ("year", "category_id", "grade_id", "is_history", "collected_count",
                 "collected_item_count", "redistributed_count", "stripped_count", "recycled_count",
                 "collected_weight", "recycled_weight", "household_count")


class DefisReuseReport(models.Model):
    """Reuse figures per year, device category and grade: what the software
    recorded, and the figures of the past years entered by hand.

    A household is counted once, in the year, category and grade of the
    first device it received (bought or borrowed): the households equipped
    add up across categories and grades."""

    _name = "defis.reuse.report"
    _description = "Reuse report"
    _auto = False
    _rec_name = "year"
    _order = "year desc, category_id, grade_id"

    year = fields.Char(readonly=True)
    category_id = fields.Many2one(
        "defis.device.category", string="Device category", readonly=True)
    grade_id = fields.Many2one("defis.device.grade", string="Grade", readonly=True)
    is_history = fields.Boolean(
        string="Entered for a past year", readonly=True,
        help="Figures entered by hand for the years before the software.")
    collected_count = fields.Integer(
        string="Devices collected", readonly=True,
        help="Devices received and followed one by one (computers, monitors, tablets, "
             "phones).")
    collected_item_count = fields.Integer(
        string="Items collected by quantity", readonly=True,
        help="Items received by quantity, not one by one (printers, scanners, other "
             "equipment).")
    redistributed_count = fields.Integer(
        string="Devices redistributed", readonly=True,
        help="Devices sold or lent for the first time that year.")
    stripped_count = fields.Integer(
        string="Devices stripped for parts", readonly=True,
        help="Devices set aside for parts that year (and not recycled since).")
    recycled_count = fields.Integer(
        string="Devices recycled", readonly=True,
        help="Devices and items handed over to a WEEE recycler that year.")
    collected_weight = fields.Float(string="Weight collected (kg)", readonly=True)
    recycled_weight = fields.Float(
        string="Weight recycled (kg)", readonly=True,
        help="Weight handed over to a WEEE recycler that year, as weighed in the "
             "recycling batches.")
    household_count = fields.Integer(
        string="Households equipped", readonly=True,
        help="Households that received their first device that year, counted in the "
             "category and grade of that first device.")
    co2_avoided = fields.Float(
        string="Avoided emissions (kg CO2e)", readonly=True,
        help="Devices redistributed times the avoided emissions factor of their category.")

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # the pieces are SQL written in this class, no user input
        self.env.cr.execute(self._view_sql())

    @api.model
    def _view_sql(self):
        return """
            CREATE VIEW defis_reuse_report AS (
                WITH %(ctes)s,
                events (%(columns)s) AS (%(events)s),
                totals AS (
                    SELECT year, category_id, grade_id, is_history,
                           SUM(collected_count) AS collected_count,
                           SUM(collected_item_count) AS collected_item_count,
                           SUM(redistributed_count) AS redistributed_count,
                           SUM(stripped_count) AS stripped_count,
                           SUM(recycled_count) AS recycled_count,
                           SUM(collected_weight) AS collected_weight,
                           SUM(recycled_weight) AS recycled_weight,
                           SUM(household_count) AS household_count
                      FROM events
                  GROUP BY year, category_id, grade_id, is_history
                )
                SELECT row_number() OVER (
                           ORDER BY t.year, t.category_id, t.grade_id, t.is_history) AS id,
                       t.year::varchar AS year, t.category_id, t.grade_id, t.is_history,
                       t.collected_count::int AS collected_count,
                       t.collected_item_count::int AS collected_item_count,
                       t.redistributed_count::int AS redistributed_count,
                       t.stripped_count::int AS stripped_count,
                       t.recycled_count::int AS recycled_count,
                       t.collected_weight::float AS collected_weight,
                       t.recycled_weight::float AS recycled_weight,
                       t.household_count::int AS household_count,
                       (t.redistributed_count * COALESCE(f.kg_co2e, 0))::float AS co2_avoided
                  FROM totals t
                  LEFT JOIN LATERAL (
                      SELECT kg_co2e FROM defis_co2_factor
                       WHERE category_id = t.category_id
                    ORDER BY year::int > t.year, abs(year::int - t.year)
                       LIMIT 1) f ON TRUE
            )
        """ % {"ctes": self._ctes_sql(), "columns": ", ".join(EVENT_COLUMNS),
               "events": " UNION ALL ".join(self._events_sql())}

    @api.model
    def _ctes_sql(self):
        """Devices with their category and grade; every time a device went
        to a household (sale, loan), the first one of each device and of
        each household."""
        return """
            lots AS (
                SELECT l.id, l.defis_category_id AS category_id, l.defis_grade_id AS grade_id,
                       l.defis_state AS state, l.defis_state_date AS state_date,
                       l.defis_intake_line_id AS intake_line_id
                  FROM stock_production_lot l
            ),
            distributions AS (%(distributions)s),
            first_lot AS (
                SELECT DISTINCT ON (lot_id) lot_id, date
                  FROM distributions
              ORDER BY lot_id, date
            ),
            first_household AS (
                SELECT DISTINCT ON (partner_id) partner_id, lot_id, date
                  FROM distributions
                 WHERE partner_id IS NOT NULL
              ORDER BY partner_id, date, lot_id
            )""" % {"distributions": " UNION ALL ".join(self._distributions_sql())}

    @api.model
    def _distributions_sql(self):
        """SELECTs of (lot_id, partner_id, date): a device went to a household."""
        return ["""
            SELECT id AS lot_id, defis_partner_id AS partner_id, defis_sale_date AS date
              FROM stock_production_lot
             WHERE defis_sale_date IS NOT NULL""", """
            SELECT lot_id, partner_id, date_start AS date
              FROM defis_loan
             WHERE state != 'draft'"""]

    @api.model
    def _events_sql(self):
        """SELECTs of EVENT_COLUMNS."""
        selects = self._intake_events_sql()
        selects += [
            """SELECT EXTRACT(YEAR FROM f.date)::int, lots.category_id, lots.grade_id, FALSE,
                      0, 0, 1, 0, 0, 0.0, 0.0, 0
                 FROM first_lot f JOIN lots ON lots.id = f.lot_id""",
            """SELECT EXTRACT(YEAR FROM h.date)::int, lots.category_id, lots.grade_id, FALSE,
                      0, 0, 0, 0, 0, 0.0, 0.0, 1
                 FROM first_household h JOIN lots ON lots.id = h.lot_id""",
            """SELECT EXTRACT(YEAR FROM state_date)::int, category_id, NULL::int, FALSE,
                      0, 0, 0, 1, 0, 0.0, 0.0, 0
                 FROM lots
                WHERE state = 'parts'""",
            # handed over to the WEEE recycler, weighed then
            """SELECT EXTRACT(YEAR FROM b.date)::int, bl.category_id, NULL::int, FALSE,
                      0, 0, 0, 0, bl.device_count, 0.0, bl.weight_kg, 0
                 FROM defis_recycling_batch_line bl
                 JOIN defis_recycling_batch b ON b.id = bl.batch_id
                WHERE b.state = 'done'""",
            # past years: the count collected of a category received by quantity
            # is a number of items
            """SELECT h.year::int, h.category_id, NULL::int, TRUE,
                      CASE WHEN c.tracking = 'none' THEN 0 ELSE h.collected_count END,
                      CASE WHEN c.tracking = 'none' THEN h.collected_count ELSE 0 END,
                      h.redistributed_count, h.stripped_count, h.recycled_count,
                      h.collected_weight, h.recycled_weight, h.household_count
                 FROM defis_reuse_history h
                 JOIN defis_device_category c ON c.id = h.category_id""",
        ]
        return selects

    @api.model
    def _intake_events_sql(self):
        """Devices received one by one (their lots) and items received by
        quantity, with the weight of every intake line."""
        return [
            """SELECT EXTRACT(YEAR FROM i.date)::int, lots.category_id, NULL::int, FALSE,
                      1, 0, 0, 0, 0, 0.0, 0.0, 0
                 FROM lots
                 JOIN defis_intake_line il ON il.id = lots.intake_line_id
                 JOIN defis_intake i ON i.id = il.intake_id
                WHERE i.state = 'done'""",
            """SELECT EXTRACT(YEAR FROM i.date)::int, il.category_id, NULL::int, FALSE,
                      0, CASE WHEN c.tracking = 'none' THEN il.quantity ELSE 0 END,
                      0, 0, 0, il.weight_kg, 0.0, 0
                 FROM defis_intake_line il
                 JOIN defis_intake i ON i.id = il.intake_id
                 JOIN defis_device_category c ON c.id = il.category_id
                WHERE i.state = 'done'""",
        ]

    @api.model
    def figure_names(self):
        return ("collected_count", "collected_item_count", "redistributed_count",
                "stripped_count", "recycled_count", "collected_weight", "recycled_weight",
                "household_count", "co2_avoided")

    @api.model
    def key_figures(self, year):
        """The year's totals over all categories and grades."""
        names = self.figure_names()
        groups = self.read_group([("year", "=", str(year))], list(names), [])
        return {name: groups[0][name] or 0 for name in names}

    @api.model
    def households_since(self, year):
        """Households equipped from ``year`` on (each counted once)."""
        groups = self.read_group([("year", ">=", str(year))], ["household_count"], [])
        return groups[0]["household_count"] or 0
