# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.exceptions import UserError


class DefisReferral(models.Model):
    _inherit = "defis.referral"

    @api.model
    def _selection_result_models(self):
        return super()._selection_result_models() + [
            ("event.registration", _("Training registration"))]

    def action_defis_training_register(self):
        """Open the registration wizard for the person referred."""
        self.ensure_one()
        if self.service != "training" or self.state not in ("new", "accepted"):
            raise UserError(_("Only an open referral to a training can lead to a "
                              "registration."))
        person = self.person_id
        return {
            "type": "ir.actions.act_window",
            "name": _("Register on a course run"),
            "res_model": "defis.training.register.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_referral_id": self.id,
                "default_partner_id": person.id,
                "default_name": person.name,
                "default_phone": person.defis_phone_display or person.defis_mobile_display,
                "default_email": person.email,
                "default_structure_id": self.structure_id.id,
            },
        }
