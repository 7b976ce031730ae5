# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The file of places published on the national map, at a public address the
national aggregator harvests: the stored file (rebuilt every night and at each
publication or withdrawal), not computed again for each visitor."""
import base64

from odoo import http
from odoo.http import request

CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}


class DefisPlaces(http.Controller):

    @http.route(["/reseau/lieux.csv", "/reseau/lieux.json"], type="http", auth="public",
                methods=["GET", "HEAD"], csrf=False)
    def defis_places(self, download=None, **_kw):
        file_format = request.httprequest.path.rsplit(".", 1)[1]
        attachment = request.env["defis.place.export"].sudo().published_file(file_format)
        disposition = "attachment" if download else "inline"
        headers = [
            ("Content-Type", CONTENT_TYPES[file_format]),
            ("Content-Disposition", '%s; filename="%s"' % (disposition, attachment.name)),
            ("Cache-Control", "public, max-age=600"),
            ("Access-Control-Allow-Origin", "*"),
        ]
        return request.make_response(base64.b64decode(attachment.datas), headers)
