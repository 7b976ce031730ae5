# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A structure's referents and the referrals it made."""
from odoo import fields, models


# contacts are extended in one file per concern, on purpose
class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    defis_referent_ids = fields.One2many(
        "defis.referent", "structure_id", string="Referents (history)")
    defis_current_referent_ids = fields.Many2many(
        "res.partner", string="Current referents",
        compute="_compute_defis_referents")
    defis_missing_referent_count = fields.Integer(
        string="Missing referents", compute="_compute_defis_referents")
    defis_referral_ids = fields.One2many(
        "defis.referral", "structure_id", string="Referrals made")
    defis_referral_count = fields.Integer(
        string="Referrals", compute="_compute_defis_referral_counts")
    defis_referral_done_count = fields.Integer(
        string="Referrals that led to something", compute="_compute_defis_referral_counts")

    def _compute_defis_referents(self):
        referents = self.env["defis.referent"].search([
            ("structure_id", "in", self.ids), ("date_end", "=", False)])
        by_structure = {}
        for referent in referents:
            by_structure.setdefault(referent.structure_id.id, self.browse())
            by_structure[referent.structure_id.id] |= referent.partner_id
        required = self.env["defis.referent"].REFERENTS_PER_STRUCTURE
        for partner in self:
            current = by_structure.get(partner.id, self.browse())
            partner.defis_current_referent_ids = current
            partner.defis_missing_referent_count = (
                max(required - len(current), 0) if partner.defis_is_structure else 0)

    def _compute_defis_referral_counts(self):
        referrals = self.env["defis.referral"]
        total = referrals._count_by_structure(self.ids)
        done = referrals._count_by_structure(self.ids, [("state", "=", "done")])
        for partner in self:
            partner.defis_referral_count = total.get(partner.id, 0)
            partner.defis_referral_done_count = done.get(partner.id, 0)
