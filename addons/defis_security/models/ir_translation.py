# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.exceptions import AccessError


class IrTranslation(models.Model):
    _inherit = "ir.translation"

    @api.multi
    def check(self, mode):
        """The translations of the interface (terms of the code, selections,
        constraints) are shown to every user: any employee could change them,
        and a portal user could replace all of them through the import wizard
        (CVE-2019-11786). Only administrators change them; a record's own
        translations stay with those who may write the record."""
        if mode != "read" and self.filtered(lambda translation: translation.type != "model"):
            self._check_defis_interface_admin()
        return super().check(mode)

    @api.model
    def _check_defis_interface_admin(self):
        if not self.env.user._is_admin():
            raise AccessError(_("Only an administrator may change the translations of "
                                "the interface."))
