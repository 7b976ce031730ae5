# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.http import request

from ..tools.assets import SharedAssetsBundle


class IrQWeb(models.AbstractModel):
    _inherit = "ir.qweb"

    def get_asset_bundle(self, xmlid, files, remains=None, env=None):
        """Pages served to visitors share the generation of missing bundles
        (see tools/assets.py); elsewhere (module installation, tests on one
        transaction) Odoo's own bundle is used."""
        env = env or self.env
        if request and not env.registry.in_test_mode():
            return SharedAssetsBundle(xmlid, files, remains=remains, env=env)
        return super().get_asset_bundle(xmlid, files, remains=remains, env=env)
