# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools


class DefisNetworkGrowth(models.Model):
    """One row per month end and structure affiliated on that day: the
    measure summed over a month gives the size of the network then."""

    _name = "defis.network.growth"
    _description = "Network growth"
    _auto = False
    _rec_name = "month"
    _order = "month desc, structure_id"

    month = fields.Date(string="Month end", readonly=True)
    structure_id = fields.Many2one("res.partner", string="Structure", readonly=True)
    subnetwork_id = fields.Many2one("defis.subnetwork", string="Sub-network", readonly=True)
    structure_type_id = fields.Many2one(
        "defis.structure.type", string="Structure type", readonly=True)
    structure_count = fields.Integer(string="Affiliated structures", readonly=True)
    is_quarter_end = fields.Boolean(string="End of a quarter", readonly=True)
    is_year_end = fields.Boolean(string="End of a year", readonly=True)

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # no CTE: a materialised one is scanned once per month and keeps the
        # planner from running the join in parallel. Months are numbered
        # (year * 12 + month - 1) by an integer series: the id, the quarter
        # and the year end are integer arithmetic on every row, not a date's
        # EXTRACT (numeric, time-zone aware), which doubled the report's time.
        self.env.cr.execute("""
            CREATE VIEW defis_network_growth AS (
                -- an id without numbering the rows: a window over every row
                -- would sort them all before any filter or grouping applies
                SELECT structure.id::bigint * 100000 + months.ordinal + 1 AS id,
                       months.month,
                       structure.id AS structure_id,
                       structure.defis_subnetwork_id AS subnetwork_id,
                       structure.defis_structure_type_id AS structure_type_id,
                       1 AS structure_count,
                       months.ordinal % 3 = 2 AS is_quarter_end,
                       months.ordinal % 12 = 11 AS is_year_end
                  FROM (
                    SELECT ordinal,
                           (make_date(ordinal / 12, ordinal % 12 + 1, 1)
                            + INTERVAL '1 month - 1 day')::date AS month
                      FROM generate_series(
                               (SELECT (EXTRACT(YEAR FROM min(defis_affiliation_date)) * 12
                                        + EXTRACT(MONTH FROM min(defis_affiliation_date))
                                        - 1)::int
                                  FROM res_partner
                                 WHERE defis_is_structure AND active),
                               (EXTRACT(YEAR FROM CURRENT_DATE) * 12
                                + EXTRACT(MONTH FROM CURRENT_DATE) - 1)::int) AS ordinal
                  ) AS months
                  JOIN res_partner structure
                    ON structure.defis_is_structure AND structure.active
                   AND structure.defis_affiliation_date <= months.month
                   AND (structure.defis_withdrawal_date IS NULL
                        OR structure.defis_withdrawal_date > months.month)
            )
        """)
