# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class PosSession(models.Model):
    _inherit = "pos.session"

    @api.multi
    def action_pos_session_closing_control(self):
        """Odoo's closing answers nothing, which XML-RPC cannot carry."""
        result = super().action_pos_session_closing_control()
        return True if result is None else result

    # the till's payment methods: the company's cash journals (the demo
    # database and the tests use it) -------------------------------------------
    @api.model
    def _defis_demo_setup_till(self, config):
        journals = self.env["account.journal"].search(
            [("type", "=", "cash"), ("company_id", "=", config.company_id.id)])
        journals.write({"journal_user": True})
        config.write({"journal_ids": [(6, 0, journals.ids)]})
