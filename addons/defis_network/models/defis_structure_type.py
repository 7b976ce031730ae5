# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class DefisStructureType(models.Model):
    _name = "defis.structure.type"
    _description = "Structure type"
    _inherit = "defis.network.tag.mixin"
    _inherits = {"res.partner.category": "category_id"}
    _tag_family_xmlid = "defis_network.category_structure_type"

    place_typology = fields.Char(
        string="Typology on the national map",
        help="Code of the national list of structure types (data.inclusion typologies: "
             "CCAS, CAF, MUNI, ASSO…) written in the \"typologie\" column of the "
             "file of places.")

    def _structure_field(self):
        return "defis_structure_type_id"
