# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..tools import place_standard


class DefisPlaceImportLine(models.TransientModel):
    """A change the file of places proposes: a structure to create as a
    candidate, or one column of a known structure to update."""

    _name = "defis.place.import.line"
    _description = "Change proposed by a file of places"
    _order = "line_number, id"

    wizard_id = fields.Many2one("defis.place.import", required=True, ondelete="cascade")
    kind = fields.Selection(
        [("create", "New candidate structure"), ("update", "Update")],
        required=True, readonly=True)
    line_number = fields.Integer(string="Line", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Structure", readonly=True)
    name = fields.Char(string="Place", readonly=True)
    column = fields.Char(readonly=True)
    column_title = fields.Char(string="Column", compute="_compute_column_title")
    current_value = fields.Char(string="Current value", readonly=True)
    new_value = fields.Char(string="Value in the file", readonly=True)
    accept = fields.Boolean()
    values = fields.Text(readonly=True, help="Values to write, in JSON.")

    @api.depends("column")
    def _compute_column_title(self):
        titles = {field["name"]: field["title"] for field in place_standard.fields()}
        for line in self:
            line.column_title = titles.get(line.column, line.column)
