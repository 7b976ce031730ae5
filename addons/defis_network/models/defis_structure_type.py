# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class DefisStructureType(models.Model):
    _name = "defis.structure.type"
    _description = "Structure type"
    _inherit = "defis.network.tag.mixin"
    _inherits = {"res.partner.category": "category_id"}
    _tag_family_xmlid = "defis_network.category_structure_type"

    def _structure_field(self):
        return "defis_structure_type_id"
