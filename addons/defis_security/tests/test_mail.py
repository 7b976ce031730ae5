"""Discuss and the chatter through RPC, as a portal or an internal user would
call them: routing (CVE-2018-15645), memberships (CVE-2019-11783),
notifications (CVE-2019-11784), followers (CVE-2019-11785, CVE-2021-44465),
channel names (CVE-2018-15638), invitations (CVE-2018-15635), templates and
the composer (CVE-2018-14862)."""
from odoo.addons.defis_network.tests.common import create_referral, create_structure

from .common import SecurityHttpCase

MARKUP_NAME = '<img src="x" onerror="window.defisXss=1">'


class MailCase(SecurityHttpCase):

    def setUp(self):
        super().setUp()
        self.admin = self.env.ref("base.user_root")
        self.colleague = self.create_internal_user("collegue.discussion")
        self.private_channel = self.env["mail.channel"].create({
            "name": "Bureau", "public": "private",
            "channel_partner_ids": [(4, self.colleague.partner_id.id)]})
        self.secret = self.private_channel.message_post(
            body="Ordre du jour confidentiel", message_type="comment",
            subtype="mail.mt_comment")


class TestMailRouting(MailCase):

    def test_portal_user_cannot_route_a_message_as_the_superuser(self):
        self.login_as(self.create_portal_user("attaquant.routage"))
        message = {"message_id": "<routage@exemple.net>", "subject": "Routage",
                   "body": "<p>Bonjour</p>", "email_from": "attaquant@exemple.net",
                   "message_type": "email"}
        route = ["res.partner", False, {"name": "Créé par le routage", "comment": "x"},
                 self.admin.id, False]
        _result, error = self.call_kw("res.partner", "message_route_process",
                                      ["", message, [route]])
        self.assertEqual(error, "odoo.exceptions.AccessError")
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Créé par le routage")]))


class TestChannels(MailCase):

    def setUp(self):
        super().setUp()
        self.outsider = self.create_internal_user("curieux.discussion")
        self.login_as(self.outsider)

    def test_cannot_join_a_private_channel_uninvited(self):
        _result, error = self.call_kw("mail.channel.partner", "create", [{
            "channel_id": self.private_channel.id,
            "partner_id": self.outsider.partner_id.id}])
        self.assertEqual(error, "odoo.exceptions.AccessError")
        self.assertNotIn(self.outsider.partner_id, self.private_channel.channel_partner_ids)

    def test_can_join_a_public_channel(self):
        public = self.env["mail.channel"].create({"name": "Atelier", "public": "public"})
        _result, error = self.call_kw("mail.channel", "action_follow", [[public.id]])
        self.assertIsNone(error)
        self.assertIn(self.outsider.partner_id, public.channel_partner_ids)

    def test_member_invites_a_colleague(self):
        self.login_as(self.colleague)
        _result, error = self.call_kw("mail.channel", "channel_invite", [[self.private_channel.id]],
                                      {"partner_ids": [self.outsider.partner_id.id]})
        self.assertIsNone(error)
        self.assertIn(self.outsider.partner_id, self.private_channel.channel_partner_ids)

    def test_cannot_notify_oneself_of_a_private_message(self):
        _result, error = self.call_kw("mail.notification", "create", [{
            "mail_message_id": self.secret.id, "res_partner_id": self.outsider.partner_id.id}])
        self.assertEqual(error, "odoo.exceptions.AccessError")
        _result, error = self.call_kw("mail.message", "read", [[self.secret.id], ["body"]])
        self.assertEqual(error, "odoo.exceptions.AccessError")

    def test_channel_name_cannot_hold_markup(self):
        _result, error = self.call_kw("mail.channel", "channel_create", [MARKUP_NAME, "public"])
        self.assertEqual(error, "odoo.exceptions.ValidationError")
        self.assertFalse(self.env["mail.channel"].search([("name", "=", MARKUP_NAME)]))
        _result, error = self.call_kw("mail.channel", "channel_create",
                                      ["Café numérique", "public"])
        self.assertIsNone(error)


