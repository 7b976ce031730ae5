# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import html
import re
import time

import requests

from odoo import fields
from odoo.tools import config

from odoo.addons.defis_network.tests.common import (
    DefisHttpCase, create_structure, guarded_form)
from odoo.addons.http_routing.models.ir_http import slug

from .common import create_upcoming_run, create_web_programme

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


class TestTrainingPortalHttp(DefisHttpCase):
    """The public pages through HTTP, as an anonymous visitor sees them."""

    def setUp(self):
        super().setUp()
        self.programme = create_web_programme(self.env, "Numérique au quotidien (HTTP)")
        self.course = create_upcoming_run(self.env, self.programme, seats=4, name="Premiers pas")
        self.hidden = create_upcoming_run(self.env, self.programme, name="Session interne",
                                          published=False)
        hidden_programme = create_web_programme(self.env, "Programme caché")
        hidden_programme.website_published = False
        self.hidden_programme_run = create_upcoming_run(
            self.env, hidden_programme, name="Hors catalogue")
        self.structure = create_structure(self.env, "CCAS de Lanester (HTTP)")
        self.url = "/formations/%s" % slug(self.course)

    def form_data(self, **values):
        page = self.url_open(self.url)
        self.assertEqual(page.status_code, 200)
        data = guarded_form(self.env, {"csrf_token": CSRF.search(page.text).group(1),
                                       "name": "Yann Guégan", "phone": "06 12 34 56 78"})
        data.update(values)
        return data

    def registrations(self):
        return self.env["event.registration"].search([("event_id", "=", self.course.id)])

    def test_only_published_runs(self):
        text = html.unescape(self.url_open("/formations").text)
        self.assertIn("Premiers pas", text)
        self.assertIn("4 places restantes", text)
        self.assertNotIn("Session interne", text)
        self.assertNotIn("Hors catalogue", text)
        # Odoo's URL converter refuses an unpublished run (403), the page a
        # run of an unpublished programme (404)
        for run, status in ((self.hidden, 403), (self.hidden_programme_run, 404)):
            response = self.url_open("/formations/%s" % slug(run))
            self.assertEqual(response.status_code, status)
            self.assertNotIn(run.name, html.unescape(response.text))

    def test_csrf_token_required(self):
        data = self.form_data()
        del data["csrf_token"]
        response = self.url_open(self.url + "/inscription", data=data)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self.registrations())

    def test_unknown_structure_refused(self):
        partner = self.env["res.partner"].create({"name": "Pas une structure"})
        response = self.url_open(self.url + "/inscription", data=self.form_data(
            structure_id=str(partner.id)))
        self.assertIn('data-field="structure_id"', response.text)
        self.assertIn("Yann Guégan", html.unescape(response.text))
        self.assertFalse(self.registrations())

    def test_register_with_every_field(self):
        mails = self.env["mail.mail"].search([])
        response = self.url_open(self.url + "/inscription", data=self.form_data(
            email="yann@exemple.fr", structure_id=str(self.structure.id),
            heard_from="Une affiche à la mairie"))
        self.assertTrue(response.url.endswith(self.url + "/merci"))
        self.assertIn("votre inscription est confirmée", html.unescape(response.text))
        registration = self.registrations()
        self.assertEqual(len(registration), 1)
        self.assertEqual((registration.defis_source, registration.defis_structure_id,
                          registration.defis_heard_from, registration.email),
                         ("portal", self.structure, "Une affiche à la mairie",
                          "yann@exemple.fr"))
        self.assertEqual((self.env["mail.mail"].search([]) - mails).email_to, "yann@exemple.fr")
        # another visitor is not shown the confirmation
        self.cr.commit()  # pylint: disable=invalid-commit
        self.cr.release()
        try:
            other = requests.get(response.url, timeout=30)
        finally:
            self.cr.acquire()
        self.assertNotIn("Yann", other.text)
        self.assertTrue(other.url.endswith("/formations"))

    def test_list_queries_do_not_grow_with_the_runs(self):
        def queries_of_list():
            before = self.cr.sql_log_count
            self.assertEqual(self.url_open("/formations").status_code, 200)
            return self.cr.sql_log_count - before
        queries_of_list()  # warm-up: templates compiled, caches filled
        few = queries_of_list()
        self.assertGreater(few, 5)  # the requests' queries are counted on this cursor
        for number in range(4):
            create_upcoming_run(self.env, self.programme, name="Atelier %d" % number,
                                days=20 + number, sittings=3)
        create_upcoming_run(self.env, create_web_programme(self.env, "Autre programme"))
        self.assertIn("Atelier 3", self.url_open("/formations").text)
        many = queries_of_list()
        self.assertLessEqual(many, few + 2)

    def test_structures_of_the_network_only(self):
        create_structure(self.env, "CCAS parti (HTTP)").defis_withdrawal_date = "2019-01-01"
        text = html.unescape(self.url_open(self.url).text)
        self.assertIn("CCAS de Lanester (HTTP)", text)
        self.assertNotIn("CCAS parti (HTTP)", text)

    def test_a_withdrawn_structure_posted_is_refused(self):
        # not offered by the list (above), and not taken if sent anyway
        withdrawn = create_structure(self.env, "CCAS parti (POST)")
        withdrawn.defis_withdrawal_date = "2019-01-01"
        self.assert_refused("Choisissez une structure du réseau dans la liste.",
                            structure_id=str(withdrawn.id))

    def assert_refused(self, message, **values):
        """The form posted with ``values`` is shown again with ``message``:
        no registration, no contact, no e-mail."""
        partners = self.env["res.partner"].search_count([])
        mails = self.env["mail.mail"].search_count([])
        response = self.url_open(self.url + "/inscription", data=self.form_data(**values))
        self.assertEqual(response.status_code, 200)
        self.assertIn(message, html.unescape(response.text))
        self.assertFalse(self.registrations())
        self.assertEqual(self.env["res.partner"].search_count([]), partners)
        self.assertEqual(self.env["mail.mail"].search_count([]), mails)

    def test_lengths_are_capped(self):
        self.assert_refused("Ce champ accepte 128 caractères au plus.", name="Y" * 129)
        self.assert_refused("Ce champ accepte 254 caractères au plus.",
                            email="y" * 250 + "@exemple.fr")
        self.assert_refused("Ce champ accepte 500 caractères au plus.", heard_from="h" * 501)

    def test_control_characters_are_refused(self):
        for field in ("name", "phone", "email", "heard_from"):
            self.assert_refused("caractères de contrôle", **{field: "Yann\x00Gu\x1bégan"})

    def test_confirmation_only_to_a_valid_address(self):
        self.assert_refused("Cette adresse e-mail n'est pas valide", email="yann@exemple")

    def test_bad_phone_keeps_the_values(self):
        response = self.url_open(self.url + "/inscription", data=self.form_data(
            phone="0612", structure_id=str(self.structure.id), heard_from="Le CCAS"))
        text = html.unescape(response.text)
        self.assertIn('data-field="phone"', text)
        self.assertIn("Ce numéro de téléphone n'est pas valide", text)
        self.assertIn('<option value="%d" selected="selected">CCAS de Lanester (HTTP)</option>'
                      % self.structure.id, text)
        self.assertIn('value="Le CCAS"', text)
        self.assertFalse(self.registrations())

    # robots and abuse: refused with a French message, nothing stored ------
    def test_hidden_field_filled_in_is_refused(self):
        self.assert_refused("n'a pas pu être envoyé", homepage="http://promo.example")

    def test_forged_or_missing_stamp_is_refused(self):
        moment = int(time.time()) - 60
        self.assert_refused("n'a pas pu être envoyé", form_stamp="%d.%s" % (moment, "0" * 64))
        self.assert_refused("n'a pas pu être envoyé", form_stamp="")

    def test_form_sent_too_fast_or_too_late_is_refused(self):
        Form = self.env["defis.portal.form"]
        # the minimum delay is a system parameter: the form was shown 60 s ago
        self.env["ir.config_parameter"].set_param("defis_network.form_min_seconds", "600")
        self.assert_refused("envoyé trop vite")
        self.assert_refused("il y a longtemps", form_stamp=Form.defis_stamp(
            time.time() - 25 * 3600))
        self.env["ir.config_parameter"].set_param("defis_network.form_min_seconds", "0")
        response = self.url_open(self.url + "/inscription", data=self.form_data(
            form_stamp=Form.defis_stamp()))
        self.assertTrue(response.url.endswith(self.url + "/merci"))

    def test_consent_is_required_and_recorded(self):
        page = html.unescape(self.url_open(self.url).text)
        self.assertIn("pendant 3 ans après votre dernière séance", page)
        self.assertIn('href="/confidentialite"', page)
        self.assert_refused("Cochez la case pour accepter", consent="")
        before = fields.Datetime.now()
        self.url_open(self.url + "/inscription", data=self.form_data())
        registration = self.registrations()
        self.assertIn("pendant 3 ans après votre dernière séance",
                      registration.defis_consent_text)
        self.assertGreaterEqual(registration.defis_consent_date, before)

    def test_registrations_per_browser_session_are_capped(self):
        self.env["ir.config_parameter"].set_param(
            "defis_training.portal_registrations_per_session", "2")
        for number in range(2):
            response = self.url_open(self.url + "/inscription", data=self.form_data(
                name="Personne %d" % number, phone="06 12 34 56 7%d" % number))
            self.assertTrue(response.url.endswith("/merci"), response.url)
        registered = self.registrations()
        response = self.url_open(self.url + "/inscription", data=self.form_data(
            name="Personne 3", phone="06 12 34 56 73"))
        self.assertIn("2 personnes ont déjà été inscrites à cette formation depuis ce "
                      "navigateur", html.unescape(response.text))
        self.assertEqual(self.registrations(), registered)
        # another browser registers
        self.cr.commit()  # pylint: disable=invalid-commit
        self.cr.release()
        try:
            other = requests.Session()
            page = other.get("http://127.0.0.1:%d%s" % (config["http_port"], self.url),
                             timeout=30)
            response = other.post(
                "http://127.0.0.1:%d%s/inscription" % (config["http_port"], self.url),
                data=guarded_form(self.env, {"csrf_token": CSRF.search(page.text).group(1),
                                             "name": "Personne 3", "phone": "0612345673"}),
                timeout=30)
        finally:
            self.cr.acquire()
        self.assertTrue(response.url.endswith("/merci"), response.url)

    def test_registrations_per_phone_are_capped(self):
        self.env["ir.config_parameter"].set_param(
            "defis_training.portal_registrations_per_session", "10")
        for name in ("Anne Le Bihan", "Yann Le Bihan"):
            self.url_open(self.url + "/inscription", data=self.form_data(name=name))
        self.assertEqual(len(self.registrations()), 2)
        response = self.url_open(self.url + "/inscription", data=self.form_data(
            name="Nolwenn Le Bihan", phone="+33 6 12 34 56 78"))
        self.assertIn("2 personnes sont déjà inscrites à cette formation avec ce numéro",
                      html.unescape(response.text))
        self.assertEqual(len(self.registrations()), 2)
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Nolwenn Le Bihan")]))
