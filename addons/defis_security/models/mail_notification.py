# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, api, models


class MailNotification(models.Model):
    _inherit = "mail.notification"

    @api.model
    def create(self, vals):
        self._check_defis_message_readable(vals)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self._check_defis_message_readable(vals)
        return super().write(vals)

    @api.model
    def _check_defis_message_readable(self, vals):
        """A notification makes its message readable by the notified partner.
        Users may create notifications for themselves: they could notify
        themselves of any message and read conversations they are not part of
        (CVE-2019-11784). One may only be notified, by one's own hand, of a
        message one can already read."""
        if self.env.uid == SUPERUSER_ID or not vals.get("mail_message_id"):
            return
        message = self.env["mail.message"].browse(vals["mail_message_id"])
        message.check_access_rights("read")
        message.check_access_rule("read")
