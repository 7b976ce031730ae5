# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class BaseLanguageInstall(models.TransientModel):
    _inherit = "base.language.install"

    @api.multi
    def lang_install(self):
        # reloads the terms of every module, overwriting them on request
        self.env["ir.translation"]._check_defis_interface_admin()
        return super().lang_install()
