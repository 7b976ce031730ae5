import json

from odoo.exceptions import AccessError, UserError

from .common import DefisCase, DefisHttpCase, create_structure


def label(env, model, field):
    """The label of ``field`` in French, as the export names it."""
    return env[model].with_context(lang="fr_FR").fields_get([field])[field]["string"]


def create_staff(env, login, group="defis_network.group_defis_user"):
    return env["res.users"].with_context(no_reset_password=True).create({
        "name": login.capitalize(), "login": login, "password": login + "-pw",
        "lang": "fr_FR", "groups_id": [(6, 0, [env.ref(group).id])]})


def create_person_with_history(env):
    """A household with a membership, a referral and a message of theirs."""
    structure = create_structure(env, "CCAS d'Hennebont")
    person = env["res.partner"].create({
        "name": "Foyer Jégou", "defis_is_household": True, "email": "jegou@example.org",
        "city": "Hennebont", "defis_household_size": 3})
    product = env["product.product"].create({
        "name": "Adhésion RGPD", "membership": True, "list_price": 10.0})
    env["membership.membership_line"].create({
        "partner": person.id, "membership_id": product.id, "date": "2025-01-01",
        "date_from": "2025-01-01", "date_to": "2025-12-31", "member_price": 10.0,
        "state": "paid"})
    referral = env["defis.referral"].create({
        "structure_id": structure.id, "person_id": person.id, "service": "equipment_purchase",
        "reason": "Besoin d'un ordinateur pour les démarches"})
    referral.message_post(body="Merci pour votre aide", author_id=person.id)
    return person, referral


class TestPersonalDataExport(DefisCase):
    """The right of access through the ORM, as the association's staff."""

    @classmethod
    def set_up_class_data(cls):  # pylint: disable=missing-return
        super().set_up_class_data()
        cls.person, cls.referral = create_person_with_history(cls.env)

    def test_button_gives_the_file_address(self):
        action = self.person.sudo(self.defis_user).action_defis_export_personal_data()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertEqual(action["url"], "/defis/personal-data/%d" % self.person.id)

    def test_file_holds_contact_memberships_referrals_messages(self):
        name, content = self.person.sudo(self.defis_user).with_context(
            lang="fr_FR")._defis_personal_data_file()
        self.assertEqual(name, "donnees-personnelles-%d.json" % self.person.id)
        data = json.loads(content.decode("utf-8"))["Données"]
        contact = data["Contact"][0]
        partner = "res.partner"
        self.assertEqual(contact[label(self.env, partner, "name")], "Foyer Jégou")
        self.assertEqual(contact[label(self.env, partner, "email")], "jegou@example.org")
        self.assertEqual(contact[label(self.env, partner, "defis_household_size")], 3)
        product = label(self.env, "membership.membership_line", "membership_id")
        self.assertEqual(data["Adhésions"][0][product], "Adhésion RGPD")
        referral = data["Orientations"][0]
        self.assertEqual(referral[label(self.env, "defis.referral", "name")], self.referral.name)
        self.assertIn("démarches", referral[label(self.env, "defis.referral", "reason")])
        body = label(self.env, "mail.message", "body")
        self.assertIn("Merci pour votre aide",
                      [message[body].strip() for message in data["Messages"]])

    def test_only_staff_export(self):
        with self.assertRaises(AccessError):
            self.person.sudo(self.internal_user).action_defis_export_personal_data()
        with self.assertRaises(AccessError):
            self.person.sudo(self.internal_user)._defis_personal_data_file()

    def test_erasure_is_for_managers(self):
        with self.assertRaisesRegex(UserError, "responsable"):
            self.person.sudo(self.defis_user).with_context(
                lang="fr_FR").action_defis_anonymize()
        self.person.sudo(self.defis_manager).action_defis_anonymize()
        self.assertTrue(self.person.defis_anonymized)
        self.assertFalse(self.referral.reason)
        _name, content = self.person.sudo(self.defis_user)._defis_personal_data_file()
        self.assertNotIn("Jégou", content.decode("utf-8"))


class TestPersonalDataHttp(DefisHttpCase):
    """The file downloaded from the contact form, through HTTP."""

    def setUp(self):
        super().setUp()
        self.person, _referral = create_person_with_history(self.env)
        create_staff(self.env, "accueil.rgpd")
        create_staff(self.env, "caisse.rgpd", "base.group_user")
        self.url = "/defis/personal-data/%d" % self.person.id

    def test_staff_downloads_the_file(self):
        self.authenticate("accueil.rgpd", "accueil.rgpd-pw")
        response = self.url_open(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response.headers["Content-Disposition"])
        self.assertIn("donnees-personnelles-%d.json" % self.person.id,
                      response.headers["Content-Disposition"])
        contact = response.json()["Données"]["Contact"][0]
        self.assertEqual(contact[label(self.env, "res.partner", "email")], "jegou@example.org")

    def test_other_users_are_refused(self):
        self.authenticate("caisse.rgpd", "caisse.rgpd-pw")
        response = self.url_open(self.url)
        self.assertEqual(response.status_code, 403)
        self.assertNotIn("jegou@example.org", response.text)

    def test_anonymous_visitors_are_sent_to_the_login(self):
        response = self.url_open(self.url)
        self.assertIn("/web/login", response.url)
        self.assertNotIn("jegou@example.org", response.text)
