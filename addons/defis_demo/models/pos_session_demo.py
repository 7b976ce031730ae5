# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The till's demo: the 350 sales of 2018, through the till's own server path."""
import logging
import time
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

_logger = logging.getLogger(__name__)
# progress lines of the demo's creation (scripts/progress.py prints them)
_progress = logging.getLogger("defis.demo")

DEMO_SALES = 350
DEMO_YEAR_END = "2018-12-31"


class PosSession(models.Model):
    _inherit = "pos.session"

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
        done = 0
        for month in sorted(by_month):
            self._defis_demo_month(config, by_month[month], name=month)
            done += len(by_month[month])
            _progress.info("till: sales", extra={"done": done, "total": len(sales)})
        _logger.info("defis_reuse demo: %d sales at the till in %.1f s",
                     len(sales), time.time() - started)

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
    def _defis_demo_month(self, config, sales, name=None):
        """One session of ``sales``, from the first one's day to the last
        one's, numbered on its first day (and ``name`` added)."""
        session = self.with_context(ir_sequence_date=sales[0]["date"]).create(
            dict({"config_id": config.id}, **({"name": name} if name else {})))
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
                "defis_demo.product_membership_annual_demo").id,
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
