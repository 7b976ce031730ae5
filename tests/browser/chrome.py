"""Browser tests in Debian's headless Chromium (Odoo 11's tours want PhantomJS).

``ChromeCase`` is an ``HttpCase``: the pages it opens are served by the Odoo
of the test run. Unlike Odoo 11's HttpCase, the test itself works on the same
cursor as the HTTP requests, so records it creates are seen by the browser and
everything is rolled back at the end. The test thread holds the cursor's lock
except while it waits for the browser. It can log in, click, read the DOM,
fails on any JavaScript error in the console and saves a screenshot of the
page when a test fails. ``axe_violations`` runs axe-core (installed by
``scripts/setup.sh`` under ``.tools/``) on the page, for accessibility.
"""
import contextlib
import json
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

from odoo import SUPERUSER_ID, api
from odoo.tests.common import HttpCase
from odoo.tools import config

CHROMIUM = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")
ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
ARTIFACTS = os.path.join(ROOT, "artifacts")
AXE_JS = os.path.join(ROOT, ".tools", "node_modules", "axe-core", "axe.min.js")
# the rules of WCAG 2.0 and 2.1, levels A and AA
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
AXE_BLOCKING = ("critical", "serious")
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


def in_browser_turn(method):
    """Run a ChromeCase method while HTTP requests may use the cursor."""
    def wrapper(self, *args, **kwargs):
        with self.browser_turn():
            return method(self, *args, **kwargs)
    wrapper.__name__ = method.__name__
    wrapper.__doc__ = method.__doc__
    return wrapper


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
        self._share_test_cursor()
        self.base_url = "http://127.0.0.1:%d" % config["http_port"]
        profile = tempfile.mkdtemp(prefix="defis-chromium-")
        self.addCleanup(shutil.rmtree, profile, True)
        self.browser = start_chromium(profile, self.window_size)
        self.addCleanup(self.browser.quit)
        self.console_errors = []
        # cleanups run last-in first-out: these two run before quit()
        self.addCleanup(self.assert_no_console_error)
        self.addCleanup(self._screenshot_if_failed)

    # the cursor shared with the HTTP requests --------------------------------
    def _share_test_cursor(self):
        case_cr, case_env = self.cr, self.env
        self.cr = self.registry.cursor()  # the test cursor, its lock held here
        self.env = api.Environment(self.cr, SUPERUSER_ID, {})
        self._browser_depth = 0

        def restore():
            self.cr.release()
            self.cr, self.env = case_cr, case_env
        self.addCleanup(restore)

    @contextlib.contextmanager
    def browser_turn(self):
        """Let the HTTP requests use the cursor while the browser works."""
        self._browser_depth += 1
        if self._browser_depth == 1:
            # TestCursor.commit() only moves a savepoint: a request that
            # rolls back does not undo what the test has written so far
            self.cr.commit()
            self.cr.release()
        try:
            yield
        finally:
            self._browser_depth -= 1
            if self._browser_depth == 0:
                self.cr.acquire()
                self.env.cache.invalidate()

    def create_user(self, name, login, group_xmlid):
        """A French-speaking user of the group, password ``<login>-1``."""
        return self.env["res.users"].with_context(no_reset_password=True).create({
            "name": name,
            "login": login,
            "password": "%s-1" % login,
            "lang": "fr_FR",
            "tz": "Europe/Paris",
            "groups_id": [(6, 0, [self.env.ref(group_xmlid).id])],
        })

    def emulate_phone(self, width, height):
        """Lay pages out for a phone's viewport (headless Chromium keeps
        windows at least 500 pixels wide)."""
        self.browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})

    # navigation -----------------------------------------------------------
    @in_browser_turn
    def open(self, path):
        self.browser.get(self.base_url + path)
        self.collect_console()

    @in_browser_turn
    def login(self, login, password):
        """Log in through Odoo's login form and wait for the web client."""
        self.open("/web/login")
        self.fill("input[name=login]", login)
        self.fill("input[name=password]", password)
        self.click("form.oe_login_form button[type=submit]")
        self.wait_for(".o_web_client .o_main_navbar, .o_web_client #oe_main_menu_navbar")
        self.wait_for_idle()

    # DOM ------------------------------------------------------------------
    @in_browser_turn
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

    @in_browser_turn
    def wait_until_gone(self, css, timeout=None):
        WebDriverWait(self.browser, timeout or self.timeout).until(
            ec.invisibility_of_element_located((By.CSS_SELECTOR, css)))

    @in_browser_turn
    def wait_for_idle(self):
        """Wait until the web client has no RPC pending (the blockUI is gone)."""
        self.wait_until_gone(".o_loading, .blockUI")

    @in_browser_turn
    def find_all(self, css):
        return self.browser.find_elements(By.CSS_SELECTOR, css)

    @in_browser_turn
    def text(self, css):
        return self.wait_for(css).text.strip()

    @in_browser_turn
    def texts(self, css):
        return [el.text.strip() for el in self.find_all(css) if el.is_displayed()]

    @in_browser_turn
    def click(self, css):
        WebDriverWait(self.browser, self.timeout).until(
            ec.element_to_be_clickable((By.CSS_SELECTOR, css))).click()
        self.collect_console()

    @in_browser_turn
    def fill(self, css, value):
        element = self.wait_for(css)
        element.clear()
        element.send_keys(value)

    # accessibility ----------------------------------------------------------
    @in_browser_turn
    def axe_violations(self, context=None):
        """axe-core's violations of WCAG 2.0/2.1 A and AA on the page (or in
        the element of the CSS selector ``context``): dicts with ``id``,
        ``impact``, ``help``, ``helpUrl`` and ``nodes`` (``target``,
        ``failureSummary``), as axe-core gives them."""
        if not self.browser.execute_script("return !!window.axe"):
            with open(AXE_JS, encoding="utf-8") as source:
                self.browser.execute_script(source.read())
        self.browser.set_script_timeout(self.timeout)
        result = self.browser.execute_async_script("""
            var done = arguments[arguments.length - 1];
            axe.run(arguments[0] || document, {
                runOnly: {type: 'tag', values: arguments[1]},
                resultTypes: ['violations'],
            }).then(function (results) {
                done({violations: results.violations});
            }, function (error) {
                done({error: String(error)});
            });
        """, context, list(AXE_TAGS))
        if "error" in result:
            self.fail("axe-core failed on %s: %s" % (self.browser.current_url, result["error"]))
        return result["violations"]

    def assert_accessible(self, context=None):
        """Fail on any critical or serious violation (WCAG 2.0/2.1 A, AA);
        print every violation found, of any impact."""
        violations = self.axe_violations(context)
        for violation in violations:
            print(describe_violation(violation))
        blocking = [v for v in violations if v["impact"] in AXE_BLOCKING]
        if blocking:
            self.screenshot("AXE-" + self.id())
            self.fail("%d critical or serious accessibility violations on %s:\n%s" % (
                len(blocking), self.browser.current_url,
                "\n".join(describe_violation(v) for v in blocking)))
        return violations

    @in_browser_turn
    def assert_zoom_allowed(self):
        """The page lets people zoom (WCAG 1.4.4): no user-scalable=no, no
        maximum scale under 2."""
        content = self.browser.execute_script(
            "var m = document.querySelector('meta[name=viewport]');"
            " return m ? m.getAttribute('content') : '';") or ""
        settings = dict(
            (part.split("=", 1) + [""])[:2]
            for part in re.sub(r"\s", "", content.lower()).split(",") if part)
        self.assertNotIn(settings.get("user-scalable"), ("no", "0"), content)
        if settings.get("maximum-scale"):
            self.assertGreaterEqual(float(settings["maximum-scale"]), 2.0, content)

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
        # inside a cleanup unittest resets outcome.success: read the errors
        outcome = getattr(self, "_outcome", None)
        if outcome is not None and any(exc for _test, exc in outcome.errors):
            print("screenshot: %s" % self.screenshot("FAILED-" + self.id()))


def describe_violation(violation):
    """One violation of axe-core, in a few lines a person can act on."""
    lines = ["[%s] %s: %s (%s)" % (violation["impact"], violation["id"], violation["help"],
                                   violation["helpUrl"])]
    for node in violation["nodes"]:
        lines.append("    %s: %s" % (json.dumps(node["target"]),
                                     " ".join(node.get("failureSummary", "").split())))
    return "\n".join(lines)
