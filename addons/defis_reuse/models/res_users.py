# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _defis_private_person_groups(self):
        # the cashier finds the member household at the till
        return super()._defis_private_person_groups() + ["point_of_sale.group_pos_user"]
