# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .defis_reuse_history import year_selection


class DefisCo2Factor(models.Model):
    """Greenhouse gas emissions avoided when a device of a category is
    reused instead of a new one being bought, from a published source."""

    _name = "defis.co2.factor"
    _description = "Avoided emissions factor"
    _order = "category_id, year desc"
    _rec_name = "category_id"

    category_id = fields.Many2one(
        "defis.device.category", string="Device category", required=True,
        ondelete="cascade", index=True)
    year = fields.Selection(
        year_selection, string="Year of the source", required=True,
        help="The factor applies to the devices redistributed from that year on "
             "(and to the earlier years when no older factor exists).")
    kg_co2e_per_year = fields.Float(
        string="kg CO2e avoided per year of use", required=True, digits=(16, 2),
        help="Emissions avoided for each year a reused device is used instead of a new one, "
             "as given by the source.")
    years_of_use = fields.Float(
        string="Years of use", required=True, default=3.0, digits=(16, 1),
        help="How long a household uses a device the association redistributed: "
             "the association's own estimate.")
    kg_co2e = fields.Float(
        string="kg CO2e avoided per device", compute="_compute_kg_co2e", store=True,
        digits=(16, 2))
    source_name = fields.Char(string="Source", required=True)
    source_url = fields.Char(string="Source address")
    note = fields.Text(string="How the figure was obtained")

    _sql_constraints = [
        ("category_year_unique", "UNIQUE (category_id, year)",
         "A device category has one avoided emissions factor per year."),
        ("kg_co2e_per_year_positive", "CHECK (kg_co2e_per_year >= 0)",
         "The avoided emissions cannot be negative."),
        ("years_of_use_positive", "CHECK (years_of_use > 0)",
         "The years of use must be positive."),
    ]

    @api.depends("kg_co2e_per_year", "years_of_use")
    def _compute_kg_co2e(self):
        for factor in self:
            factor.kg_co2e = factor.kg_co2e_per_year * factor.years_of_use

    @api.model
    def factor_for(self, category, year):
        """kg CO2e avoided per device of ``category`` redistributed in
        ``year``: the latest factor published that year or before, else the
        oldest one (0.0 without any factor)."""
        factors = self.search([("category_id", "=", category.id)])
        earlier = factors.filtered(lambda factor: int(factor.year) <= int(year))
        chosen = earlier[:1] or factors.sorted(lambda factor: int(factor.year))[:1]
        return chosen.kg_co2e
