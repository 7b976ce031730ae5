# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountJournal(models.Model):
    _inherit = "account.journal"

    defis_pass_numerique = fields.Boolean(
        string="Pass numérique",
        help="Payments in APTIC vouchers whose numbers are asked at the till.")
    defis_loan_deposit = fields.Boolean(
        string="Loan deposits",
        help="The deposits of loans converted into sales, counted as part payment of "
             "the device: not offered to cashiers at the till.")
