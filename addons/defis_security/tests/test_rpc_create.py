"""What a portal user or an anonymous visitor may create through RPC
(CVE-2024-45681 names no model: the list below is audited, a new entry fails
this test), and the outgoing mails a portal user could write (closed)."""
from odoo.tests.common import TransactionCase

from .common import SecurityHttpCase

# every model a portal user may create records of through RPC, and why
PORTAL_CREATES = {
    "bus.presence": "their own presence in the chat",
    "defis.referral": "referrals of their own structure (record rule)",
    "ir.attachment": "attachments of their own messages",
    "ir.filters": "their own saved filters",
    "ir.ui.view.custom": "their own dashboard",
    "mail.channel.partner": "joining channels they may read (defis_security)",
    "mail.followers": "following documents they may read (defis_security)",
    "mail.message": "messages on documents they may read",
    "payment.token": "their own saved payment methods (record rule)",
    "res.users.log": "their own login dates",
    "decimal.precision.test": "test model of decimal_precision, no data",
    "web_editor.converter.test": "test model of web_editor, no data",
    "web_editor.converter.test.sub": "test model of web_editor, no data",
}
PUBLIC_CREATES = {
    "ir.filters", "ir.ui.view.custom", "res.users.log", "decimal.precision.test",
    "web_editor.converter.test", "web_editor.converter.test.sub",
}


def creatable(env):
    return {name for name, model in env.registry.items()
            if not model._abstract and not model._transient
            and env[name].check_access_rights("create", raise_exception=False)}


class TestCreateRights(TransactionCase):

    def test_portal_user_creates_listed_models_only(self):
        portal = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Portail", "login": "portail.droits",
            "groups_id": [(6, 0, [self.env.ref("base.group_portal").id])]})
        self.assertEqual(creatable(self.env(user=portal.id)), set(PORTAL_CREATES))

    def test_anonymous_visitor_creates_listed_models_only(self):
        public = self.env.ref("base.public_user")
        self.assertEqual(creatable(self.env(user=public.id)), PUBLIC_CREATES)


class TestOutgoingMail(SecurityHttpCase):

    def test_portal_user_cannot_write_an_outgoing_mail(self):
        self.login_as(self.create_portal_user("attaquant.courrier"))
        _result, error = self.call_kw("mail.mail", "create", [{
            "email_to": "victime@exemple.net", "subject": "Votre compte Défis",
            "body_html": "<p>Cliquez ici</p>"}])
        self.assertEqual(error, "odoo.exceptions.AccessError")
        self.assertFalse(self.env["mail.mail"].search([("email_to", "=", "victime@exemple.net")]))
