"""Accounts: a deactivated user loses RPC access (CVE-2021-44460); a user is of
one type only, so the portal wizard cannot hand an internal account to the
address typed in it (CVE-2019-11782)."""
from odoo.exceptions import ValidationError

from .common import SecurityHttpCase, user_password


class TestDeactivatedUser(SecurityHttpCase):

    def setUp(self):
        super().setUp()
        self.user = self.create_internal_user("benevole.parti")
        self.password = user_password(self.user.login)

    def deactivate_from_another_worker(self):
        """The deactivation as another worker process writes it: this process
        only learns that its caches are stale (registry signaling)."""
        self.cr.execute("UPDATE res_users SET active = false WHERE id = %s", (self.user.id,))
        self.registry.clear_caches()

    def search_partners_over_xmlrpc(self):
        return self.xmlrpc_execute(
            self.user.id, self.password, "res.partner", "search_count", [[]])

    def test_xmlrpc_with_password_refused_once_deactivated(self):
        count, fault = self.search_partners_over_xmlrpc()
        self.assertIsNone(fault)
        self.assertGreater(count, 0)
        self.deactivate_from_another_worker()
        count, fault = self.search_partners_over_xmlrpc()
        self.assertIsNone(count)
        self.assertIn("Access denied", fault)

    def test_session_refused_once_deactivated(self):
        self.login_as(self.user)
        self.assertEqual(self.call_kw("res.users", "read", [[self.user.id], ["login"]])[1],
                         None)
        self.deactivate_from_another_worker()
        result, error = self.call_kw("res.partner", "search_count", [[]])
        self.assertIsNone(result)
        self.assertEqual(error, "odoo.http.SessionExpiredException")


class TestOneUserType(SecurityHttpCase):

    def setUp(self):
        super().setUp()
        # an internal user allowed to edit contacts (as Défis volunteers are)
        self.attacker = self.create_internal_user(
            "benevole.contacts", ("base.group_user", "base.group_partner_manager"))
        self.victim = self.create_internal_user(
            "responsable.compta", ("base.group_user", "base.group_erp_manager"))
        self.login_as(self.attacker)

    def test_portal_wizard_cannot_take_an_internal_account(self):
        partner = self.victim.partner_id
        # the lines the form's onchange would propose, the address changed
        wizard_id, error = self.call_kw("portal.wizard", "create", [{"user_ids": [(0, 0, {
            "partner_id": partner.id, "email": "attaquant@exemple.net", "in_portal": True})]}])
        self.assertIsNone(error)
        _result, error = self.call_kw("portal.wizard", "action_apply", [[wizard_id]])
        self.assertEqual(error, "odoo.exceptions.ValidationError")
        self.assertNotIn(self.env.ref("base.group_portal"), self.victim.groups_id)
        self.assertEqual(partner.email, "responsable.compta@exemple.fr")
        self.assertFalse(partner.sudo().signup_token)

    def test_groups_internal_and_portal_are_exclusive(self):
        _result, error = self.call_kw("res.users", "write", [[self.victim.id], {
            "groups_id": [(4, self.env.ref("base.group_portal").id)]}])
        # refused by the access rights already (only administrators manage
        # users); as an administrator, by the constraint
        self.assertIsNotNone(error)
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.victim.write({"groups_id": [(4, self.env.ref("base.group_portal").id)]})
