# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class DefisNetworkTagMixin(models.AbstractModel):
    """A value of the network (structure type, sub-network) that is also a
    contact tag under its family ("Inclusion network / Structure type / CCAS"),
    so that the standard contact search, filters and group-by find it."""

    _name = "defis.network.tag.mixin"
    _description = "Network value shown as a contact tag"
    _order = "sequence, id"
    _tag_family_xmlid = None

    category_id = fields.Many2one(
        "res.partner.category", string="Contact tag", required=True,
        ondelete="restrict", auto_join=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    structure_count = fields.Integer(compute="_compute_structure_count")

    _sql_constraints = [
        ("category_unique", "unique(category_id)",
         "A contact tag stands for one value of the network only."),
    ]

    @api.model
    def _tag_family(self):
        return self.env.ref(self._tag_family_xmlid)

    @api.model
    def create(self, vals):
        vals.setdefault("parent_id", self._tag_family().id)
        return super().create(vals)

    def _structure_field(self):
        raise NotImplementedError

    def _compute_structure_count(self):
        field = self._structure_field()
        groups = self.env["res.partner"].read_group(
            [(field, "in", self.ids)], [field], [field])
        counts = {group[field][0]: group["%s_count" % field] for group in groups}
        for record in self:
            record.structure_count = counts.get(record.id, 0)
