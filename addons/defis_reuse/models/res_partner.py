# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    defis_member_until = fields.Date(
        string="Member until", compute="_compute_defis_member_until",
        help="Last day of the membership valid today (the point of sale checks it).")

    def _compute_defis_member_until(self):
        ends = self._defis_membership_ends(fields.Date.context_today(self))
        for partner in self:
            partner.defis_member_until = ends.get(partner.id, False)
