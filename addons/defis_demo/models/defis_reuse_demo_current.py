# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The living year of the workshop, the loans and the till: intakes of the
last weeks with their devices at each state of the workshop, loans started
lately (due in the coming weeks, two overdue), a till session of the last
opening day. Everything goes through the add-ons' own methods."""
import logging
from datetime import timedelta

from odoo import api, fields, models

# progress lines of the demo's creation (scripts/progress.py prints them)
_progress = logging.getLogger("defis.demo")

# (donor, days before today, serial devices by category; None: left draft)
INTAKES = [
    ("lorient_agglo", 60, {"desktop": 10, "laptop": 8, "monitor": 4}),
    ("caf", 21, {"desktop": 6, "laptop": 6, "monitor": 2, "tablet": 1}),
    ("person_le_goff", 6, {"laptop": 2, "monitor": 1}),
    ("lanester_town", 0, None),
]
# what the workshop made of the devices of the second intake, by rank
WORKSHOP = ["ready", "ready", "refurbished", "refurbished", "erased", "erased",
            "diagnosed", "diagnosed", "parts", "recycled"]
# loans: (days before today of the start, loan length in days, returned
# days before today or None)
LOANS = [(45, 30, None), (45, 30, None), (40, 30, 12), (26, 30, None), (26, 30, None),
         (16, 30, None), (16, 30, None), (5, 30, None), (5, 30, None)]
SALES_OF_THE_WEEK = 5
# intakes of the living year get serial numbers after those of 2018's 40
FIRST_INDEX = 100


class DefisReuseDemo(models.AbstractModel):
    _name = "defis.reuse.demo"
    _description = "Demo of the workshop, loans and till of the current year"

    @api.model
    def load_current_year(self):
        self = self.with_context(tracking_disable=True, mail_create_nolog=True,
                                 mail_notrack=True, lang="fr_FR")
        today = fields.Date.from_string(fields.Date.context_today(self))
        ready = self._demo_intakes(today)
        households = self._demo_households()
        loans = self._demo_loans(today, ready[:len(LOANS)], households)
        sales = ready[len(LOANS):len(LOANS) + SALES_OF_THE_WEEK]
        self._demo_sales_of_the_week(today, sales, households[len(LOANS):])
        return loans

    @api.model
    def _demo_intakes(self, today):
        """The intakes, walked through the workshop: the first one's devices
        all ready, the second one's at each state, the third one's just
        received; the last intake is a draft. Returns the ready devices."""
        Intake = self.env["defis.intake"]
        ready = self.env["stock.production.lot"]
        for index, (donor, days, counts) in enumerate(INTAKES, FIRST_INDEX):
            _progress.info("workshop: the intakes of the last weeks",
                           extra={"done": index - FIRST_INDEX, "total": len(INTAKES)})
            date = _date(today, -days)
            partner = self.env.ref("defis_demo.donor_%s_demo" % donor)
            intake = Intake._defis_demo_intake_of(partner, date, counts or {"desktop": 2}, index)
            if counts is None:
                continue
            intake.action_validate()
            lots = intake.mapped("line_ids.lot_ids").sorted("name")
            if index == FIRST_INDEX:
                Intake._defis_demo_route(date, {"ready": lots})
                ready = lots
            elif days > 10:
                Intake._defis_demo_route(date, self._demo_workshop_groups(lots))
        return ready.filtered(lambda lot: lot.defis_category_id.code in ("desktop", "laptop"))

    @api.model
    def _demo_workshop_groups(self, lots):
        groups = {}
        for rank, lot in enumerate(lots):
            state = WORKSHOP[rank % len(WORKSHOP)]
            groups[state] = groups.get(state, lots.browse()) | lot
        return groups

    @api.model
    def _demo_households(self):
        """Households already equipped in 2018 (they come back), by id."""
        return self.env["stock.production.lot"].search(
            [("defis_partner_id.defis_is_household", "=", True)], order="id"
        ).mapped("defis_partner_id").filtered(lambda partner: not partner.defis_anonymized)

    @api.model
    def _demo_loans(self, today, lots, households):
        Loan = self.env["defis.loan"]
        loans = Loan.browse()
        for index, (lot, partner, (start_days, length, returned)) in enumerate(
                zip(lots, households, LOANS)):
            start = _date(today, -start_days)
            Loan._defis_demo_ensure_member(partner, start)
            deposit = 50.0 if index % 3 == 0 else 0.0
            loan = Loan.create({
                "partner_id": partner.id, "lot_id": lot.id, "date_start": start,
                "date_due": _date(today, length - start_days), "deposit_amount": deposit,
                "deposit_method": "cheque" if deposit else "none"})
            loan.action_start()
            if returned is not None:
                loan.action_return(date=_date(today, -returned))
            loans |= loan
        Loan._cron_defis_flag_overdue()
        return loans

    @api.model
    def _demo_sales_of_the_week(self, today, lots, households):
        """The devices sold in the till's session of the last opening day
        (Monday to Saturday) before today."""
        day = fields.Date.from_string(_date(today, -1))
        while day.weekday() == 6:
            day -= timedelta(days=1)
        date = fields.Date.to_string(day)
        sales = [{"lot": lot, "partner": partner, "date": date, "vouchers": index == 0}
                 for index, (lot, partner) in enumerate(zip(lots, households))]
        self.env["pos.session"]._defis_demo_month(
            self.env.ref("point_of_sale.pos_config_main"), sales)


def _date(today, days):
    return fields.Date.to_string(today + timedelta(days=days))
