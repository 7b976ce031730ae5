"""Browser tests in Debian's headless Chromium (Odoo 11's tours want PhantomJS).

``ChromeCase`` is an ``HttpCase``: the pages it opens are served by the Odoo
of the test run, inside the test transaction (rolled back afterwards). It can
log in, click, read the DOM, fails on any JavaScript error in the console and
saves a screenshot of the page when a test fails.
"""
import os
import re
import shutil
import tempfile

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from odoo.tests.common import HttpCase
from odoo.tools import config

CHROMIUM = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")
ARTIFACTS = os.path.join(os.path.dirname(__file__), "..", "..", "artifacts")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
)
# Console messages that are not errors of the page: resources the browser
# fetches on its own (favicon) and network failures of third-party URLs.
IGNORED_CONSOLE = re.compile(r"favicon\.ico")


def start_chromium(profile_dir, size):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument("--user-data-dir=%s" % profile_dir)
    options.add_argument("--window-size=%d,%d" % size)
    options.add_argument("--lang=fr-FR")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


class ChromeCase(HttpCase):
    """HttpCase with a headless Chromium in ``self.browser``."""

    window_size = (1366, 900)
    timeout = 60

    def setUp(self):
        super().setUp()
        self.base_url = "http://127.0.0.1:%d" % config["http_port"]
        profile = tempfile.mkdtemp(prefix="defis-chromium-")
        self.addCleanup(shutil.rmtree, profile, True)
        self.browser = start_chromium(profile, self.window_size)
        self.addCleanup(self.browser.quit)
        self.console_errors = []
        # cleanups run last-in first-out: these two run before quit()
        self.addCleanup(self.assert_no_console_error)
        self.addCleanup(self._screenshot_if_failed)

    # navigation -----------------------------------------------------------
    def open(self, path):
        self.browser.get(self.base_url + path)
        self.collect_console()

    def login(self, login, password):
        """Log in through Odoo's login form and wait for the web client."""
        self.open("/web/login")
        self.fill("input[name=login]", login)
        self.fill("input[name=password]", password)
        self.click("form.oe_login_form button[type=submit]")
        self.wait_for(".o_web_client .o_main_navbar, .o_web_client #oe_main_menu_navbar")
        self.wait_for_idle()

    # DOM ------------------------------------------------------------------
    def wait_for(self, css, visible=True, timeout=None):
        condition = (ec.visibility_of_element_located if visible
                     else ec.presence_of_element_located)
        try:
            element = WebDriverWait(self.browser, timeout or self.timeout).until(
                condition((By.CSS_SELECTOR, css)))
        except TimeoutException:
            self.collect_console()
            self.fail("no element %r on %s after %ss" % (
                css, self.browser.current_url, timeout or self.timeout))
        self.collect_console()
        return element

    def wait_until_gone(self, css, timeout=None):
        WebDriverWait(self.browser, timeout or self.timeout).until(
            ec.invisibility_of_element_located((By.CSS_SELECTOR, css)))

    def wait_for_idle(self):
        """Wait until the web client has no RPC pending (the blockUI is gone)."""
        self.wait_until_gone(".o_loading, .blockUI")

    def find_all(self, css):
        return self.browser.find_elements(By.CSS_SELECTOR, css)

    def text(self, css):
        return self.wait_for(css).text.strip()

    def texts(self, css):
        return [el.text.strip() for el in self.find_all(css) if el.is_displayed()]

    def click(self, css):
        WebDriverWait(self.browser, self.timeout).until(
            ec.element_to_be_clickable((By.CSS_SELECTOR, css))).click()
        self.collect_console()

    def fill(self, css, value):
        element = self.wait_for(css)
        element.clear()
        element.send_keys(value)

    # console and screenshots ---------------------------------------------
    def collect_console(self):
        for entry in self.browser.get_log("browser"):
            if entry.get("level") != "SEVERE":
                continue
            if entry.get("source") not in ("javascript", "console-api"):
                continue
            if IGNORED_CONSOLE.search(entry.get("message", "")):
                continue
            self.console_errors.append(entry["message"])

    def assert_no_console_error(self):
        self.collect_console()
        if self.console_errors:
            self.screenshot("CONSOLE-" + self.id())
            self.fail("JavaScript errors in the console:\n%s"
                      % "\n".join(self.console_errors))

    def screenshot(self, name):
        folder = os.path.abspath(os.path.join(ARTIFACTS, "screenshots"))
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, "%s.png" % name)
        self.browser.save_screenshot(path)
        return path

    def _screenshot_if_failed(self):
        outcome = getattr(self, "_outcome", None)
        if outcome is not None and not outcome.success:
            print("screenshot: %s" % self.screenshot("FAILED-" + self.id()))
