"""An empty database named in a request is not initialised (CVE-2018-15632)."""
import odoo
from odoo.service import db as db_service

from .common import SecurityHttpCase


class TestEmptyDatabase(SecurityHttpCase):

    def setUp(self):
        super().setUp()
        self.name = "%s_vide" % self.env.cr.dbname
        if self.name in db_service.list_dbs(force=True):
            self.drop()
        # as a database left empty would be: created, never initialised
        db_service._create_empty_database(self.name)
        self.addCleanup(self.drop)

    def drop(self):
        odoo.modules.registry.Registry.delete(self.name)
        odoo.sql_db.close_db(self.name)
        db_service.exp_drop(self.name)

    def initialised(self):
        with odoo.sql_db.db_connect(self.name).cursor() as cr:
            return odoo.modules.db.is_initialized(cr)

    def test_anonymous_request_does_not_initialise_it(self):
        # what an anonymous visitor sends (the filter of the test server lets
        # every database name through, as an empty dbfilter does)
        self.url_open("/web/login?db=%s" % self.name, timeout=300)
        self.assertFalse(self.initialised())
