# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The association writes to its contacts in French."""
from odoo import api, fields, models

DEFAULT_LANG = "fr_FR"


class ResPartner(models.Model):
    _inherit = "res.partner"

    lang = fields.Selection(default=lambda self: self._defis_default_lang())

    @api.model
    def _defis_default_lang(self):
        """French when it is installed; the language of the context otherwise."""
        if self.env["res.lang"].sudo().search_count([("code", "=", DEFAULT_LANG)]):
            return DEFAULT_LANG
        return self.env.lang
