"""An empty database named in a request is not initialised (CVE-2018-15632)."""
from contextlib import closing

import odoo
from odoo.service import db as db_service
from odoo.tools import config

from .common import SecurityHttpCase


def server_cursor():
    return closing(odoo.sql_db.db_connect("postgres").cursor())


class TestEmptyDatabase(SecurityHttpCase):

    def setUp(self):
        super().setUp()
        self.name = "%s_vide" % self.env.cr.dbname
        self.drop()
        # as a database left empty would be: created, never initialised
        db_service._create_empty_database(self.name)
        self.addCleanup(self.drop)
        # a filter letting every name through (as an empty dbfilter does on a
        # server started without a database name)
        saved = config["dbfilter"]
        config["dbfilter"] = ".*"
        self.addCleanup(config.__setitem__, "dbfilter", saved)

    def drop(self):
        odoo.modules.registry.Registry.delete(self.name)
        odoo.sql_db.close_db(self.name)
        with server_cursor() as cr:
            cr.autocommit(True)
            cr.execute('DROP DATABASE IF EXISTS "%s"' % self.name)

    def initialised(self):
        with closing(odoo.sql_db.db_connect(self.name).cursor()) as cr:
            return odoo.modules.db.is_initialized(cr)

    def test_anonymous_request_does_not_initialise_it(self):
        # what an anonymous visitor sends
        self.url_open("/web/login?db=%s" % self.name, timeout=600)
        self.assertFalse(self.initialised())
