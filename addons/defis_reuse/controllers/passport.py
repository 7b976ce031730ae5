# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The device passport: the public page the QR code of a device's label
opens. Plain HTML, no JavaScript, for a phone."""
from odoo import http
from odoo.http import request

HEADERS = [
    ("Content-Type", "text/html; charset=utf-8"),
    ("Cache-Control", "no-cache"),
    # the token is in the address: keep it out of other sites' logs
    ("Referrer-Policy", "no-referrer"),
    ("X-Robots-Tag", "noindex"),
]


class DefisPassport(http.Controller):

    @staticmethod
    def _french_env():
        lang = "fr_FR" if request.env["res.lang"].sudo().search_count(
            [("code", "=", "fr_FR")]) else request.env.context.get("lang")
        return request.env(context=dict(request.env.context, lang=lang))

    @http.route("/appareil/<string:token>", type="http", auth="public", methods=["GET"])
    def passport(self, token, **_kwargs):
        env = self._french_env()
        # sudo: a visitor reads the few public facts the model selects
        lots = env["stock.production.lot"].sudo()
        lot = lots._defis_passport_lot(token)
        passport = lot._defis_passport_values() if lot else None
        html = env["ir.ui.view"].sudo().render_template("defis_reuse.passport_page", {
            "passport": passport, "title": lots._defis_passport_title(passport)})
        response = request.make_response(html, headers=HEADERS)
        response.status_code = 200 if passport else 404
        return response