class TestFollowers(MailCase):

    def setUp(self):
        super().setUp()
        self.portal = self.create_portal_user("foyer.curieux")
        # a referral of a structure the portal user has nothing to do with
        self.referral = create_referral(
            self.env, create_structure(self.env, "CCAS d'Hennebont"), "Personne orientée")
        self.login_as(self.portal)

    def test_cannot_follow_a_record_one_cannot_read(self):
        _result, error = self.call_kw("mail.followers", "create", [{
            "res_model": "defis.referral", "res_id": self.referral.id,
            "partner_id": self.portal.partner_id.id}])
        self.assertEqual(error, "odoo.exceptions.AccessError")
        self.assertNotIn(self.portal.partner_id, self.referral.message_partner_ids)

    def test_portal_user_cannot_follow_internal_notes(self):
        own = self.portal.partner_id
        note = self.env.ref("mail.mt_note")
        _result, error = self.call_kw("res.partner", "message_subscribe", [[own.id]], {
            "partner_ids": [own.id], "subtype_ids": [note.id]})
        self.assertEqual(error, "odoo.exceptions.AccessError")
        followers = self.env["mail.followers"].search([
            ("res_model", "=", "res.partner"), ("res_id", "=", own.id),
            ("partner_id", "=", own.id)])
        self.assertNotIn(note, followers.mapped("subtype_ids"))


class TestInvitationAndTemplates(MailCase):

    def setUp(self):
        super().setUp()
        self.user = self.create_internal_user(
            "benevole.courrier", ("base.group_user", "base.group_partner_manager"))
        self.document = self.env["res.partner"].create({"name": MARKUP_NAME})
        self.login_as(self.user)

    def test_invitation_escapes_the_document_name(self):
        result, error = self.call_kw("mail.wizard.invite", "default_get", [
                                     ["res_model", "res_id", "message"]], {
            "context": {"default_res_model": "res.partner",
                        "default_res_id": self.document.id}})
        self.assertIsNone(error)
        self.assertNotIn("<img", result["message"])
        self.assertIn("&lt;img", result["message"])

    def test_internal_user_cannot_write_templates(self):
        _result, error = self.call_kw("mail.template", "create", [{
            "name": "Modèle", "model_id": self.env.ref("base.model_res_partner").id,
            "body_html": "<p>${object.name}</p>"}])
        self.assertEqual(error, "odoo.exceptions.AccessError")

    def composer(self, body, template=None):
        wizard_id, error = self.call_kw("mail.compose.message", "create", [{
            "composition_mode": "mass_mail", "model": "res.partner",
            "res_id": self.document.id, "subject": "Information", "body": body,
            "template_id": template.id if template else False}], {"context": {
                "active_model": "res.partner", "active_ids": [self.document.id]}})
        self.assertIsNone(error, getattr(self, "last_error", None))
        return self.call_kw("mail.compose.message", "render_message",
                            [[wizard_id], [self.document.id]])

    def test_composer_refuses_placeholders_typed_by_a_user(self):
        _result, error = self.composer("<p>Bonjour ${object.name}</p>")
        self.assertEqual(error, "odoo.exceptions.AccessError")

    def test_composer_renders_a_stored_template_and_plain_text(self):
        template = self.env["mail.template"].create({
            "name": "Modèle", "model_id": self.env.ref("base.model_res_partner").id,
            "subject": "Information", "body_html": "<p>Bonjour ${object.id}</p>"})
        result, error = self.composer(template.body_html, template)
        self.assertIsNone(error)
        self.assertIn("Bonjour %d" % self.document.id, result[str(self.document.id)]["body"])
        _result, error = self.composer("<p>Bonjour à tous</p>")
        self.assertIsNone(error)
