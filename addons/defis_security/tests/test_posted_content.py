"""What visitors post is shown back as text (CVE-2021-44775, CVE-2021-26947:
their texts name no route; these are the public and portal forms of the
suite, where anyone can post): the pages and the e-mail escape it."""
import re

from odoo.addons.defis_network.tests.common import guarded_form
from odoo.addons.http_routing.models.ir_http import slug
from odoo.addons.defis_training.tests.common import create_upcoming_run, create_web_programme

from .common import CSRF, SecurityHttpCase

MARKUP = '<img src="x" onerror="window.defisXss=1">'
RAW_MARKUP = re.compile(r"<img[^>]*onerror", re.IGNORECASE)


class TestPostedContent(SecurityHttpCase):

    def setUp(self):
        super().setUp()
        programme = create_web_programme(self.env, "Numérique au quotidien (sécurité)")
        self.run = create_upcoming_run(self.env, programme, seats=4, name="Premiers pas")
        self.url = "/formations/%s" % slug(self.run)

    def register(self, **values):
        page = self.url_open(self.url)
        data = guarded_form(self.env, {
            "csrf_token": CSRF.search(page.text).group(1), "name": MARKUP,
            "phone": "06 12 34 56 78", "email": "visiteur@exemple.fr", "heard_from": MARKUP})
        data.update(values)
        return self.url_open(self.url + "/inscription", data=data)

    def test_form_shown_again_escapes_what_was_typed(self):
        response = self.register(phone="12")
        self.assertEqual(response.status_code, 200)
        self.assertFalse(RAW_MARKUP.search(response.text))

    def test_confirmation_page_and_mail_escape_the_name(self):
        mails = self.env["mail.mail"].search([])
        response = self.register()
        self.assertTrue(response.url.endswith(self.url + "/merci"), response.url)
        self.assertFalse(RAW_MARKUP.search(response.text))
        for mail in self.env["mail.mail"].search([]) - mails:
            self.assertFalse(RAW_MARKUP.search(mail.body_html or ""), mail.body_html)

    def test_referral_form_escapes_what_a_referent_typed(self):
        structure = self.env["res.partner"].create({
            "name": "CCAS de Lanester (sécurité)", "is_company": True,
            "defis_structure_type_id": self.env.ref("defis_network.structure_type_ccas").id,
            "defis_affiliation_date": "2018-06-01"})
        self.login_as(self.create_portal_user("referente.securite", parent=structure))
        page = self.url_open("/my/referrals/new")
        response = self.url_open("/my/referrals/new", data={
            "csrf_token": CSRF.search(page.text).group(1), "name": MARKUP, "phone": "12",
            "service": "training", "reason": MARKUP})
        self.assertEqual(response.status_code, 200)
        self.assertFalse(RAW_MARKUP.search(response.text))
