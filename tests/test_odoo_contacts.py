"""Odoo's own tests of contacts, run with the Défis add-ons installed: a
partner's phone written by Odoo (with an extension, not a valid number, the
address synced from its company, a company phone saved from the website
editor) is kept as written and never blocks the write."""
# the test classes of Odoo, collected here to run on the registry with our add-ons
from odoo.addons.base.tests.test_base import TestBase, TestPartnerRecursion  # noqa: F401
from odoo.addons.website.tests.test_views import TestViewSaving  # noqa: F401
