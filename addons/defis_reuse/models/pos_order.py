# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare


class PosOrder(models.Model):
    """Sales of refurbished devices: the till checks the rules; the server
    never rejects a paid order (it may come from a till that was offline),
    it records it and flags what staff must settle."""

    _name = "pos.order"
    _inherit = ["pos.order", "mail.thread", "mail.activity.mixin"]

    defis_conflict = fields.Boolean(
        string="To settle", readonly=True, copy=False, index=True,
        help="The order broke a rule of the association (device already sold, "
             "customer not a member, vouchers) or its delivery could not be made: "
             "staff must refund, swap or deliver.")
    defis_conflict_reason = fields.Text(string="What to settle", readonly=True, copy=False)
    defis_voucher_ids = fields.One2many(
        "defis.pos.voucher", "order_id", string="Pass numérique vouchers", readonly=True)
    defis_warranty_end = fields.Date(
        string="Warranty until", compute="_compute_defis_warranty_end",
        help="End of the warranty of the devices sold (the latest one).")
    defis_referral_ids = fields.One2many(
        "defis.referral", compute="_compute_defis_referral_ids", string="Referrals",
        groups="defis_network.group_defis_user")
    defis_loan_id = fields.Many2one(
        "defis.loan", string="Converted loan", readonly=True, copy=False, index=True,
        help="The loan whose device the borrower kept: this order is its sale.")
    defis_undelivered = fields.Boolean(
        string="Devices not delivered", compute="_compute_defis_undelivered",
        help="The order has devices and no done delivery.")

    def _compute_defis_warranty_end(self):
        for order in self:
            ends = [end for end in order.lines.mapped("defis_warranty_end") if end]
            order.defis_warranty_end = max(ends) if ends else False

    def _compute_defis_undelivered(self):
        for order in self:
            order.defis_undelivered = bool(order.lines.filtered("defis_lot_id")) and \
                order.state in ("paid", "done", "invoiced") and \
                order.picking_id.state != "done"

    def _compute_defis_referral_ids(self):
        referrals = self.env["defis.referral"].search(
            [("result_ref", "in", ["pos.order,%d" % order_id for order_id in self.ids])])
        for order in self:
            order.defis_referral_ids = referrals.filtered(lambda r: r.result_ref == order)

    @api.model
    def create(self, values):
        # no creation message: cashiers sell, the chatter is for settling
        return super(PosOrder, self.with_context(
            mail_create_nolog=True, mail_create_nosubscribe=True)).create(values)

    # from the till ----------------------------------------------------------
    @api.model
    def _process_order(self, pos_order):
        order = super()._process_order(pos_order)
        order._defis_after_sync(pos_order)
        return order

    def _defis_after_sync(self, ui_order):
        """The association's rules on an order the till sent: broken ones
        flag the order (the delivery comes when it is paid)."""
        self.ensure_one()
        self.lines.sudo()._defis_resolve_lot()
        problems = self._defis_record_vouchers(ui_order.get("statement_ids") or [])
        problems += self._defis_check_member()
        problems += self._defis_check_lines()
        if problems:
            self._defis_flag(problems)

    def _defis_order_date(self):
        return fields.Date.context_today(self, fields.Datetime.from_string(self.date_order))

    def _defis_check_member(self):
        if not self.lines.filtered("defis_lot_id"):
            return []
        if not self.partner_id:
            return [_("A device was sold without a customer.")]
        if not self.partner_id.defis_is_member_on(self._defis_order_date()):
            return [_("%s was not a valid member on the day of the sale.")
                    % self.partner_id.display_name]
        return []

    def _defis_check_lines(self):
        """A device is one unit, on one line."""
        problems = []
        seen = set()
        for line in self.lines.filtered("defis_lot_id"):
            lot = line.defis_lot_id.sudo()
            if abs(line.qty) != 1 or lot.id in seen:
                problems.append(_("Device %s is on more than one unit of this order: it is "
                                  "delivered once.") % lot.name)
            seen.add(lot.id)
        return problems

    def _defis_sold_elsewhere(self, lot):
        other = self.env["pos.order.line"].sudo().search([
            ("defis_lot_id", "=", lot.id), ("order_id", "!=", self.id)],
            order="id", limit=1).order_id
        return _("Device %(device)s was already %(state)s%(order)s: refund this "
                 "sale or swap the device.") % {
            "device": lot.name, "state": lot._defis_state_label(lot.defis_state),
            "order": (" (%s)" % other.name) if other else ""}

    def _defis_record_vouchers(self, statements):
        problems = []
        Voucher = self.env["defis.pos.voucher"]
        for statement in statements:
            payment = statement[2]
            journal = self.env["account.journal"].browse(payment.get("journal_id"))
            if not journal.defis_pass_numerique:
                continue
            numbers = [Voucher._normalize(n) for n in payment.get("defis_vouchers") or []]
            numbers = [n for n in numbers if n]
            value = self.session_id.config_id.defis_voucher_value
            if float_compare(payment.get("amount") or 0.0, value * len(numbers),
                             precision_digits=2):
                problems.append(_("Pass numérique: %(amount).2f € paid with %(count)d "
                                  "voucher(s) of %(value).2f €.") % {
                    "amount": payment.get("amount") or 0.0, "count": len(numbers),
                    "value": value})
            used = Voucher.search([("number", "in", numbers)]).mapped("number")
            seen = set(used)
            for number in numbers:
                if number in seen:
                    problems.append(_("Pass numérique voucher %s was already used.") % number)
                    continue
                seen.add(number)
                Voucher.create({"number": number, "order_id": self.id, "amount": value})
        return problems

    def _defis_flag(self, problems):
        self.write({
            "defis_conflict": True,
            "defis_conflict_reason": "\n".join(filter(None, [self.defis_conflict_reason]
                                                      + problems)),
        })
        managers = self.env.ref("point_of_sale.group_pos_manager").users.filtered(
            lambda user: not user.share and user.email)
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model = self.env["ir.model"]._get(self._name)
        for user in managers:
            self.env["mail.activity"].sudo().create({
                "res_model_id": model.id,
                "res_id": self.id,
                "activity_type_id": activity_type.id,
                "user_id": user.id,
                "summary": _("Sale to settle"),
                "note": "<br/>".join(problems),
            })

    # stock: the delivery, through the reuse stock service ---------------------
    def create_picking(self):
        """Orders with devices are delivered by the reuse stock service
        (each device from where it is, with that lot); the others as Odoo
        does."""
        with_devices = self.filtered(lambda order: order.lines.filtered("defis_lot_id"))
        super(PosOrder, self - with_devices).create_picking()
        for order in with_devices:
            order._defis_deliver()
        return True

    def _defis_deliver(self):
        """Deliver the order in one transfer (and take back what it
        refunds); the devices become sold. When the delivery cannot be made,
        nothing moves, no device is marked sold and the order is flagged.
        As superuser: a cashier sells without rights on the workshop's
        devices and stock."""
        self.ensure_one()
        order = self.sudo()
        blocked = [order._defis_sold_elsewhere(lot) for lot in order._defis_lots(1)
                   if lot.defis_state not in ("ready", "lent")]
        if not blocked:
            try:
                with self.env.cr.savepoint():
                    pickings = order._defis_ship()
            except UserError as error:
                blocked = [error.name]
        if blocked:
            self._defis_flag([_("Delivery not made, the devices stay unsold:")] + blocked)
            return False
        order.write({"picking_id": pickings[:1].id})
        for line in order.lines.filtered("defis_lot_id"):
            line.defis_warranty_end = line.defis_lot_id.defis_warranty_end
        if self.partner_id and not self.defis_conflict and order._defis_lots(1):
            self._defis_link_open_referral()
        return True

    def _defis_lots(self, sign):
        lines = self.lines.filtered(lambda line: line.defis_lot_id and line.qty * sign > 0)
        return lines.mapped("defis_lot_id")

    def _defis_quantities(self, sign):
        """(product, quantity) of the other stocked lines, sold (1) or
        refunded (-1)."""
        totals = {}
        for line in self.lines.filtered(
                lambda line: not line.defis_lot_id and line.qty * sign > 0
                and line.product_id.type in ("product", "consu")):
            totals[line.product_id] = totals.get(line.product_id, 0.0) + abs(line.qty)
        return list(totals.items())

    def _defis_ship(self):
        """The sale's transfer to the customer, and the refund's back: the
        refunded devices go to the workshop, to be checked again."""
        stock = self.env["defis.device.stock"]
        date = self._defis_order_date()
        customer = self.partner_id.property_stock_customer \
            or self.picking_type_id.default_location_dest_id \
            or self.env.ref("stock.stock_location_customers")
        returns = self.picking_type_id.return_picking_type_id or self.picking_type_id
        pickings = stock.move(
            list(self._defis_lots(1)) + self._defis_quantities(1), customer,
            source=self.location_id, origin=self.name, partner=self.partner_id, date=date,
            state="sold", picking_type=self.picking_type_id, loan=self.defis_loan_id)
        pickings |= stock.move(
            self._defis_lots(-1), self.env["stock.production.lot"]._defis_location_of_state(
                "diagnosed"), origin=self.name, date=date, state="diagnosed",
            picking_type=returns)
        pickings |= stock.move(
            self._defis_quantities(-1), self.location_id, source=customer, origin=self.name,
            partner=self.partner_id, date=date, picking_type=returns)
        return pickings

    def action_defis_deliver(self):
        """Try the delivery again once what blocked it is settled."""
        for order in self.filtered("defis_undelivered"):
            if order._defis_deliver():
                order.message_post(body=_("Delivery made."))
        return True

    # referrals ------------------------------------------------------------------
    def _defis_open_referrals(self):
        return self.env["defis.referral"].sudo().search([
            ("person_id", "=", self.partner_id.id),
            ("service", "=", "equipment_purchase"),
            ("state", "in", ("new", "accepted")),
        ], order="date, id")

    def _defis_link_open_referral(self):
        referral = self._defis_open_referrals().filtered(lambda r: r.state == "accepted")[:1]
        if referral:
            referral.action_done_with(self)

    def action_defis_link_referral(self):
        for order in self:
            referral = order.partner_id and order._defis_open_referrals()[:1]
            if not referral:
                raise UserError(_("%s has no open referral for equipment.")
                                % (order.partner_id.display_name or _("This order")))
            referral.action_done_with(order)
        return True

    # views ------------------------------------------------------------------------
    def action_defis_settled(self):
        self.write({"defis_conflict": False})
        self.mapped("activity_ids").action_feedback(_("Settled"))
        return True
