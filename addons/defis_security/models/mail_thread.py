# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _check_defis_mail_gateway(self):
        """Incoming e-mails are routed by the mail gateway (the fetchmail
        cron, ``/mail/receive``, ``odoo-mailgate``), running as the superuser
        or an administrator. The routing methods are public in Odoo 11: through
        RPC, any user could hand them routes naming another user (the
        superuser) and values of their choice, and create any record as that
        user (CVE-2018-15645)."""
        if self.env.uid != SUPERUSER_ID and not self.env.user._is_system():
            raise AccessError(_("Only the mail gateway may route incoming e-mails."))

    @api.model
    def message_route_process(self, message, message_dict, routes):
        self._check_defis_mail_gateway()
        return super().message_route_process(message, message_dict, routes)

    @api.model
    def message_process(self, model, message, custom_values=None, save_original=False,
                        strip_attachments=False, thread_id=None):
        self._check_defis_mail_gateway()
        return super().message_process(
            model, message, custom_values=custom_values, save_original=save_original,
            strip_attachments=strip_attachments, thread_id=thread_id)

    @api.multi
    def message_subscribe(self, partner_ids=None, channel_ids=None, subtype_ids=None,
                          force=True):
        """A portal user following a document they may read gets its public
        subtypes only, never internal notes (CVE-2021-44465)."""
        if subtype_ids and self.env.user.share:
            self.env["mail.followers"]._check_defis_public_subtypes(
                self.env["mail.message.subtype"].sudo().browse(subtype_ids))
        return super().message_subscribe(
            partner_ids=partner_ids, channel_ids=channel_ids, subtype_ids=subtype_ids,
            force=force)
