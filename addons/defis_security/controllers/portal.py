# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The portal's account form changes the account on its own POST only
(CVE-2019-11781): a link with parameters only shows the form."""
from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class DefisSecurityPortal(CustomerPortal):

    @http.route(["/my/account"], type="http", auth="user", website=True)
    def account(self, redirect=None, **post):
        # a POST reaches this method only with the form's CSRF token
        if request.httprequest.method != "POST":
            post = {}
        return super().account(redirect=redirect, **post)
