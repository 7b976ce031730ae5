# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The association writes to its contacts in French."""
from odoo import api, models

DEFAULT_LANG = "fr_FR"


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _defis_french_by_default(self):
        """New contacts in French (Odoo's default language of contacts, an
        ``ir.default``, is the language the database was created in), when
        French is installed."""
        if self.env["res.lang"].search_count([("code", "=", DEFAULT_LANG)]):
            self.env["ir.default"].set("res.partner", "lang", DEFAULT_LANG)
        return True
