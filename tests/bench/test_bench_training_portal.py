"""Throughput of the public course-run page (/formations/<run>) against Odoo's
stock event pages, served by the Odoo of the test run: N anonymous GETs each,
one after the other, HTML only (no assets), after a warm-up request.

1. The run page against the stock list of events (/event).
2. The run page against the stock page of the same event (/event/<run>/register).

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
            self.programme_id, self.run_id, self.slug = programme.id, run.id, slug(run)
            cr.commit()  # pylint: disable=invalid-commit
        self.addCleanup(self.delete_committed_data)

    def delete_committed_data(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            registrations = env["event.registration"].search([("event_id", "=", self.run_id)])
            learners = registrations.mapped("partner_id")
            registrations.unlink()
            learners.unlink()
            env["event.event"].browse(self.run_id).unlink()
            env["defis.training.programme"].browse(self.programme_id).unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def test_run_page_vs_event_list(self):
        self.compare("portal: course-run page vs stock /event (%d GETs)" % REQUESTS,
                     self.getter("/formations/%s" % self.slug, "o_defis_registration_form"),
                     self.getter("/event", "id=\"wrap\""), REQUESTS)

    def test_run_page_vs_event_page(self):
        self.compare("portal: course-run page vs stock event page (%d GETs)" % REQUESTS,
                     self.getter("/formations/%s" % self.slug, "o_defis_registration_form"),
                     self.getter("/event/%s/register" % self.slug, "Banc d"),
                     REQUESTS)
