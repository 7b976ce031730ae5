# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Odoo's /event pages serve the association's other events; a course run
is served, and registered to, through /formations only."""
import html
import re
from datetime import datetime, timedelta

from odoo import fields

from odoo.addons.defis_network.tests.common import DefisHttpCase
from odoo.addons.http_routing.models.ir_http import slug

from .common import create_upcoming_run, create_web_programme

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
EVENT_ROUTE = re.compile(r'^/event/<model\("event\.event"\):event>')
ROUTE_ARGUMENT = re.compile(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>")


class TestEventPages(DefisHttpCase):

    def setUp(self):
        super().setUp()
        self.run = create_upcoming_run(self.env, create_web_programme(
            self.env, "Numérique au quotidien (événements)"), seats=4, name="Premiers clics")
        start = datetime.utcnow().replace(microsecond=0) + timedelta(days=12)
        self.open_day = self.env["event.event"].create({
            "name": "Portes ouvertes de l'atelier",
            "date_begin": fields.Datetime.to_string(start),
            "date_end": fields.Datetime.to_string(start + timedelta(hours=3)),
            "website_published": True,
        })
        self.open_day.button_confirm()
        self.run_page = "/formations/%s" % slug(self.run)

    def registrations(self, event):
        return self.env["event.registration"].search([("event_id", "=", event.id)])

    def csrf_token(self):
        """A CSRF token of this visitor's session, from a page with a form."""
        return CSRF.search(self.url_open(self.run_page).text).group(1)

    def confirm_registration(self, event):
        """Post Odoo's attendee form of ``event``, as its page would."""
        return self.url_open("/event/%s/registration/confirm" % slug(event), data={
            "csrf_token": self.csrf_token(), "1-name": "Erwan Le Goff",
            "1-email": "erwan@exemple.fr", "1-phone": "0612345678", "1-ticket_id": "0",
        }, allow_redirects=False)

    def test_event_list_leaves_course_runs_out(self):
        page = html.unescape(self.url_open("/event").text)
        self.assertIn("Portes ouvertes de l'atelier", page)
        self.assertNotIn("Premiers clics", page)
        self.assertIn("<title>Événements | Défis</title>", page)

    def test_every_event_page_of_a_run_leads_to_its_page(self):
        """Each route of Odoo's event pages (of any module installed), GET
        and POST, answers a redirection to the run's page."""
        rules = {rule.rule: rule.methods for rule in self.env["ir.http"].routing_map().iter_rules()
                 if EVENT_ROUTE.match(rule.rule)}
        self.assertGreaterEqual(len(rules), 4)
        token = self.csrf_token()
        for rule, methods in sorted(rules.items()):
            url = ROUTE_ARGUMENT.sub(
                lambda m: slug(self.run) if m.group(2) == "event" else
                ("1" if m.group(1) == "int" else "x"), rule)
            for method, data in (("GET", None), ("POST", {"csrf_token": token, "1-name": "X"})):
                if methods and method not in methods:
                    continue  # refused by the routing (405)
                response = self.url_open(url, data=data, allow_redirects=False)
                self.assertIn(response.status_code, (301, 303), "%s %s" % (method, url))
                self.assertTrue(response.headers["Location"].endswith(self.run_page),
                                "%s %s -> %s" % (method, url, response.headers["Location"]))
        self.assertFalse(self.registrations(self.run))

    def test_old_registration_post_registers_no_one(self):
        response = self.confirm_registration(self.run)
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith(self.run_page))
        self.assertFalse(self.registrations(self.run))
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Erwan Le Goff")]))
        # Odoo's ticket form (JSON) gives no attendee form for a run
        response = self.url_open("/event/%s/registration/new" % slug(self.run),
                                 json={"params": {"nb_register-0": "2"}}, allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertNotIn("registration/confirm", response.text)

    def test_other_events_register_as_odoo_does(self):
        page = self.url_open("/event/%s/register" % slug(self.open_day))
        self.assertEqual(page.status_code, 200)
        self.assertIn("registration/new", page.text)
        response = self.confirm_registration(self.open_day)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.registrations(self.open_day).mapped("name"), ["Erwan Le Goff"])

    def test_links_and_sitemap_point_to_the_run_page(self):
        self.assertEqual(self.run.website_url, self.run_page)
        self.assertEqual(self.open_day.website_url, "/event/%s" % slug(self.open_day))
        sitemap = self.url_open("/sitemap.xml").text

        def pages(prefix, event):
            return re.findall(r"<loc>[^<]*%s/[^<]*-%d</loc>" % (prefix, event.id), sitemap)
        self.assertEqual(len(pages("/formations", self.run)), 1)
        self.assertEqual(len(pages("/event", self.open_day)), 1)
        self.assertFalse(pages("/event", self.run))
        self.assertFalse(pages("/formations", self.open_day))
        self.assertNotIn("/merci", sitemap)
