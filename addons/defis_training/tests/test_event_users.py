# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""People outside the Défis groups use Odoo's events and the website as
Odoo lets them: the add-on's fields and pages do not lock them out."""
from odoo.addons.defis_network.tests.common import DefisHttpCase
from odoo.addons.http_routing.models.ir_http import slug

from .common import create_upcoming_run, create_web_programme


class TestEventUsersOutsideDefis(DefisHttpCase):

    def setUp(self):
        super().setUp()
        self.programme = create_web_programme(self.env, "Numérique au quotidien (visiteurs)")
        self.run = create_upcoming_run(self.env, self.programme, name="Premiers clics")

    def create_user(self, login, groups):
        return self.env["res.users"].with_context(no_reset_password=True).create({
            "name": login, "login": login, "password": login + "-pw", "lang": "fr_FR",
            "email": "%s@defis.example" % login,
            "groups_id": [(6, 0, [self.env.ref(group).id for group in groups])]})

    def test_event_user_creates_an_event(self):
        """An event manager who is not a Défis user (planned hours are
        computed from sittings they may not read)."""
        officer = self.create_user("agent.evenement", ["event.group_event_manager"])
        event = self.env["event.event"].sudo(officer).create({
            "name": "Forum des associations", "date_begin": "2030-05-02 08:00:00",
            "date_end": "2030-05-02 16:00:00"})
        self.assertEqual(event.defis_planned_hours, 0.0)
        event.sudo(officer).write({"name": "Forum des associations 2030"})
        # the hours attended are computed from attendance they may not read
        registration = self.env["event.registration"].sudo(officer).create({
            "event_id": event.id, "name": "Visiteur du forum"})
        self.assertEqual(registration.defis_hours_attended, 0.0)

    def test_internal_user_opens_the_public_pages(self):
        """A cashier, say, follows the main menu's « Formations » link."""
        self.create_user("caisse.visiteur", ["base.group_user", "point_of_sale.group_pos_user"])
        self.authenticate("caisse.visiteur", "caisse.visiteur-pw")
        listing = self.url_open("/formations")
        self.assertEqual(listing.status_code, 200)
        self.assertIn("Premiers clics", listing.text)
        page = self.url_open("/formations/%s" % slug(self.run))
        self.assertEqual(page.status_code, 200)
