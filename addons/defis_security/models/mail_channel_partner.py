# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, api, models


class MailChannelPartner(models.Model):
    _inherit = "mail.channel.partner"

    @api.model
    def create(self, vals):
        self._check_defis_channel_readable(vals)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self._check_defis_channel_readable(vals)
        return super().write(vals)

    @api.model
    def _check_defis_channel_readable(self, vals):
        """Users may create memberships (``mail.channel.partner``) freely: anyone
        could join a private channel uninvited and read it (CVE-2019-11783).
        A membership is added by someone who could read the channel before it:
        a member of a private channel, anyone for a public one, a member of the
        group for a group channel."""
        if self.env.uid == SUPERUSER_ID or not vals.get("channel_id"):
            return
        channel = self.env["mail.channel"].browse(vals["channel_id"])
        channel.check_access_rights("read")
        channel.check_access_rule("read")
