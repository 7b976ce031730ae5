# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""30 people register at the same moment for the last 5 seats of a course run,
through the running Odoo server (real transactions, not the test cursor)."""
import re
import logging
import threading
import time

import requests

from odoo import SUPERUSER_ID, api
from odoo.tests.common import TransactionCase
from odoo.tools import config

from odoo.addons.defis_network.tests.common import guarded_form
from odoo.addons.http_routing.models.ir_http import slug

from .common import create_upcoming_run, create_web_programme

_logger = logging.getLogger(__name__)
CLIENTS = 30
SEATS = 5
NAME = "Concurrence %02d"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


class TestSeatsConcurrency(TransactionCase):

    def setUp(self):
        super().setUp()
        self.base_url = "http://127.0.0.1:%d" % config["http_port"]
        # committed in a cursor of its own, so that the server's requests see it
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            programme = create_web_programme(env, "Programme de test (concurrence)")
            run = create_upcoming_run(env, programme, seats=SEATS, name="Test concurrence")
            self.programme_id, self.run_id, self.url = programme.id, run.id, slug(run)
            # each client posts a form shown a minute ago (no waiting in the test)
            self.guard = guarded_form(env, {})
            cr.commit()  # pylint: disable=invalid-commit
        self.addCleanup(self.delete_committed_data)

    def delete_committed_data(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["event.registration"].search([("event_id", "=", self.run_id)]).unlink()
            self.learners(env).unlink()
            env["event.event"].browse(self.run_id).unlink()
            env["defis.training.programme"].browse(self.programme_id).unlink()
            cr.commit()  # pylint: disable=invalid-commit

    @staticmethod
    def learners(env):
        return env["res.partner"].with_context(active_test=False).search(
            [("name", "=like", "Concurrence %")])

    def client(self):
        """A visitor with a session cookie and the form's CSRF token."""
        session = requests.Session()
        page = session.get("%s/formations/%s" % (self.base_url, self.url), timeout=300)
        page.raise_for_status()
        return session, CSRF.search(page.text).group(1)

    @staticmethod
    def outcome(text):
        for marker in ("o_defis_registration_done", "o_defis_full_refused"):
            if marker in text:
                return marker
        return "neither registered nor refused as full"

    def test_last_seats(self):
        start = threading.Barrier(CLIENTS, timeout=600)
        answers = [None] * CLIENTS
        steps = [""] * CLIENTS

        def register(number):
            began = time.time()
            try:
                session, token = self.client()
                steps[number] = "form in %.1fs" % (time.time() - began)
                start.wait()
                began = time.time()
                answer = session.post(
                    "%s/formations/%s/inscription" % (self.base_url, self.url), timeout=300,
                    data=dict(self.guard, csrf_token=token, name=NAME % number,
                              phone="06 12 00 00 %02d" % number))
                answers[number] = (answer.status_code, answer.text)
                steps[number] += ", answer %d in %.1fs: %s" % (
                    answer.status_code, time.time() - began, self.outcome(answer.text))
            except Exception as error:  # pylint: disable=broad-except
                # reported by the assertions below; the other clients go on
                start.abort()
                answers[number] = (0, repr(error))
                steps[number] += ", failed after %.1fs: %r" % (time.time() - began, error)

        threads = [threading.Thread(target=register, args=(n,)) for n in range(CLIENTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        report = "\n".join("client %02d: %s" % pair for pair in enumerate(steps))
        _logger.info("what each client got:\n%s", report)
        self.assertEqual([status for status, _text in answers], [200] * CLIENTS, report)
        done = [n for n, (_s, text) in enumerate(answers) if "o_defis_registration_done" in text]
        full = [n for n, (_s, text) in enumerate(answers) if "o_defis_full_refused" in text]
        self.assertEqual(len(done), SEATS, report)
        self.assertEqual(len(full), CLIENTS - SEATS, report)
        self.assertIn("Désolé, cette formation est complète", answers[full[0]][1])
        # nothing half-written: one learner per registration, none for the others
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            registrations = env["event.registration"].search([("event_id", "=", self.run_id)])
            self.assertEqual(sorted(registrations.mapped("name")),
                             sorted(NAME % n for n in done))
            self.assertEqual(set(registrations.mapped("state")), {"open"})
            self.assertEqual(self.learners(env), registrations.mapped("partner_id"))
            self.assertEqual(env["event.event"].browse(self.run_id).seats_available, 0)
