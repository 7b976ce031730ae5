# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class StockLocation(models.Model):
    _inherit = "stock.location"

    def _defis_ancestors(self):
        """The location and the locations above it (read through the
        parents: parent_left is not computed yet while add-ons install)."""
        self.ensure_one()
        found = self.browse()
        location = self
        while location and location not in found:
            found |= location
            location = location.location_id
        return found
