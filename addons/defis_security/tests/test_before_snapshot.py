"""Advisories fixed before the 2018-11 snapshot: checked on the installed code,
through the requests an attacker would send."""
import werkzeug.test

from odoo import http
from odoo.service import db as db_service
from odoo.tools import config

from .common import SecurityHttpCase


class TestFixedBeforeTheSnapshot(SecurityHttpCase):

    def test_private_methods_are_not_callable_remotely(self):
        # CVE-2018-14863
        self.login_as(self.create_internal_user("benevole.prive"))
        _result, error = self.call_kw("res.partner", "_read_from_database", [[1], ["name"], []])
        self.assertEqual(error, "odoo.exceptions.AccessError")

    def test_restore_needs_the_master_password(self):
        # CVE-2018-14885
        name = "%s_restaure" % self.env.cr.dbname
        response = self.post_files("/web/database/restore", data={
            "master_pwd": "admin", "name": name},
            files={"backup_file": ("sauvegarde.zip", b"PK\x03\x04", "application/zip")})
        self.assertIn("access denied", response.text.lower())
        self.assertNotIn(name, db_service.list_dbs(force=True))

    def test_module_description_cannot_include_files(self):
        # CVE-2018-14886
        module = self.env["ir.module.module"].new({
            "name": "defis_inexistant", "description": ".. include:: /etc/hostname"})
        with open("/etc/hostname") as hostname:
            content = hostname.read().strip()
        self.assertNotIn(content, module.description_html or "")

    def test_host_header_cannot_widen_the_database_filter(self):
        # CVE-2018-14887: a Host header written as a pattern matches nothing
        saved = config["dbfilter"]
        config["dbfilter"] = "^%d$"
        try:
            crafted = werkzeug.test.EnvironBuilder(headers={"Host": ".*"}).get_request()
            honest = werkzeug.test.EnvironBuilder(
                headers={"Host": "%s.defis.example" % self.env.cr.dbname}).get_request()
            databases = [self.env.cr.dbname, "autre"]
            self.assertEqual(http.db_filter(databases, crafted), [])
            self.assertEqual(http.db_filter(databases, honest), [self.env.cr.dbname])
        finally:
            config["dbfilter"] = saved
