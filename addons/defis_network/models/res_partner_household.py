# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Households: the people the association equips and trains."""
from odoo import fields, models

HOUSEHOLD_GROUP = "defis_network.group_defis_user"


# contacts are extended in one file per concern, on purpose
class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    defis_is_household = fields.Boolean(string="Household", index=True)
    defis_household_size = fields.Integer(
        string="Household size", groups=HOUSEHOLD_GROUP,
        help="Number of people living in the household.")
    defis_minimum_benefit = fields.Boolean(
        string="Receives a minimum social benefit", groups=HOUSEHOLD_GROUP)
    defis_referring_structure_id = fields.Many2one(
        "res.partner", string="Referring structure", groups=HOUSEHOLD_GROUP,
        domain=[("defis_is_structure", "=", True)], ondelete="set null")
    defis_consent_date = fields.Date(
        string="Consent date", groups=HOUSEHOLD_GROUP,
        help="Date the person agreed that the association keeps their data.")
    defis_last_activity_date = fields.Date(
        string="Last activity", groups=HOUSEHOLD_GROUP, index=True,
        help="Last membership, purchase, loan, training or referral; households "
             "without activity for the retention period are anonymised.")

    _sql_constraints = [
        ("defis_household_size_positive",
         "CHECK(defis_household_size IS NULL OR defis_household_size >= 0)",
         "The household size cannot be negative."),
    ]
