# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import werkzeug.utils

from odoo import models
from odoo.http import request

from odoo.addons.http_routing.models.ir_http import slug

EVENT_PAGES = "/event/"


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _postprocess_args(cls, arguments, rule):
        """Odoo's pages of an event (``/event/<event>/...``: description,
        registration form, its posts) lead, for a course run, to the run's
        own page: every registration goes through ``/formations``."""
        if rule.rule.startswith(EVENT_PAGES):
            run = cls._defis_course_run(arguments)
            if run:
                code = 301 if request.httprequest.method in ("GET", "HEAD") else 303
                return werkzeug.utils.redirect("/formations/%s" % slug(run), code=code)
        return super()._postprocess_args(arguments, rule)

    @staticmethod
    def _defis_course_run(arguments):
        """The course run among the route's arguments, if any."""
        for value in arguments.values():
            if isinstance(value, models.BaseModel) and value._name == "event.event":
                run = value.sudo().exists()
                if run.defis_is_training:
                    return run
        return None
