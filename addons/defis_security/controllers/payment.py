# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A saved payment method is used by its owner only (CVE-2021-23178)."""
from odoo import _, http
from odoo.http import request

from odoo.addons.payment.controllers.portal import WebsitePayment


class DefisSecurityPayment(WebsitePayment):

    @http.route(["/website_payment/token/<string:reference>/<string:amount>/<string:currency_id>",
                 "/website_payment/token/v2/<string:amount>/<string:currency_id>/"
                 "<path:reference>"], type="http", auth="public", website=True)
    def payment_token(self, pm_id, reference, amount, currency_id, return_url=None, **kwargs):
        """Odoo 11 charges the token whose id the request names, whoever sends
        it, anonymous visitors included."""
        if not self._defis_own_token(pm_id):
            return request.redirect("/website_payment/pay?error_msg=%s"
                                    % _("Cannot setup the payment."))
        return super().payment_token(pm_id, reference, amount, currency_id,
                                     return_url=return_url, **kwargs)

    @staticmethod
    def _defis_own_token(pm_id):
        user = request.env.user
        if user._is_public() or not str(pm_id).isdigit():
            return False
        token = request.env["payment.token"].sudo().browse(int(pm_id)).exists()
        return bool(token) and \
            token.partner_id.commercial_partner_id == user.partner_id.commercial_partner_id
