"""/my/account: a GET with parameters changes nothing (CVE-2019-11781); the
real form's POST saves the account (it answered 403: the country's id came as
a string)."""
from .common import CSRF, SecurityHttpCase


class TestPortalAccount(SecurityHttpCase):

    def setUp(self):
        super().setUp()
        self.france = self.env.ref("base.fr")
        self.user = self.create_portal_user("foyer.compte")
        self.user.partner_id.write({
            "phone": "02 97 12 34 56", "street": "1 rue de la Paix", "city": "Lanester",
            "zip": "56600", "country_id": self.france.id})
        self.login_as(self.user)

    def form(self, **values):
        data = {
            "name": "Foyer Compte", "phone": "06 12 34 56 78",
            "email": "foyer.compte@exemple.fr", "street": "3 rue Jean Jaurès",
            "city": "Lorient", "zipcode": "56100", "country_id": str(self.france.id),
        }
        data.update(values)
        return data

    def test_get_with_parameters_changes_nothing(self):
        # the link an attacker sends: opened by the victim, it would give
        # the account the attacker's address (then a password reset)
        query = "&".join("%s=%s" % item for item in self.form(
            email="attaquant@exemple.net").items())
        response = self.url_open("/my/account?" + query)
        self.assertEqual(response.status_code, 200)
        partner = self.user.partner_id
        self.assertEqual(partner.email, "foyer.compte@exemple.fr")
        self.assertEqual(partner.city, "Lanester")
        self.assertEqual(partner.defis_phone_e164, "+33297123456")

    def test_post_of_the_form_saves_the_account(self):
        page = self.url_open("/my/account")
        self.assertEqual(page.status_code, 200)
        response = self.url_open("/my/account", data=self.form(
            csrf_token=CSRF.search(page.text).group(1)))
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.url.endswith("/my/home"), response.url)
        partner = self.user.partner_id
        self.assertEqual(partner.city, "Lorient")
        self.assertEqual(partner.street, "3 rue Jean Jaurès")
        self.assertEqual(partner.phone, "+33612345678")
        self.assertEqual(partner.country_id, self.france)

    def test_post_without_the_form_token_is_refused(self):
        response = self.url_open("/my/account", data=self.form(email="attaquant@exemple.net"))
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.user.partner_id.email, "foyer.compte@exemple.fr")
