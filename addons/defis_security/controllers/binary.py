# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Upload answers that cannot carry a script (CVE-2018-15634, CVE-2021-45071)."""
from odoo import http

from odoo.addons.web.controllers.main import Binary

SCRIPT_END = "</script>"


def inert_script(html):
    """The upload routes answer a ``<script>`` calling ``trigger(callback,
    result)`` with the callback and the file names as JSON. JSON does not
    escape ``<``: a callback or a file name holding ``</script>`` would close
    the block and open the attacker's. Every ``<`` between the opening tag
    and the last closing one is written ``\\u003c``, which JavaScript reads
    back as the same character inside a string."""
    start = html.find(">") + 1
    end = html.rfind(SCRIPT_END)
    if start <= 0 or end < start:
        return html
    return html[:start] + html[start:end].replace("<", "\\u003c") + html[end:]


def inert_response(response):
    """The routes' answer (a response once through their decorator) made inert."""
    if isinstance(response, str):
        return inert_script(response)
    if getattr(response, "mimetype", None) == "text/html":
        response.set_data(inert_script(response.get_data(as_text=True)))
    return response


class DefisSecurityBinary(Binary):

    @http.route("/web/binary/upload", type="http", auth="user")
    def upload(self, callback, ufile):
        return inert_response(super().upload(callback, ufile))

    @http.route("/web/binary/upload_attachment", type="http", auth="user")
    def upload_attachment(self, callback, model, id, ufile):
        # pylint: disable=redefined-builtin
        return inert_response(super().upload_attachment(callback, model, id, ufile))
