# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class BaseUpdateTranslations(models.TransientModel):
    _inherit = "base.update.translations"

    @api.multi
    def act_update(self):
        # reloads the terms of every module as the superuser
        self.env["ir.translation"]._check_defis_interface_admin()
        return super().act_update()
