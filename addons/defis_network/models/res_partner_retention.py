# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Retention of personal data: households without activity are anonymised."""
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError


# contacts are extended in one file per concern, on purpose
class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    defis_anonymized = fields.Boolean(string="Anonymised", readonly=True, copy=False)

    def _defis_anonymized_values(self):
        self.ensure_one()
        return {
            "name": _("Anonymised household %s") % self.id,
            "email": False, "phone": False, "mobile": False,
            "street": False, "street2": False, "comment": False,
            "website": False, "function": False, "title": False, "ref": False,
            "image": False, "defis_consent_date": False, "defis_anonymized": True,
        }

    def action_defis_anonymize(self):
        """Erase what identifies the household; keep what the statistics use
        (town, postcode, household size, benefit, memberships, referrals)."""
        if not self.env.user.has_group("defis_network.group_defis_manager") \
                and not self.env.context.get("defis_retention_cron"):
            raise UserError(_("Only a Défis manager can anonymise a household."))
        for partner in self:
            if partner.user_ids or partner.defis_is_structure or partner.is_company:
                raise UserError(_(
                    "%s is a user or a structure, not a household: it cannot be "
                    "anonymised.") % partner.display_name)
            partner.sudo().write(partner._defis_anonymized_values())
            partner.sudo()._defis_erase_history()
        return True

    def _defis_erase_history(self):
        """Messages, tracked values and attachments may still name the person."""
        self.env["mail.message"].search([
            ("model", "=", "res.partner"), ("res_id", "in", self.ids)]).unlink()
        self.env["ir.attachment"].search([
            ("res_model", "=", "res.partner"), ("res_id", "in", self.ids)]).unlink()

    @api.model
    def _cron_defis_anonymize_inactive(self):
        """Anonymise households without activity for the retention period."""
        years = int(self.env["ir.config_parameter"].sudo().get_param(
            "defis_network.retention_years", 3))
        limit = fields.Date.to_string(
            fields.Date.from_string(fields.Date.context_today(self)) - relativedelta(years=years))
        households = self.sudo().with_context(active_test=False).search([
            ("defis_is_household", "=", True), ("defis_anonymized", "=", False),
            ("user_ids", "=", False),
            "|", ("defis_last_activity_date", "<", limit),
            "&", ("defis_last_activity_date", "=", False), ("create_date", "<", limit),
        ])
        households = households.filtered(lambda p: not p._defis_active_since(limit))
        households.with_context(defis_retention_cron=True).action_defis_anonymize()
        return households

    def _defis_active_since(self, date):
        """Activity the other add-ons record elsewhere (memberships here);
        they extend this hook with sales, loans and trainings."""
        self.ensure_one()
        return bool(self.env["membership.membership_line"].sudo().search_count([
            ("partner", "=", self.id), ("date_to", ">=", date)]))
