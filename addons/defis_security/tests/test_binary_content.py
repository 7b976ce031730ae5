"""Attachments of type URL serve a module's static files only, not its
source files (CVE-2024-45840)."""
from odoo.modules.module import get_resource_path

from .common import SecurityHttpCase


class TestModuleFiles(SecurityHttpCase):

    def setUp(self):
        super().setUp()
        self.login_as(self.create_internal_user("benevole.fichiers"))

    def url_attachment(self, url):
        attachment_id, error = self.call_kw("ir.attachment", "create", [{
            "name": "Fichier", "type": "url", "url": url}])
        self.assertIsNone(error)
        return attachment_id

    def test_source_file_of_a_module_is_not_served(self):
        attachment_id = self.url_attachment("/defis_network/models/res_partner.py")
        response = self.url_open("/web/content/%d" % attachment_id)
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("class ResPartner", response.text)

    def test_static_file_is_served(self):
        attachment_id = self.url_attachment("/web/static/src/img/favicon.ico")
        response = self.url_open("/web/content/%d" % attachment_id)
        self.assertEqual(response.status_code, 200)
        with open(get_resource_path("web", "static", "src", "img", "favicon.ico"), "rb") as icon:
            self.assertEqual(response.content, icon.read())
