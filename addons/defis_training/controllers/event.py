# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Odoo's event pages without the course runs, which are on /formations
(their own pages lead there: ``models/ir_http.py``)."""
from odoo import http
from odoo.http import request

from odoo.addons.http_routing.models.ir_http import slug
from odoo.addons.website_event.controllers.main import WebsiteEventController


def _without_course_runs():
    request.context = dict(request.context, defis_without_training=True)


def sitemap_events(env, rule, qs):
    """Odoo's event pages in the sitemap, without the course runs."""
    events = env["event.event"].search(
        [("website_published", "=", True), ("defis_is_training", "=", False)])
    for event in events:
        loc = "/event/%s" % slug(event)
        if not qs or qs.lower() in loc:
            yield {"loc": loc}


class DefisWebsiteEvent(WebsiteEventController):

    @http.route(sitemap=sitemap_events)
    def event(self, event, **post):
        return super().event(event, **post)

    @http.route()
    def events(self, page=1, **searches):
        _without_course_runs()
        return super().events(page=page, **searches)

    @http.route()
    def get_country_events(self, **post):
        _without_course_runs()
        return super().get_country_events(**post)
