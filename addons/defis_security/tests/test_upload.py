"""CVE-2018-15634 (callback) and CVE-2021-45071 (file names): the upload
routes answer a script that cannot be closed from a parameter."""
import re

from .common import SecurityHttpCase

PAYLOAD = "</script><script>window.defisXss=document.domain</script>"
SCRIPT_BLOCKS = re.compile(r"<script\b", re.IGNORECASE)


class TestUploadCallback(SecurityHttpCase):

    def setUp(self):
        super().setUp()
        # any logged-in user can craft the link; it runs as whoever opens it
        self.login_as(self.create_portal_user("attaquant.portail"))

    def assert_one_inert_script(self, response):
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("</script><script>", response.text)
        self.assertEqual(len(SCRIPT_BLOCKS.findall(response.text)), 1, response.text)
        self.assertEqual(response.text.count("</script>"), 1)

    def test_upload_callback_is_not_reflected_as_markup(self):
        response = self.url_open("/web/binary/upload?callback=%s&ufile=x" % PAYLOAD)
        self.assert_one_inert_script(response)
        # the callback still reaches the page, as a JavaScript string
        self.assertIn("\\u003c/script>\\u003cscript>window.defisXss", response.text)

    def test_upload_attachment_callback_is_not_reflected_as_markup(self):
        response = self.url_open(
            "/web/binary/upload_attachment?callback=%s&model=res.partner&id=1&ufile=x"
            % PAYLOAD)
        self.assert_one_inert_script(response)

    def test_uploaded_file_name_cannot_close_the_script(self):
        user = self.create_internal_user(
            "benevole.upload", ("base.group_user", "base.group_partner_manager"))
        self.login_as(user)
        partner = self.env["res.partner"].create({"name": "Foyer Upload"})
        response = self.post_files("/web/binary/upload_attachment", data={
            "callback": "defis_upload", "model": "res.partner", "id": partner.id,
            "csrf_token": self.page_csrf_token()},
            files={"ufile": (PAYLOAD + ".txt", b"bonjour", "text/plain")})
        self.assert_one_inert_script(response)
        attachment = self.env["ir.attachment"].search([
            ("res_model", "=", "res.partner"), ("res_id", "=", partner.id)])
        self.assertEqual(attachment.datas_fname, PAYLOAD + ".txt")
