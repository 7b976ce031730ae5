# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The workshop station's door: the probe sends its snapshots here, and a
technician downloads the probe from the device's form."""
import werkzeug.exceptions

from odoo import http
from odoo.http import content_disposition, request

from ..tools import PROBE_PATH


class DefisProbe(http.Controller):

    @http.route("/defis/probe/snapshot", type="json", auth="user", methods=["POST"])
    def snapshot(self, snapshot=None, **_kwargs):
        """File a snapshot, with the rights of the station's technician
        account (the model refuses anyone else)."""
        record = request.env["defis.device.snapshot"].import_snapshot(snapshot)
        return {"device": record.lot_id.name, "snapshot": record.id, "state": record.state,
                "messages": record._probe_messages()}

    @http.route("/defis/probe/download", type="http", auth="user", methods=["GET"])
    def download(self, **_kwargs):
        if not request.env.user.has_group("defis_reuse.group_defis_technician"):
            raise werkzeug.exceptions.Forbidden()
        with open(PROBE_PATH, "rb") as script:
            content = script.read()
        return request.make_response(content, headers=[
            ("Content-Type", "text/x-python; charset=utf-8"),
            ("Content-Disposition", content_disposition("defis-probe")),
        ])
