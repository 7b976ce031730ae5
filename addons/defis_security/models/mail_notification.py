# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from .readable_link import check_target_readable


class MailNotification(models.Model):
    """A notification makes its message readable by the notified partner.
    Users may create notifications for themselves: they could notify themselves
    of any message and read conversations they are not part of (CVE-2019-11784).
    One is notified, by one's own hand, only of a message one can already
    read."""
    _inherit = "mail.notification"

    @api.model
    def create(self, vals):
        check_target_readable(self, vals, "mail_message_id")
        return super().create(vals)

    @api.multi
    def write(self, vals):
        check_target_readable(self, vals, "mail_message_id")
        return super().write(vals)
