# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Records that give access to what they point to (a membership to its
channel, a notification to its message): created or pointed elsewhere only by
someone who could already read the target."""
from odoo import SUPERUSER_ID


def check_target_readable(records, vals, link_field):
    """Refuse ``vals`` pointing ``link_field`` of ``records`` (a model of such
    links) to a target the user cannot read."""
    target_id = vals.get(link_field)
    if records.env.uid == SUPERUSER_ID or not target_id:
        return
    target = records.env[records._fields[link_field].comodel_name].browse(target_id)
    target.check_access_rights("read")
    target.check_access_rule("read")
