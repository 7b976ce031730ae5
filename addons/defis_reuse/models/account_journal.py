# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountJournal(models.Model):
    _inherit = "account.journal"

    defis_pass_numerique = fields.Boolean(
        string="Pass numérique",
        help="Payments in APTIC €10 vouchers whose numbers are asked at the till.")
