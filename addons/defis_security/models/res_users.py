# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, http, models
from odoo.exceptions import AccessDenied, ValidationError

USER_TYPES = ("base.group_user", "base.group_portal", "base.group_public")


class ResUsers(models.Model):
    _inherit = "res.users"

    @classmethod
    def check(cls, db, uid, passwd):
        """RPC with a login and a password (XML-RPC, JSON-RPC ``/jsonrpc``):
        Odoo remembers the checked password in a cache of each worker process
        and answers from it; a user deactivated since then (by another worker,
        which only clears its own cache) kept access (CVE-2021-44460). The
        account must still be active on every call."""
        result = super().check(db, uid, passwd)
        with cls.pool.cursor() as cr:
            cr.execute("SELECT active FROM res_users WHERE id = %s", (uid,))
            row = cr.fetchone()
        if not (row and row[0]):
            raise AccessDenied()
        return result

    @api.constrains("groups_id")
    def _check_defis_one_user_type(self):
        """A user is internal, portal or public, never two of them: the portal
        access wizard, open to anyone who may edit contacts, otherwise adds the
        portal group to an internal user (even the administrator) and mails a
        sign-up link to the address typed in it (CVE-2019-11782)."""
        types = [self.env.ref(xmlid) for xmlid in USER_TYPES]
        for user in self:
            held = [group.name for group in types if group in user.groups_id]
            if len(held) > 1:
                raise ValidationError(_(
                    "%(user)s cannot be at once %(types)s: a user is either internal, "
                    "portal or public.") % {"user": user.name, "types": ", ".join(held)})

    @api.model_cr_context
    def _auth_timeout_check(self):
        """auth_session_timeout takes a session whose file is not yet on disk
        for an expired one: every first page of an anonymous visitor was
        answered by the login page. Only a logged-in session times out."""
        if not (http.request and http.request.session.uid):
            return None
        return super()._auth_timeout_check()
