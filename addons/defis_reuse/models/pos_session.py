# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
import time
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)

DEMO_SALES = 350
DEMO_YEAR_END = "2018-12-31"


class PosSession(models.Model):
    _inherit = "pos.session"

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

    # demo: the 2018 sales, through the till's own server path ------------------
    @api.model
    def _defis_demo_sales(self, count=DEMO_SALES):
        started = time.time()
        self = self.with_context(tracking_disable=True, mail_notrack=True)
        config = self.env.ref("point_of_sale.pos_config_main")
        self._defis_demo_setup_till(config)
        lots = config._defis_ready_lots().sorted("name")[:count]
        households = self.env["res.partner"].search(
            [("defis_is_household", "=", True)], order="id")
        sales = self._defis_demo_plan(lots, households)
        by_month = {}
        for sale in sales:
            by_month.setdefault(sale["date"][:7], []).append(sale)
        for month in sorted(by_month):
            self._defis_demo_month(config, by_month[month])
        _logger.info("defis_reuse demo: %d sales at the till in %.1f s",
                     len(sales), time.time() - started)

    @api.model
    def _defis_demo_setup_till(self, config):
        journals = self.env["account.journal"].search(
            [("type", "=", "cash"), ("company_id", "=", config.company_id.id)])
        journals.write({"journal_user": True})
        config.write({"journal_ids": [(6, 0, journals.ids)]})

    @api.model
    def _defis_demo_plan(self, lots, households):
        """A sale a few days after the device was ready, to the households
        in turn (dates kept in 2018)."""
        sales = []
        for index, lot in enumerate(lots):
            ready = fields.Date.from_string(lot.defis_state_date or "2018-06-01")
            date = min(ready + timedelta(days=1 + index % 9),
                       fields.Date.from_string(DEMO_YEAR_END))
            sales.append({
                "lot": lot,
                "partner": households[index % len(households)],
                "date": fields.Date.to_string(date),
                "vouchers": index % 12 == 0,
            })
        return sorted(sales, key=lambda sale: (sale["date"], sale["lot"].name))

    @api.model
    def _defis_demo_month(self, config, sales):
        session = self.create({"config_id": config.id, "name": sales[0]["date"][:7]})
        session.action_pos_session_open()
        grid = {(row.category_id.id, row.grade_id.id): row.price
                for row in self.env["defis.price.grid"].search([])}
        orders = []
        for number, sale in enumerate(sales, 1):
            self._defis_demo_membership(sale["partner"], sale["date"])
            orders.append(session._defis_demo_ui_order(config, sale, number, grid))
        self.env["pos.order"].create_from_ui(orders)
        session.action_pos_session_closing_control()
        last = sales[-1]["date"] + " 17:00:00"
        session.write({"start_at": sales[0]["date"] + " 09:00:00", "stop_at": last})

    @api.model
    def _defis_demo_membership(self, partner, date):
        if partner.defis_is_member_on(date):
            return
        start = fields.Date.from_string(date)
        self.env["membership.membership_line"].create({
            "partner": partner.id,
            "membership_id": self.env.ref(
                "defis_network.product_membership_annual_demo").id,
            "date": date,
            "date_from": date,
            "date_to": fields.Date.to_string(start + relativedelta(years=1, days=-1)),
            "member_price": 10.0,
            "state": "paid",
        })

    def _defis_demo_ui_order(self, config, sale, number, grid):
        lot = sale["lot"]
        price = grid.get((lot.defis_category_id.id, lot.defis_grade_id.id), 0.0)
        stamp = sale["date"] + " 10:%02d:%02d" % (number // 60 % 60, number % 60)
        payments = self._defis_demo_payments(price, sale["vouchers"], lot)
        reference = "Commande %05d-%03d-%04d" % (self.id, 1, number)
        order = self._defis_ui_order(
            reference, sale["partner"], [(lot, price)], payments, stamp, self.env.user)
        order.update({"uid": reference[-14:], "sequence_number": number})
        return {"to_invoice": False, "data": order}

    def _defis_demo_payments(self, total, vouchers, lot):
        statements = {st.journal_id: st for st in self.statement_ids}
        cash = self._defis_statement("cash").journal_id
        pass_journal = [j for j in statements if j.defis_pass_numerique]
        lines = []
        value = 2 * self.config_id.defis_voucher_value
        if vouchers and pass_journal and total >= value:
            numbers = ["APTIC-%s-%d" % (lot.name, i) for i in (1, 2)]
            lines.append((pass_journal[0], value, numbers))
            total -= value
        lines.append((cash, total, []))
        return lines
