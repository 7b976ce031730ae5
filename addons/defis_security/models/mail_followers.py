# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError


class MailFollowers(models.Model):
    _inherit = "mail.followers"

    @api.model
    def create(self, vals):
        follower = super().create(vals)
        follower._check_defis_follow_rights()
        return follower

    @api.multi
    def write(self, vals):
        result = super().write(vals)
        self._check_defis_follow_rights()
        return result

    def _check_defis_follow_rights(self):
        """Following a document sends its messages to the follower. Users may
        create their own follower records (Odoo's rule only checks that the
        partner is theirs), so anyone could follow any record and read what is
        posted on it (CVE-2019-11785, CVE-2021-44465). One follows a document
        one may read; one makes others or a channel follow a document one may
        write; a portal user follows public subtypes only."""
        if self.env.uid == SUPERUSER_ID:
            return
        own_partner = self.env.user.partner_id
        for follower in self:
            document = self.env[follower.res_model].browse(follower.res_id)
            mode = "read" if follower.partner_id == own_partner and not follower.channel_id \
                else "write"
            document.check_access_rights(mode)
            document.check_access_rule(mode)
            if self.env.user.share:
                self._check_defis_public_subtypes(follower.sudo().subtype_ids)

    @api.model
    def _check_defis_public_subtypes(self, subtypes):
        if subtypes.filtered("internal"):
            raise AccessError(_("A portal user cannot follow internal notes."))
