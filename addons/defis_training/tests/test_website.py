from odoo.tests.common import TransactionCase


class TestWebsiteLanguage(TransactionCase):

    def test_public_pages_speak_french(self):
        website = self.env.ref("website.default_website")
        french = self.env.ref("base.lang_fr")
        self.assertEqual(website.default_lang_id, french)
        self.assertEqual(website.language_ids, french)
        self.assertTrue(french.active)
