import html
import re

from odoo.exceptions import AccessError, ValidationError

from .common import (DefisCase, DefisHttpCase, create_portal_user, create_referral,
                     create_structure, guarded_form)

# the token of a form, or the one every page gives its scripts
CSRF = re.compile(r'csrf_token(?:" value=|\s*[:=]\s*)"([^"]+)"')


def page_text(response):
    return html.unescape(response.text)


class TestPortalReferralHttp(DefisHttpCase):
    """The referral pages of the portal, through HTTP, as a referent sees them."""

    def setUp(self):
        super().setUp()
        self.structure = create_structure(self.env, "CCAS de Lanester")
        self.user = create_portal_user(
            self.env, "referente.ccas", "Anne Le Bihan", parent=self.structure)
        self.other_structure = create_structure(
            self.env, "CAF du Morbihan", "defis_network.structure_type_caf")
        self.other_referral = create_referral(
            self.env, self.other_structure, "Personne de la CAF")
        self.referrals = self.env["defis.referral"]
        self.authenticate("referente.ccas", "referente.ccas-pw")

    def form_data(self, page="/my/referrals/new", **values):
        page = self.url_open(page)
        self.assertEqual(page.status_code, 200)
        data = guarded_form(self.env, {
            "csrf_token": CSRF.search(page.text).group(1),
            "name": "Yann Guégan",
            "phone": "06 12 34 56 78",
            "email": "",
            "service": "equipment_loan",
            "reason": "Recherche d'emploi, pas d'ordinateur à la maison.",
        })
        data.update(values)
        return data

    def structure_referrals(self):
        return self.referrals.search([("structure_id", "=", self.structure.id)])

    def test_valid_form_creates_one_referral_for_the_structure(self):
        response = self.url_open("/my/referrals/new", data=self.form_data(
            structure_id=self.other_structure.id))
        self.assertEqual(response.status_code, 200)
        referral = self.structure_referrals()
        self.assertEqual(len(referral), 1)
        self.assertTrue(response.url.endswith("/my/referrals/%d/confirmation" % referral.id))
        self.assertIn(referral.name, page_text(response))
        self.assertIn("Yann Guégan", page_text(response))
        # created with the portal user's own rights, for their structure
        self.assertEqual(referral.create_uid, self.user)
        self.assertEqual(referral.referent_id, self.user.partner_id)
        self.assertEqual(referral.service, "equipment_loan")
        self.assertEqual(referral.state, "new")
        self.assertEqual(referral.person_id.phone, "+33612345678")
        self.assertEqual(referral.person_id.defis_referring_structure_id, self.structure)
        self.assertEqual(self.other_structure.defis_referral_count, 1)

    def test_consent_is_required_and_recorded(self):
        self.assertIn("Défis les conserve 3 ans", page_text(self.url_open("/my/referrals/new")))
        response = self.url_open("/my/referrals/new", data=self.form_data(consent=""))
        self.assertIn("Cochez la case pour accepter", page_text(response))
        self.assertFalse(self.structure_referrals())
        self.url_open("/my/referrals/new", data=self.form_data())
        referral = self.structure_referrals()
        self.assertIn("Défis les conserve 3 ans", referral.defis_consent_text)
        self.assertTrue(referral.defis_consent_date)

    def test_robots_are_refused(self):
        partners = self.env["res.partner"].search_count([])
        # the form was shown 60 s ago: too soon for this minimum
        self.env["ir.config_parameter"].set_param("defis_network.form_min_seconds", "600")
        for values, message in (({"homepage": "http://promo.example"}, "n'a pas pu être envoyé"),
                                ({"form_stamp": "1.forged"}, "n'a pas pu être envoyé"),
                                ({}, "envoyé trop vite")):
            response = self.url_open("/my/referrals/new", data=self.form_data(**values))
            self.assertEqual(response.status_code, 200)
            self.assertIn(message, page_text(response))
        self.assertFalse(self.structure_referrals())
        self.assertEqual(self.env["res.partner"].search_count([]), partners)

    def test_bad_phone_shows_the_form_again_and_stores_nothing(self):
        partners = self.env["res.partner"].search_count([])
        response = self.url_open("/my/referrals/new", data=self.form_data(
            phone="12 34", email="yann@exemple"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("Ce numéro de téléphone n'est pas valide", page_text(response))
        self.assertIn("Cette adresse e-mail n'est pas valide", page_text(response))
        # what was typed is kept
        self.assertIn('value="Yann Guégan"', page_text(response))
        self.assertIn('value="12 34"', page_text(response))
        self.assertIn("Recherche d'emploi", page_text(response))
        self.assertFalse(self.structure_referrals())
        self.assertEqual(self.env["res.partner"].search_count([]), partners)

    def assert_refused(self, message, **values):
        """The form posted with ``values`` is shown again with ``message``
        and nothing is stored."""
        partners = self.env["res.partner"].search_count([])
        response = self.url_open("/my/referrals/new", data=self.form_data(**values))
        self.assertEqual(response.status_code, 200)
        self.assertIn(message, page_text(response))
        self.assertFalse(self.structure_referrals())
        self.assertEqual(self.env["res.partner"].search_count([]), partners)

    def test_lengths_are_capped(self):
        self.assert_refused("Ce champ accepte 128 caractères au plus.", name="Y" * 129)
        self.assert_refused("Ce champ accepte 254 caractères au plus.",
                            email="y" * 250 + "@exemple.fr")
        self.assert_refused("Ce champ accepte 500 caractères au plus.", reason="r" * 501)

    def test_control_characters_are_refused(self):
        for field in ("name", "phone", "email", "reason"):
            self.assert_refused("caractères de contrôle", **{field: "Yann\x00Gu\x1bégan"})

    def account_data(self, **values):
        page = self.url_open("/my/account")
        self.assertEqual(page.status_code, 200)
        data = {
            "csrf_token": CSRF.search(page.text).group(1),
            "name": "Anne Le Bihan", "phone": "06 12 34 56 78", "email": "anne@exemple.fr",
            "street": "1 rue Jean Jaurès", "city": "Lanester", "zipcode": "56600",
            "country_id": str(self.env.ref("base.fr").id),
        }
        data.update(values)
        return data

    def test_my_account_phone_checked_and_stored_in_e164(self):
        response = self.url_open("/my/account", data=self.account_data(phone="12 34"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("Ce numéro de téléphone n'est pas valide", page_text(response))
        self.assertFalse(self.user.partner_id.phone)
        self.url_open("/my/account", data=self.account_data(phone="02 97 12 34 56"))
        self.assertEqual(self.user.partner_id.phone, "+33297123456")

    def test_missing_fields_are_named_in_french(self):
        response = self.url_open("/my/referrals/new", data=self.form_data(
            name="  ", service="", reason=""))
        self.assertIn("Saisissez le nom de la personne.", page_text(response))
        self.assertIn("Choisissez le service", page_text(response))
        self.assertIn("Dites en quelques mots", page_text(response))
        self.assertFalse(self.structure_referrals())

    def test_post_without_csrf_token_is_refused(self):
        data = self.form_data()
        del data["csrf_token"]
        response = self.url_open("/my/referrals/new", data=data)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self.structure_referrals())

    def test_list_and_home_show_the_structure_referrals_only(self):
        own = create_referral(self.env, self.structure, "Personne du CCAS")
        response = self.url_open("/my/referrals")
        self.assertEqual(response.status_code, 200)
        self.assertIn(own.name, page_text(response))
        self.assertIn("Personne du CCAS", page_text(response))
        self.assertNotIn(self.other_referral.name, page_text(response))
        self.assertNotIn("Personne de la CAF", page_text(response))
        home = self.url_open("/my/home")
        self.assertRegex(page_text(home),
                         r'<span class="badge">1</span>\s*<a href="/my/referrals">')

    def test_other_structure_referral_not_found(self):
        response = self.url_open(
            "/my/referrals/%d/confirmation" % self.other_referral.id)
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Personne de la CAF", page_text(response))

    def test_user_without_structure_is_refused(self):
        company = self.env["res.partner"].create({"name": "Boulangerie", "is_company": True})
        create_portal_user(self.env, "client", "Client", parent=company)
        self.authenticate("client", "client-pw")
        home = self.url_open("/my/home")
        self.assertEqual(home.status_code, 200)
        self.assertNotIn('href="/my/referrals"', page_text(home))
        for path in ("/my/referrals", "/my/referrals/new"):
            response = self.url_open(path)
            self.assertEqual(response.status_code, 403)
            self.assertIn("n'est pas rattaché à une structure du réseau", page_text(response))
        response = self.url_open("/my/referrals/new", data=self.form_data(page="/my/home"))
        self.assertEqual(response.status_code, 403)
        self.assertFalse(self.structure_referrals())

    def test_structure_that_left_the_network_is_refused(self):
        self.structure.defis_withdrawal_date = "2019-01-31"
        response = self.url_open("/my/referrals/new")
        self.assertEqual(response.status_code, 403)
        self.assertNotIn('href="/my/referrals"', page_text(self.url_open("/my/home")))


class TestPortalReferralAccess(DefisCase):
    """Record rules and access rights on referrals, without HTTP."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.structure = create_structure(cls.env, "CCAS de Lanester")
        cls.other_structure = create_structure(
            cls.env, "CAF du Morbihan", "defis_network.structure_type_caf")
        cls.portal_user = create_portal_user(
            cls.env, "referente.ccas", "Anne Le Bihan", parent=cls.structure)
        cls.own = create_referral(cls.env, cls.structure, "Personne du CCAS")
        cls.other = create_referral(cls.env, cls.other_structure, "Personne de la CAF")

    def test_portal_user_sees_own_structure_referrals_only(self):
        referrals = self.env["defis.referral"].sudo(self.portal_user)
        self.assertEqual(referrals.search([]), self.own)
        with self.assertRaises(AccessError):
            referrals.browse(self.other.id).read(["name"])

    def test_portal_user_cannot_create_for_another_structure(self):
        # refused by the record rule, or by a constraint that cannot read it
        with self.assertRaises((AccessError, ValidationError)):
            self.env["defis.referral"].sudo(self.portal_user).create({
                "structure_id": self.other_structure.id,
                "person_id": self.other.person_id.id,
                "service": "training",
            })

    def test_portal_user_cannot_create_a_handled_referral(self):
        referral = self.env["defis.referral"].sudo(self.portal_user).create({
            "structure_id": self.structure.id,
            "person_id": self.own.person_id.id,
            "service": "equipment_loan",
            "state": "done",
        })
        self.assertEqual(referral.state, "new")

    def test_portal_user_cannot_change_referrals(self):
        with self.assertRaises(AccessError):
            self.own.sudo(self.portal_user).write({"state": "done"})

    def test_internal_user_without_defis_group_cannot_read_referrals(self):
        referrals = self.env["defis.referral"].sudo(self.internal_user)
        with self.assertRaises(AccessError):
            referrals.search([])
        with self.assertRaises(AccessError):
            referrals.browse(self.own.id).read(["name"])
        self.assertTrue(self.env["defis.referral"].sudo(self.defis_user).search([]))
