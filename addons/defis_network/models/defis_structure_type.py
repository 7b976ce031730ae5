# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class DefisStructureType(models.Model):
    _name = "defis.structure.type"
    _description = "Structure type"
    _inherit = "defis.network.tag.mixin"
    _inherits = {"res.partner.category": "category_id"}
    _order = "sequence, id"
    _tag_family_xmlid = "defis_network.category_structure_type"

    category_id = fields.Many2one(
        "res.partner.category", string="Contact tag", required=True,
        ondelete="restrict", auto_join=True)

    _sql_constraints = [
        ("category_unique", "unique(category_id)", "A contact tag serves one structure type."),
    ]

    def _structure_field(self):
        return "defis_structure_type_id"
