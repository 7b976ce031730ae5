# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.exceptions import AccessError

ACCOUNTING_GROUPS = ("account.group_account_manager", "account.group_account_user")


class AccountFrFec(models.TransientModel):
    _inherit = "account.fr.fec"

    @api.multi
    def generate_fec(self):
        """The FEC export reads every journal entry in SQL, around the access
        rights; the wizard, transient, is open to every user, portal included
        (CVE-2021-23176). Only accountants export it."""
        if not any(self.env.user.has_group(group) for group in ACCOUNTING_GROUPS):
            raise AccessError(_("Only an accountant may export the FEC."))
        return super().generate_fec()
