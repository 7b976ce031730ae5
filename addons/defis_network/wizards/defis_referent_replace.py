# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class DefisReferentReplace(models.TransientModel):
    """End a referent and name the person who takes over, on the same date."""

    _name = "defis.referent.replace"
    _description = "Replace a referent"

    referent_id = fields.Many2one("defis.referent", string="Referent leaving", required=True)
    structure_id = fields.Many2one(related="referent_id.structure_id", readonly=True)
    new_partner_id = fields.Many2one(
        "res.partner", string="New referent", required=True,
        domain="[('parent_id', '=', structure_id), ('is_company', '=', False)]")
    date = fields.Date(string="Change date", required=True, default=fields.Date.context_today)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "defis.referent":
            values["referent_id"] = self.env.context.get("active_id")
        return values

    def action_replace(self):
        self.ensure_one()
        if self.referent_id.date_end:
            raise UserError(_("%s is no longer a referent.") % self.referent_id.partner_id.name)
        if self.new_partner_id == self.referent_id.partner_id:
            raise UserError(_("Choose another person to take over."))
        self.referent_id.action_end(self.date)
        return self.env["defis.referent"].create({
            "structure_id": self.structure_id.id,
            "partner_id": self.new_partner_id.id,
            "date_start": self.date,
        })
