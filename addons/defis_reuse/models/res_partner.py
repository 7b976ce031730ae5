# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

FREE_MEMBER_UNTIL = "9999-12-31"


class ResPartner(models.Model):
    _inherit = "res.partner"

    defis_member_until = fields.Date(
        string="Member until", compute="_compute_defis_member_until",
        help="Last day of the membership valid today (the point of sale checks it).")

    def _compute_defis_member_until(self):
        today = fields.Date.context_today(self)
        lines = self.env["membership.membership_line"].sudo().search([
            ("state", "in", ("paid", "free")),
            ("date_from", "<=", today), ("date_to", ">=", today),
            "|", ("date_cancel", "=", False), ("date_cancel", ">", today),
            ("partner", "in", self.ids + self.mapped("associate_member").ids),
        ])
        until = {}
        for line in lines:
            until[line.partner.id] = max(until.get(line.partner.id, ""), line.date_to)
        for partner in self:
            if partner.free_member:
                partner.defis_member_until = FREE_MEMBER_UNTIL
            else:
                partner.defis_member_until = until.get(partner.id) or until.get(
                    partner.associate_member.id) or False
