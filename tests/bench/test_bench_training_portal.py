"""Throughput of the public course-run page (/formations/<run>) against Odoo's
stock event pages, served by the Odoo of the test run: N anonymous GETs each,
one after the other, HTML only (no assets), after a warm-up request.

Odoo's pages no longer show course runs (/event lists the other events, and
a run's /event/<run>/... pages lead to /formations), so they show an ordinary
event of the same size: published, 12 seats, 6 registrations.

1. The run page against the stock list of events (/event), listing that event.
2. The run page against the stock page of that event (/event/<event>/register).

The pages are served by the server's own threads and cursors, as in
production: the course run is committed by a separate cursor before the
measures and deleted afterwards. (HttpCase's test cursor would serialise the
requests on one shared cursor and measure that lock as well.) The GETs write
nothing, so the harness' savepoint around each timed run has nothing to undo.
"""
from odoo import SUPERUSER_ID, api

from odoo.addons.defis_training.tests.common import create_upcoming_run, create_web_programme
from odoo.addons.http_routing.models.ir_http import slug

from .harness import PageBenchCase

REQUESTS = 20


class TestBenchTrainingPortal(PageBenchCase):

    repeat = 3
    requests_per_run = REQUESTS

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            programme = create_web_programme(env, "Programme du banc d'essai")
            run = create_upcoming_run(env, programme, seats=12, name="Banc d'essai", sittings=5)
            for number in range(6):
                run._defis_register({"name": "Banc %d" % number,
                                     "phone": "06 12 00 01 %02d" % number})
            event = self.create_ordinary_event(env, run)
            self.programme_id, self.run_id, self.slug = programme.id, run.id, slug(run)
            self.event_id, self.event_slug = event.id, slug(event)
            cr.commit()  # pylint: disable=invalid-commit
        self.addCleanup(self.delete_committed_data)

    @staticmethod
    def create_ordinary_event(env, run):
        """A published event that is not a course run, of the run's size."""
        event = env["event.event"].create({
            "name": "Portes ouvertes du banc d'essai",
            "date_begin": run.date_begin, "date_end": run.date_end, "date_tz": run.date_tz,
            "seats_availability": "limited", "seats_max": 12, "website_published": True,
        })
        event.button_confirm()
        for number in range(6):
            env["event.registration"].create({
                "event_id": event.id, "name": "Visite %d" % number,
                "phone": "06 12 00 02 %02d" % number})
        return event

    def delete_committed_data(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            events = env["event.event"].browse([self.run_id, self.event_id])
            registrations = env["event.registration"].search([("event_id", "in", events.ids)])
            learners = registrations.mapped("partner_id")
            registrations.unlink()
            learners.unlink()
            events.unlink()
            env["defis.training.programme"].browse(self.programme_id).unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def test_run_page_vs_event_list(self):
        self.compare("portal: course-run page vs stock /event (%d GETs)" % REQUESTS,
                     self.getter("/formations/%s" % self.slug, "o_defis_registration_form"),
                     self.getter("/event", "Portes ouvertes du banc"), REQUESTS)

    def test_run_page_vs_event_page(self):
        self.compare("portal: course-run page vs stock event page (%d GETs)" % REQUESTS,
                     self.getter("/formations/%s" % self.slug, "o_defis_registration_form"),
                     self.getter("/event/%s/register" % self.event_slug, "Portes ouvertes du banc"),
                     REQUESTS)
