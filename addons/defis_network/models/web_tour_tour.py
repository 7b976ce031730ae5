# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import os
import re

from odoo import api, models
from odoo.modules import module

# how Odoo's JavaScript declares a guided tour: tour.register('name', ...)
TOUR_REGISTER = re.compile(r"""tour\.register\(\s*['"]([\w.-]+)['"]""")


class WebTourTour(models.Model):
    """Odoo's guided tours (the bubbles shown to the administrator)."""

    _inherit = "web_tour.tour"

    @api.model
    def _defis_tour_names(self):
        """The tours declared by the modules on the add-ons path."""
        names = set()
        for addons_dir in module.ad_paths:
            for name in os.listdir(addons_dir):
                names.update(self._defis_tours_of_folder(
                    os.path.join(addons_dir, name, "static", "src", "js")))
        return names

    @staticmethod
    def _defis_tours_of_folder(folder):
        names = set()
        for root, _dirs, files in os.walk(folder):
            for filename in files:
                if filename.endswith(".js"):
                    with open(os.path.join(root, filename), encoding="utf-8") as source:
                        names.update(TOUR_REGISTER.findall(source.read()))
        return names

    @api.model
    def _defis_consume_all_tours(self, user_ids):
        """Mark every tour as seen by the users: no bubble on their screens."""
        names = self._defis_tour_names()
        for user_id in user_ids:
            seen = set(self.search([("user_id", "=", user_id)]).mapped("name"))
            for name in sorted(names - seen):
                self.create({"name": name, "user_id": user_id})
        return True
