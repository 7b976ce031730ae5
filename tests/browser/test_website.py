"""The public website, as an anonymous visitor sees it: in French, styled."""
from .chrome import ChromeCase


class TestWebsite(ChromeCase):

    def test_events_page_in_french(self):
        self.open("/event")
        self.wait_for("#wrap")
        self.assertEqual(self.browser.execute_script("return document.documentElement.lang"),
                         "fr-FR")
        # the theme's stylesheet applied: the navbar is laid out, not a bare list
        navbar_display = self.browser.execute_script(
            "return getComputedStyle(document.querySelector('header .navbar')).display")
        self.assertNotEqual(navbar_display, "inline")
        self.assertIn("Se connecter", self.text("header"))
        self.screenshot("website-events")
