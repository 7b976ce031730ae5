# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    # who the learners are, for the record rule of contacts (res.users)
    defis_registration_ids = fields.One2many(
        "event.registration", "partner_id", string="Training registrations")
