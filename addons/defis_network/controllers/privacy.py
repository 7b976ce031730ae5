# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The file of a person's data, downloaded by the association's staff from
the contact form (right of access): built on request, never stored."""
from werkzeug.exceptions import Forbidden, NotFound

from odoo import http
from odoo.exceptions import AccessError
from odoo.http import content_disposition, request


class DefisPersonalData(http.Controller):

    @http.route("/defis/personal-data/<int:partner_id>", type="http", auth="user",
                methods=["GET"])
    def defis_personal_data(self, partner_id, **_kw):
        partner = request.env["res.partner"].browse(partner_id).exists()
        if not partner:
            raise NotFound()
        try:
            filename, content = partner._defis_personal_data_file()
        except AccessError:
            raise Forbidden()
        return request.make_response(content, [
            ("Content-Type", "application/json; charset=utf-8"),
            ("Content-Disposition", content_disposition(filename)),
            ("Cache-Control", "no-store"),
        ])
