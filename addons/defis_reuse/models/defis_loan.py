# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

import psycopg2

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

STATES = [
    ("draft", "Draft"),
    ("ongoing", "Ongoing"),
    ("returned", "Returned"),
    ("overdue", "Overdue"),
    ("lost", "Lost"),
    ("converted", "Converted into a sale"),
]
OPEN_STATES = ("ongoing", "overdue")
DEPOSIT_METHODS = [
    ("none", "No deposit"),
    ("cash", "Cash"),
    ("cheque", "Cheque"),
    ("transfer", "Bank transfer"),
]


def _shift(date, days):
    return fields.Date.to_string(fields.Date.from_string(date) + timedelta(days=days))


DEPOSIT_STATES = [
    ("none", "None"),
    ("held", "Held"),
    ("returned", "Returned"),
    ("kept", "Kept"),
]


class DefisLoan(models.Model):
    """A free loan of a refurbished device to a member household: a rental
    at price zero, with an optional deposit."""

    _name = "defis.loan"
    _description = "Loan"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/")
    partner_id = fields.Many2one(
        "res.partner", string="Borrower", required=True, index=True, ondelete="restrict",
        readonly=True, states={"draft": [("readonly", False)]}, track_visibility="onchange")
    lot_id = fields.Many2one(
        "stock.production.lot", string="Device", required=True, index=True,
        ondelete="restrict", readonly=True, states={"draft": [("readonly", False)]},
        domain=[("defis_state", "=", "ready")], track_visibility="onchange")
    category_id = fields.Many2one(
        related="lot_id.defis_category_id", string="Category", readonly=True, store=True)
    date_start = fields.Date(
        string="Start", required=True, default=fields.Date.context_today,
        readonly=True, states={"draft": [("readonly", False)]}, track_visibility="onchange")
    date_due = fields.Date(
        string="Due date", required=True, index=True, track_visibility="onchange",
        default=lambda self: self._default_date_due())
    date_return = fields.Date(string="Returned on", readonly=True, copy=False)
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.user.company_id.currency_id,
        required=True)
    deposit_amount = fields.Monetary(
        string="Deposit", readonly=True, states={"draft": [("readonly", False)]},
        track_visibility="onchange")
    deposit_method = fields.Selection(
        DEPOSIT_METHODS, string="Deposit given by", required=True, default="none",
        readonly=True, states={"draft": [("readonly", False)]})
    deposit_state = fields.Selection(
        DEPOSIT_STATES, string="Deposit status", required=True, default="none",
        readonly=True, copy=False, track_visibility="onchange")
    state = fields.Selection(
        STATES, string="Status", required=True, default="draft", index=True,
        readonly=True, copy=False, track_visibility="onchange")
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user,
        track_visibility="onchange")
    referral_id = fields.Many2one(
        "defis.referral", string="Referral", index=True, ondelete="set null",
        domain=[("service", "=", "equipment_loan"), ("state", "in", ("new", "accepted"))])
    note = fields.Text(string="Notes")
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.user.company_id)
    pos_order_id = fields.Many2one(
        "pos.order", string="Sale", readonly=True, copy=False,
        help="The till order of the device when the borrower kept it.")

    _sql_constraints = [
        ("date_due_after_start", "CHECK(date_due > date_start)",
         "The due date must be after the start of the loan."),
        ("deposit_positive", "CHECK(deposit_amount >= 0)",
         "The deposit cannot be negative."),
    ]

    @api.model_cr
    def init(self):
        # the database refuses a device on two ongoing loans, whatever the code
        self.env.cr.execute("""
            CREATE UNIQUE INDEX IF NOT EXISTS defis_loan_one_open_loan_per_lot
                ON defis_loan (lot_id) WHERE state IN ('ongoing', 'overdue')
        """)

    @api.model
    def _default_date_due(self):
        return fields.Date.to_string(
            fields.Date.from_string(fields.Date.context_today(self))
            + timedelta(days=self._extension_days()))

    @api.model
    def _extension_days(self):
        value = self.env["ir.config_parameter"].sudo().get_param(
            "defis_reuse.loan_extension_days", "30")
        try:
            return max(int(value), 1)
        except ValueError:
            return 30

    @api.model
    def create(self, vals):
        if vals.get("name", "/") == "/":
            # numbered in the year it starts, even when recorded later
            vals["name"] = self.env["ir.sequence"].with_context(
                ir_sequence_date=vals.get("date_start")).next_by_code("defis.loan") or "/"
        return super().create(vals)

    @api.multi
    def unlink(self):
        if any(loan.state != "draft" for loan in self):
            raise UserError(_("Only draft loans can be deleted."))
        return super().unlink()

    # constraints -------------------------------------------------------------
    @api.constrains("partner_id", "date_start")
    def _check_partner_member(self):
        for loan in self.filtered(lambda loan: loan.state == "draft"):
            if not loan.partner_id.defis_is_member_on(loan.date_start):
                raise ValidationError(_(
                    "%(name)s is not a valid member on %(date)s: only members can "
                    "borrow a device.") % {
                        "name": loan.partner_id.display_name, "date": loan.date_start})

    @api.constrains("deposit_amount", "deposit_method")
    def _check_deposit_method(self):
        for loan in self:
            if loan.deposit_amount > 0 and loan.deposit_method == "none":
                raise ValidationError(_("Say how the deposit was given (cash, cheque or "
                                        "transfer)."))

    # actions ------------------------------------------------------------------
    def _check_state(self, allowed, action):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for loan in self:
            if loan.state not in allowed:
                raise UserError(_("Loan %(name)s is %(state)s: it cannot be %(action)s.") % {
                    "name": loan.name, "state": labels[loan.state], "action": action})

    def _lock_devices(self):
        """Lock the devices' rows: a concurrent sale or loan of the same device
        fails instead of writing over this one."""
        if not self.mapped("lot_id"):
            return
        try:
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    "SELECT id FROM stock_production_lot WHERE id IN %s FOR UPDATE NOWAIT",
                    (tuple(self.mapped("lot_id").ids),))
        except (psycopg2.OperationalError, psycopg2.IntegrityError):
            raise UserError(_("Another user is lending or selling %s right now: try again "
                              "in a moment.") % ", ".join(self.mapped("lot_id.name")))
        self.mapped("lot_id").invalidate_cache(["defis_state"], self.mapped("lot_id").ids)

    def _location(self, xmlid):
        return self.env.ref("defis_reuse.stock_location_%s" % xmlid)

    def _stock(self):
        return self.env["defis.device.stock"].sudo()

    def action_start(self):
        """Lend the devices: they go to the loans location, state 'lent'
        (one transfer per start date)."""
        self._check_state(("draft",), _("started"))
        self._lock_devices()
        for loan in self:
            if loan.lot_id.defis_state != "ready":
                raise UserError(_("%s is not ready to be lent.") % loan.lot_id.name)
            loan._check_partner_member()
            try:
                with self.env.cr.savepoint():
                    loan.write({"state": "ongoing",
                                "deposit_state": "held" if loan.deposit_amount else "none"})
            except (psycopg2.IntegrityError, psycopg2.OperationalError):
                raise UserError(_("%s is already on an ongoing loan.") % loan.lot_id.name)
        for date in sorted(set(self.mapped("date_start"))):
            loans = self.filtered(lambda loan, date=date: loan.date_start == date)
            loans._stock().move(
                loans.mapped("lot_id").sudo(), self._location("loan"),
                origin=", ".join(loans.mapped("name")), date=date, state="lent",
                partner={loan.lot_id.id: loan.partner_id for loan in loans})
        for loan in self:
            if loan.referral_id.state in ("new", "accepted"):
                loan.referral_id.action_done_with(loan)
        return True

    def action_return(self, date=None):
        """The devices come back to the workshop (erased and checked again
        before another household gets them); the deposit is returned, or
        kept with the context key ``defis_keep_deposit``."""
        self._check_state(OPEN_STATES, _("returned"))
        keep = self.env.context.get("defis_keep_deposit")
        date = date or fields.Date.context_today(self)
        self._lock_devices()
        self._stock().move(
            self.mapped("lot_id").sudo(), self._location("workshop"),
            origin=", ".join(self.mapped("name")), date=date, state="diagnosed")
        for loan in self:
            loan.write({
                "state": "returned",
                "date_return": date,
                "deposit_state": loan._deposit_outcome("kept" if keep else "returned"),
            })
        return True

    def action_return_keep_deposit(self):
        return self.with_context(defis_keep_deposit=True).action_return()

    def _deposit_outcome(self, outcome):
        return outcome if self.deposit_state == "held" else self.deposit_state

    def action_extend(self):
        """One more period (parameter ``defis_reuse.loan_extension_days``)."""
        self._check_state(OPEN_STATES, _("extended"))
        days = self._extension_days()
        today = fields.Date.context_today(self)
        for loan in self:
            due = fields.Date.to_string(
                fields.Date.from_string(loan.date_due) + timedelta(days=days))
            loan.write({"date_due": due,
                        "state": "ongoing" if due >= today else loan.state})
            loan.message_post(body=_("Loan extended by %(days)s days: due on %(date)s.") % {
                "days": days, "date": due})
        return True

    # conversion into a sale ---------------------------------------------------
    def action_convert_to_sale(self, session=None, journal=None, date=None):
        """The borrower keeps the device: it is sold to them at the price
        grid by an order of the open till session (``session``), so the sale
        is in its takings and accounts. The deposit held counts as part
        payment; the rest is paid in ``journal`` (the session's cash by
        default)."""
        self._check_state(OPEN_STATES, _("converted into a sale"))
        self._lock_devices()
        date = date or fields.Date.context_today(self)
        for loan in self:
            order, deposit = loan._sell_at_till(session or loan._open_session(), journal, date)
            loan.write({"state": "converted", "date_return": date, "pos_order_id": order.id,
                        "deposit_state": loan._deposit_outcome("kept")})
            loan.message_post(body=loan._conversion_message(order, deposit))
        return True

    def _open_session(self):
        session = self.env["pos.session"].sudo().search(
            [("state", "=", "opened")], order="start_at desc, id desc", limit=1)
        if not session:
            raise UserError(_("Open a session of the till first: the sale of the device "
                              "is recorded in its takings."))
        return session

    def _price(self):
        return self.env["defis.price.grid"].sudo().price_for(
            self.lot_id.defis_category_id, self.lot_id.defis_grade_id)

    def _deposit_paid(self, price):
        """The part of the deposit held that pays the device."""
        return min(self.deposit_amount, price) if self.deposit_state == "held" else 0.0

    def _sell_at_till(self, session, journal, date):
        """The till order of the device, through the till's own server path
        (the association's rules, then the delivery by the stock service);
        returns it and the part of the deposit it counts."""
        session = session.sudo()
        price = self._price()
        deposit = self._deposit_paid(price)
        payments = []
        if deposit:
            payments.append((session._defis_statement("deposit").journal_id, deposit))
        if price - deposit > 0:
            payments.append((journal or session._defis_statement("cash").journal_id,
                             price - deposit))
        Order = self.env["pos.order"].sudo()
        order = Order._process_order(session._defis_ui_order(
            _("Loan %s") % self.name, self.partner_id, [(self.lot_id.sudo(), price)],
            payments, "%s 12:00:00" % date, self.env.user))
        order.defis_loan_id = self
        order.action_pos_order_paid()
        if order.defis_undelivered:
            raise UserError(order.defis_conflict_reason)
        return order, deposit

    def _conversion_message(self, order, paid):
        price = order.amount_total
        return _("Loan converted into a sale at %(price).2f (price grid), order %(order)s; "
                 "deposit kept as part payment: %(deposit).2f; paid at the till: "
                 "%(due).2f.") % {
                     "price": price, "order": order.name, "deposit": paid,
                     "due": price - paid}

    def action_declare_lost(self, date=None):
        """The device will not come back: it leaves the stock for the
        inventory loss location (state 'lost'), the deposit held is kept."""
        self._check_state(OPEN_STATES, _("declared lost"))
        self._lock_devices()
        date = date or fields.Date.context_today(self)
        for loan in self:
            loan._stock().move(
                loan.lot_id.sudo(), self.env.ref("stock.location_inventory"),
                origin=loan.name, partner=loan.partner_id, date=date, state="lost")
            loan.write({"state": "lost", "date_return": date,
                        "deposit_state": loan._deposit_outcome("kept")})
        return True

    # overdue ------------------------------------------------------------------
    @api.model
    def _cron_defis_flag_overdue(self):
        """Daily: ongoing loans past their due date become overdue, and staff
        get one to-do activity per loan to call the borrower back."""
        loans = self.search([("state", "=", "ongoing"),
                             ("date_due", "<", fields.Date.context_today(self))])
        loans.write({"state": "overdue"})
        loans._schedule_overdue_activity()
        return loans

    def _schedule_overdue_activity(self):
        todo = self.env.ref("mail.mail_activity_data_todo")
        model = self.env["ir.model"]._get(self._name)
        fallback = self._overdue_fallback_user()
        for loan in self:
            if loan.activity_ids.filtered(lambda act: act.activity_type_id == todo):
                continue
            self.env["mail.activity"].create({
                "res_model_id": model.id,
                "res_id": loan.id,
                "activity_type_id": todo.id,
                "summary": _("Overdue loan: call the borrower back"),
                "date_deadline": fields.Date.context_today(self),
                "user_id": (loan.user_id or fallback).id,
            })

    @api.model
    def _overdue_fallback_user(self):
        return self.env.ref("defis_network.group_defis_manager").users.sorted("id")[:1]
