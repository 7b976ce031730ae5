# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from odoo.addons.defis_network.tools import phone as phone_tools


class ResCompany(models.Model):
    """The association as its public pages present it."""

    _inherit = "res.company"

    def _defis_public_phone(self):
        """The phone as a visitor dials it (``02 97 00 00 00``) and as a
        ``tel:`` link wants it (E.164); empty strings without a phone."""
        self.ensure_one()
        if not self.phone:
            return {"display": "", "link": ""}
        try:
            link = phone_tools.to_e164(self.phone)
        except phone_tools.InvalidPhone:
            return {"display": self.phone, "link": ""}
        return {"display": phone_tools.to_display(link), "link": "tel:%s" % link}
