# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the demo's long files call between their records."""
from odoo import api, models


class DefisDemoLoader(models.AbstractModel):
    _name = "defis.demo.loader"
    _description = "Loader of the association's demo"

    @api.model
    def _defis_release_environments(self):
        """Empty the record cache, so that the environments of the records
        loaded so far can go.

        Odoo 11's XML loader gives each record a context of its own (its xml
        id), hence an environment of its own, which the cache keeps alive
        through the values of the company-dependent fields; each new
        environment (every ``sudo()``, every ``with_context()``) is looked up
        among all the live ones: without a release, a file of a few hundred
        records takes quadratic time."""
        self.invalidate_cache()
