# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.exceptions import UserError


class PosSession(models.Model):
    _inherit = "pos.session"

    @api.multi
    def action_pos_session_closing_control(self):
        """Odoo's closing answers nothing, which XML-RPC cannot carry."""
        result = super().action_pos_session_closing_control()
        return True if result is None else result

    def _defis_statement(self, kind):
        """The session's statement of its cash (``cash``: the till's own
        money) or of the loan deposits counted as payment (``deposit``)."""
        self.ensure_one()
        statements = self.statement_ids.sorted(lambda st: (st.journal_id.sequence, st.id))
        if kind == "deposit":
            found = statements.filtered(lambda st: st.journal_id.defis_loan_deposit)
        else:
            found = statements.filtered(
                lambda st: st.journal_id.type == "cash" and not st.journal_id.defis_loan_deposit
                and not st.journal_id.defis_pass_numerique)
        if not found:
            raise UserError(_(
                "The session %(session)s has no payment method for %(what)s: add it to the "
                "till %(till)s and open a new session.") % {
                    "session": self.name, "till": self.config_id.name,
                    "what": _("loan deposits") if kind == "deposit" else _("cash")})
        return found[:1]

    def _defis_ui_order(self, reference, partner, devices, payments, stamp, user):
        """An order of this session as the till sends it: ``devices`` are
        (lot, price) lines, ``payments`` (journal, amount) or (journal,
        amount, voucher numbers); ``stamp`` its date and time."""
        self.ensure_one()
        statements = {st.journal_id: st for st in self.statement_ids}
        total = sum(price for _lot, price in devices)
        return {
            "name": reference, "uid": reference, "pos_session_id": self.id,
            "user_id": user.id, "partner_id": partner.id if partner else False,
            "pricelist_id": self.config_id.pricelist_id.id, "fiscal_position_id": False,
            "sequence_number": self.sequence_number, "creation_date": stamp,
            "amount_paid": total, "amount_total": total, "amount_tax": 0.0,
            "amount_return": 0.0,
            "lines": [[0, 0, {
                "qty": 1, "price_unit": price, "discount": 0, "id": number,
                "product_id": lot.product_id.id,
                "tax_ids": [[6, False, lot.product_id.taxes_id.filtered(
                    lambda tax: tax.company_id == self.config_id.company_id).ids]],
                "pack_lot_ids": [[0, 0, {"lot_name": lot.name}]], "defis_lot_id": lot.id,
            }] for number, (lot, price) in enumerate(devices, 1)],
            "statement_ids": [[0, 0, {
                "name": stamp, "statement_id": statements[payment[0]].id,
                "journal_id": payment[0].id, "amount": payment[1],
                "defis_vouchers": list(payment[2]) if len(payment) > 2 else [],
            }] for payment in payments],
        }

    # the till's payment methods: the company's cash journals (the demo
    # database and the tests use it) -------------------------------------------
    @api.model
    def _defis_demo_setup_till(self, config):
        journals = self.env["account.journal"].search(
            [("type", "=", "cash"), ("company_id", "=", config.company_id.id)])
        journals.write({"journal_user": True})
        config.write({"journal_ids": [(6, 0, journals.ids)]})
