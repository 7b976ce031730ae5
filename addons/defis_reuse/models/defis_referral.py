# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models


class DefisReferral(models.Model):
    _inherit = "defis.referral"

    @api.model
    def _selection_result_models(self):
        return super()._selection_result_models() + [
            ("pos.order", _("Sale at the till")),
            ("defis.loan", _("Loan")),
        ]

    def action_defis_create_loan(self):
        """Open a new loan for the person referred; starting it marks the
        referral done."""
        self.ensure_one()
        self._check_state(("new", "accepted"), _("turned into a loan"))
        return {
            "type": "ir.actions.act_window",
            "res_model": "defis.loan",
            "view_mode": "form",
            "target": "current",
            "context": {"default_partner_id": self.person_id.id,
                        "default_referral_id": self.id},
        }
