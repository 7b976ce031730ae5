# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.osv import expression


class ResUsers(models.Model):
    _inherit = "res.users"

    # logins name the accounts an intruder would try: only user administrators
    # read those of others (everyone reads their own, see SELF_READABLE_FIELDS)
    login = fields.Char(groups="base.group_erp_manager")

    # who sees which contacts (global record rule of res.partner) -------------
    @api.model
    def _defis_private_person_groups(self):
        """Groups whose work is with households and learners: they see every
        contact. The reuse and training add-ons add the till's and Odoo's
        event users."""
        return ["base.group_system", "base.group_partner_manager",
                "defis_network.group_defis_user"]

    @api.model
    def _defis_private_person_domain(self):
        """Contacts that are private persons: households here, learners in
        the training add-on. Companies and users are never private persons."""
        return [("defis_is_household", "=", True)]

    def _defis_own_persons_domain(self):
        """Private persons this user works with although they do not see all
        of them (a trainer: the learners of their course runs)."""
        return expression.FALSE_DOMAIN

    def _defis_partner_rule_domain(self):
        """Domain of the contacts this user may see: every contact for the
        groups above; for the others, every contact but the private persons
        outside their own work."""
        self.ensure_one()
        user = self.sudo(self.id)
        if any(user.has_group(group) for group in self._defis_private_person_groups()):
            return expression.TRUE_DOMAIN
        private = expression.AND([
            [("is_company", "=", False), ("user_ids", "=", False)],
            self._defis_private_person_domain()])
        return expression.OR([["!"] + expression.normalize_domain(private),
                              self._defis_own_persons_domain()])
