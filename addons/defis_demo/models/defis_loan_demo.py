# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The loans of the demo: 60 loans of 2018 and their outcomes."""
import logging
import time
from datetime import timedelta

from odoo import api, fields, models

from odoo.addons.defis_reuse.models.defis_loan import _shift

_logger = logging.getLogger(__name__)
# progress lines of the demo's creation (scripts/progress.py prints them)
_progress = logging.getLogger("defis.demo")


class DefisLoan(models.Model):
    _inherit = "defis.loan"

    @api.model
    def _defis_demo_loans(self, count=60, year=2018, per_day=5):
        """Demo: ``count`` loans in ``year`` of devices ready that year, to
        households without a device first, ``per_day`` on each lending day:
        most returned, one lost, two converted into sales."""
        started = time.time()
        self = self.with_context(tracking_disable=True, mail_notrack=True,
                                 mail_create_nolog=True)
        ready = self.env["stock.production.lot"].search([
            ("defis_state", "=", "ready"), ("defis_category_id.tracking", "=", "serial"),
            ("defis_state_date", ">=", "%s-01-01" % year),
            ("defis_state_date", "<=", "%s-11-30" % year),
        ], order="defis_state_date, name, id")
        # every n-th: loans spread over the year
        lots = ready[::max(len(ready) // count, 1)][:count]
        households = self._defis_demo_households()[:len(lots)]
        loans = self.browse()
        for first in range(0, len(lots), per_day):
            loans |= self._defis_demo_lending_day(
                lots[first:first + per_day], households[first:first + per_day], first)
            _progress.info("loans", extra={"done": len(loans), "total": len(lots)})
        loans._defis_demo_outcomes()
        _logger.info("Loans demo: %d loans in %.1f s", len(loans), time.time() - started)
        return loans

    @api.model
    def _defis_demo_households(self):
        """Households, those without a device first, by id."""
        households = self.env["res.partner"].search(
            [("defis_is_household", "=", True), ("defis_anonymized", "=", False)], order="id")
        equipped = self.env["stock.production.lot"].search(
            [("defis_partner_id", "!=", False)]).mapped("defis_partner_id")
        return (households - equipped) + (households & equipped)

    @api.model
    def _defis_demo_lending_day(self, lots, households, first):
        """Loans of ``lots`` to ``households``, started together two days
        after the last device was ready."""
        start = _shift(max(lots.mapped("defis_state_date")), 2)
        loans = self.browse()
        for index, (lot, partner) in enumerate(zip(lots, households), first):
            # browsed alone: no prefetching of every household at each check
            partner = partner.browse(partner.id)
            self._defis_demo_ensure_member(partner, start)
            deposit = 50.0 if index % 3 == 0 else 0.0
            loans |= self.create({
                "partner_id": partner.id, "lot_id": lot.id, "date_start": start,
                "date_due": _shift(start, 30), "deposit_amount": deposit,
                "deposit_method": ("cheque" if index % 2 else "cash") if deposit else "none",
            })
        loans.action_start()
        return loans

    def _defis_demo_outcomes(self):
        """Two converted, one lost, the others returned by lending day, a
        few deposits kept."""
        if len(self) < 3:
            return
        self[0:2]._defis_demo_convert(_shift(self[0].date_start, 21))
        self[2].action_declare_lost(date=_shift(self[2].date_due, 15))
        returned = self[3:]
        for start in sorted(set(returned.mapped("date_start"))):
            day = returned.filtered(lambda loan, start=start: loan.date_start == start)
            kept = day.filtered(lambda loan: loan.id % 7 == 0)
            date = _shift(start, 25)
            if day - kept:
                (day - kept).action_return(date=date)
            if kept:
                kept.with_context(defis_keep_deposit=True).action_return(date=date)

    def _defis_demo_convert(self, date):
        """The borrowers keep their devices: sold at the till, in a session
        of that day."""
        session = self.env["pos.session"].with_context(ir_sequence_date=date).create(
            {"config_id": self.env.ref("point_of_sale.pos_config_main").id})
        session.action_pos_session_open()
        self.action_convert_to_sale(session=session, date=date)
        session.action_pos_session_closing_control()
        session.write({"start_at": date + " 09:00:00", "stop_at": date + " 17:00:00"})

    @api.model
    def _defis_demo_ensure_member(self, partner, date):
        """One joins to borrow: a year of paid membership from ``date``."""
        if partner.defis_is_member_on(date):
            return
        product = self.env.ref("defis_demo.product_membership_annual_demo",
                               raise_if_not_found=False) or self.env["product.product"].search(
                                   [("membership", "=", True)], limit=1)
        end = fields.Date.from_string(date) + timedelta(days=364)
        self.env["membership.membership_line"].create({
            "partner": partner.id, "membership_id": product.id, "date": date,
            "date_from": date, "date_to": fields.Date.to_string(end),
            "member_price": product.list_price, "state": "paid"})
