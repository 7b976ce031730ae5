"""A buyer scans the label's QR code with a phone: the device passport at
360 pixels, without JavaScript on the page."""
from odoo.addons.defis_reuse.tests.common_probe import passport_device

from .chrome import ChromeCase

WIDTH, HEIGHT = 360, 740


class TestPassportOnAPhone(ChromeCase):

    window_size = (WIDTH, HEIGHT)

    def setUp(self):
        super().setUp()
        self.lot = passport_device(self.env, "navigateur", defis_storage_gb=500,
                                   defis_storage_type="hdd")
        # headless Chromium keeps windows at least 500 pixels wide: emulate the phone's viewport
        self.browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 2, "mobile": True})

    def test_passport_fits_a_phone(self):
        self.open("/appareil/%s" % self.lot.defis_passport_token)
        self.assertEqual(self.text("h1"), "Dell Latitude E5530")
        self.assertEqual(self.browser.execute_script("return window.innerWidth"), WIDTH)
        self.assertLessEqual(self.browser.execute_script(
            "return document.documentElement.scrollWidth"), WIDTH)
        self.assertEqual(self.browser.execute_script("return document.scripts.length"), 0)
        self.assertEqual(self.browser.execute_script("return document.documentElement.lang"), "fr")
        # text at least 16 px, the contact links at least 44 px high to touch
        self.assertGreaterEqual(self.browser.execute_script(
            "return parseFloat(getComputedStyle(document.body).fontSize)"), 16)
        heights = self.browser.execute_script(
            "return Array.from(document.querySelectorAll('footer a'))"
            ".map(function (link) { return link.getBoundingClientRect().height; })")
        self.assertTrue(heights)
        self.assertGreaterEqual(min(heights), 44)
        self.assertIn("Données effacées", self.text("main"))
        self.screenshot("passport-360px")

    def test_unknown_device(self):
        self.open("/appareil/%s" % ("0" * 32))
        self.assertEqual(self.text("h1"), "Appareil inconnu")
        self.assertEqual(self.text("main"), "Appareil inconnu")
