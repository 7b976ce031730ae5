"""Advisories of modules this suite does not install, and of code 11.0 does
not have: the test fails the day one of them appears."""
from odoo.tests.common import TransactionCase

from .common import SecurityHttpCase

NOT_INSTALLED = {
    "document": "CVE-2018-15633",
    "auth_oauth": "CVE-2024-49575",
}
ACTIVE_STATES = ("installed", "to install", "to upgrade")


class TestModulesOfTheAdvisories(TransactionCase):

    def test_modules_not_installed(self):
        modules = self.env["ir.module.module"].search([("name", "in", list(NOT_INSTALLED))])
        for module in modules:
            self.assertNotIn(module.state, ACTIVE_STATES, "%s (%s) is installed: close %s"
                             % (module.name, module.state, NOT_INSTALLED[module.name]))

    def test_no_demo_data_loader_in_11(self):
        # CVE-2021-45111 is in ir.demo (12.0 and later): no such model here
        self.assertNotIn("ir.demo", self.env.registry)


class TestModuleInstallation(SecurityHttpCase):

    def test_internal_user_cannot_install_modules(self):
        # the other way to load data (and demo data) is installing modules
        self.login_as(self.create_internal_user("benevole.modules"))
        module = self.env["ir.module.module"].search([("name", "=", "document")])
        _result, error = self.call_kw("ir.module.module", "button_immediate_install",
                                      [module.ids])
        self.assertEqual(error, "odoo.exceptions.AccessDenied")
        self.assertEqual(module.state, "uninstalled")
