# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The privacy page of the association's website."""
from odoo import _, http
from odoo.http import request

PRIVACY_URL = "/confidentialite"


class DefisWebsite(http.Controller):

    @http.route(PRIVACY_URL, type="http", auth="public", website=True)
    def privacy(self, **kw):
        """What the association keeps about people, why, for how long; the
        retention period is the one the anonymisation job applies."""
        params = request.env["ir.config_parameter"].sudo()
        return request.render("defis_website.privacy_page", {
            "additional_title": _("Privacy"),
            "company": request.website.company_id.sudo(),
            "retention_years": int(params.get_param("defis_network.retention_years", 3)),
        })
