# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import _, api, models
from odoo.exceptions import ValidationError

MARKUP = re.compile(r"[<>]")


class MailChannel(models.Model):
    _inherit = "mail.channel"

    @api.constrains("name")
    def _check_defis_plain_name(self):
        """Odoo 11 writes channel names unescaped into the HTML of the
        channel's notifications ("joined #name", "invited … to #name") that
        every member's browser displays (CVE-2018-15638). A channel name is
        plain text: no markup characters."""
        for channel in self:
            if channel.name and MARKUP.search(channel.name):
                raise ValidationError(_(
                    "A channel name cannot contain the characters < or >."))
