# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models


class DefisReferral(models.Model):
    _inherit = "defis.referral"

    @api.model
    def _selection_result_models(self):
        return super()._selection_result_models() + [("pos.order", _("Sale at the till"))]
