# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class DefisConsentMixin(models.AbstractModel):
    """The consent a person gave on a form of the website or the portal:
    the sentence they agreed to, word for word, and when."""

    _name = "defis.consent.mixin"
    _description = "Consent given on a form"

    defis_consent_text = fields.Text(
        string="Consent given", readonly=True, copy=False,
        help="The sentence of the form the person agreed to.")
    defis_consent_date = fields.Datetime(string="Consent date", readonly=True, copy=False)
