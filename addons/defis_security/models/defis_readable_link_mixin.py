# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, api, models


class DefisReadableLinkMixin(models.AbstractModel):
    """Records that give access to what they point to (a membership to its
    channel, a notification to its message): created or pointed elsewhere only
    by someone who could already read the target."""
    _name = "defis.readable.link.mixin"
    _description = "Link granting access to its target"
    _defis_link_field = None

    @api.model
    def create(self, vals):
        self._check_defis_link_readable(vals)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self._check_defis_link_readable(vals)
        return super().write(vals)

    @api.model
    def _check_defis_link_readable(self, vals):
        target_id = vals.get(self._defis_link_field)
        if self.env.uid == SUPERUSER_ID or not target_id:
            return
        target = self.env[self._fields[self._defis_link_field].comodel_name].browse(target_id)
        target.check_access_rights("read")
        target.check_access_rule("read")
