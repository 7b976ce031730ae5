# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import os
import re

from odoo import models
from odoo.http import request
from odoo.modules.module import get_module_path, get_resource_path

LOCAL_URL = re.compile(r"^/(\w+)/(.+)$")


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def binary_content(cls, xmlid=None, model="ir.attachment", id=None, field="datas",
                       unique=False, filename=None, filename_field="datas_fname",
                       download=False, mimetype=None,
                       default_mimetype="application/octet-stream", access_token=None,
                       env=None):
        # pylint: disable=redefined-builtin
        if cls._defis_serves_module_source(xmlid, model, id, env):
            return (404, [], None)
        return super().binary_content(
            xmlid=xmlid, model=model, id=id, field=field, unique=unique, filename=filename,
            filename_field=filename_field, download=download, mimetype=mimetype,
            default_mimetype=default_mimetype, access_token=access_token, env=env)

    @classmethod
    def _defis_serves_module_source(cls, xmlid, model, res_id, env):
        """An attachment of type URL holding a path ``/<module>/<file>`` is
        served by reading that file of the module from the disk. Anyone who may
        create an attachment could thus download the server's source files and
        data (CVE-2024-45840): only a module's ``static/`` folder is served."""
        if model != "ir.attachment" or not (xmlid or str(res_id or "").isdigit()):
            return False
        env = env or request.env
        attachment = env.ref(xmlid, False) if xmlid else env[model].browse(int(res_id))
        attachment = attachment.sudo().exists()
        if not attachment or attachment._name != model or attachment.type != "url":
            return False
        match = LOCAL_URL.match(attachment.url or "")
        path = match and get_resource_path(match.group(1), match.group(2))
        if not path:
            return False
        static = os.path.join(os.path.normpath(get_module_path(match.group(1))), "static", "")
        return not os.path.normpath(path).startswith(static)
