# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Visitors arriving together at a server whose asset bundles are not
generated yet (a fresh database, or bundles changed by an update): each
bundle is compiled once, the others wait for it, then every page is served.
Through the running Odoo server, on committed data."""
import logging
import os
import threading
import time

import requests

from odoo import SUPERUSER_ID, api
from odoo.tests.common import TransactionCase
from odoo.tools import config

_logger = logging.getLogger(__name__)
CLIENTS = 20
BUNDLE_FILES = "/web/content/%assets%"


class TestAssetsColdStart(TransactionCase):

    def forget_bundles(self):
        """The state of a database that never served a page."""
        with self.registry.cursor() as cr:
            cr.execute("DELETE FROM ir_attachment WHERE url LIKE %s", [BUNDLE_FILES])
            cr.commit()  # pylint: disable=invalid-commit
        self.env["ir.qweb"].clear_caches()

    def bundle_files(self):
        with self.registry.cursor() as cr:
            cr.execute("SELECT datas_fname, count(*) FROM ir_attachment WHERE url LIKE %s"
                       " GROUP BY datas_fname", [BUNDLE_FILES])
            return dict(cr.fetchall())

    def test_bundles_compiled_once_for_visitors_arriving_together(self):
        # made by the set-up: Odoo 11 makes it on the first request, and the
        # first visitors arriving together raced to make it (HTTP 500)
        self.assertTrue(os.path.isdir(os.path.join(config["data_dir"], "sessions")))
        self.forget_bundles()
        url = "http://127.0.0.1:%d/web/login" % config["http_port"]
        start = threading.Barrier(CLIENTS, timeout=60)
        answers = [None] * CLIENTS

        def visit(number):
            began = time.time()
            try:
                start.wait()
                began = time.time()
                page = requests.get(url, timeout=600)
                answers[number] = (page.status_code, round(time.time() - began, 1),
                                   page.text.count("/web/content/"))
            except Exception as error:  # pylint: disable=broad-except
                answers[number] = (0, round(time.time() - began, 1), repr(error))

        threads = [threading.Thread(target=visit, args=(n,)) for n in range(CLIENTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        report = "\n".join("client %02d: status %s after %ss, %s" % ((n,) + answer)
                           for n, answer in enumerate(answers))
        _logger.info("what each client got:\n%s", report)
        self.assertEqual([answer[0] for answer in answers], [200] * CLIENTS, report)
        files = self.bundle_files()
        self.assertTrue(files, "no bundle was generated")
        self.assertEqual(files, dict.fromkeys(files, 1),
                         "each bundle file must be generated once:\n%s" % report)
        # every page links the committed files
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            for link in ("web.assets_common", "web.assets_frontend"):
                attachment = env["ir.attachment"].search(
                    [("url", "=like", "/web/content/%%/%s%%.js" % link)])
                self.assertEqual(len(attachment), 1, link)
                stylesheet = requests.get(
                    "http://127.0.0.1:%d%s" % (config["http_port"], attachment.url), timeout=60)
                self.assertEqual(stylesheet.status_code, 200, attachment.url)
