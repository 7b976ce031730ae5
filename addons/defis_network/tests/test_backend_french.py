# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the staff see first: Odoo's terms in French, the Défis menu first,
no guided tour for the demo's administrator, dates written as in French."""
from datetime import date

from odoo.tests.common import TransactionCase

from ..tools.dates import format_long_date
from .common import DefisCase, DefisHttpCase


class TestWebClientTerms(DefisHttpCase):

    def web_client_terms(self):
        """The translations the web client of a Défis user applies: module
        by module, "web" first, the others in alphabetical order."""
        user = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Camille Le Goff", "login": "camille.termes", "password": "camille-1",
            "lang": "fr_FR",
            "groups_id": [(6, 0, [self.env.ref("defis_network.group_defis_user").id])]})
        self.authenticate(user.login, "camille-1")
        response = self.url_open("/web/webclient/translations", json={
            "jsonrpc": "2.0", "method": "call", "params": {"lang": "fr_FR"}})
        modules = response.json()["result"]["modules"]
        terms = {}
        for name in ["web"] + sorted(set(modules) - {"web"}):
            terms.update((m["id"], m["string"]) for m in modules.get(name, {}).get("messages", []))
        return terms

    def test_odoo_terms_on_our_screens(self):
        terms = self.web_client_terms()
        self.assertEqual(terms["Active"], "Actif")
        self.assertEqual(terms["Create "], "Créer : ")
        self.assertEqual((terms["Grouped"], terms["Stacked"]), ("Groupé", "Empilé"))


class TestFirstScreens(DefisCase):

    def test_defis_is_the_first_app(self):
        menus = self.env["ir.ui.menu"].sudo(self.defis_user).load_menus(False)
        first = self.env["ir.ui.menu"].browse(menus["children"][0]["id"])
        self.assertEqual(first, self.env.ref("defis_network.menu_defis_root"))

    def test_tours_consumed(self):
        tours = self.env["web_tour.tour"]
        names = tours._defis_tour_names()
        self.assertTrue({"mail_tour", "point_of_sale_tour", "banner", "event"} <= names)
        tours._defis_consume_all_tours([self.defis_user.id])
        tours._defis_consume_all_tours([self.defis_user.id])  # once each
        consumed = tours.sudo(self.defis_user).get_consumed_tours()
        self.assertEqual(sorted(consumed), sorted(names))

    def test_demo_administrator(self):
        admin = self.env.ref("base.user_root")
        self.assertEqual(admin.name, "Administrateur")
        consumed = set(self.env["web_tour.tour"].sudo(admin).get_consumed_tours())
        self.assertTrue(self.env["web_tour.tour"]._defis_tour_names() <= consumed)


class TestLongDates(TransactionCase):

    def test_first_of_the_month_in_french(self):
        self.assertEqual(format_long_date(date(2027, 1, 1)), "vendredi 1er janvier 2027")
        self.assertEqual(format_long_date(date(2027, 1, 12)), "mardi 12 janvier 2027")
        self.assertEqual(format_long_date(date(2027, 1, 1), "en_US"), "Friday 1 January 2027")
