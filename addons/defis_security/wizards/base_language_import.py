# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class BaseLanguageImport(models.TransientModel):
    _inherit = "base.language.import"

    @api.multi
    def import_lang(self):
        # the file is loaded as the superuser (CVE-2019-11786)
        self.env["ir.translation"]._check_defis_interface_admin()
        return super().import_lang()
