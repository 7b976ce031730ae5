# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from .readable_link import check_target_readable


class MailChannelPartner(models.Model):
    """Users may create memberships (``mail.channel.partner``) freely: anyone
    could join a private channel uninvited and read it (CVE-2019-11783). A
    membership is added by someone who could read the channel before it: a
    member of a private channel, anyone for a public one, a member of the group
    for a group channel."""
    _inherit = "mail.channel.partner"

    @api.model
    def create(self, vals):
        check_target_readable(self, vals, "channel_id")
        return super().create(vals)

    @api.multi
    def write(self, vals):
        check_target_readable(self, vals, "channel_id")
        return super().write(vals)
