# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from .defis_pos_voucher import VOUCHER_VALUE


class PosOrder(models.Model):
    """Sales of refurbished devices: the till checks the rules; the server
    never rejects a paid order (it may come from a till that was offline),
    it records it and flags what staff must settle."""

    _name = "pos.order"
    _inherit = ["pos.order", "mail.thread", "mail.activity.mixin"]

    defis_conflict = fields.Boolean(
        string="To settle", readonly=True, copy=False, index=True,
        help="The order broke a rule of the association (device already sold, "
             "customer not a member, vouchers): staff must refund or swap.")
    defis_conflict_reason = fields.Text(string="What to settle", readonly=True, copy=False)
    defis_voucher_ids = fields.One2many(
        "defis.pos.voucher", "order_id", string="Pass numérique vouchers", readonly=True)
    defis_warranty_end = fields.Date(
        string="Warranty until", compute="_compute_defis_warranty_end",
        help="End of the warranty of the devices sold (the latest one).")
    defis_referral_ids = fields.One2many(
        "defis.referral", compute="_compute_defis_referral_ids", string="Referrals",
        groups="defis_network.group_defis_user")

    def _compute_defis_warranty_end(self):
        for order in self:
            ends = [end for end in order.lines.mapped("defis_warranty_end") if end]
            order.defis_warranty_end = max(ends) if ends else False

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
        self.ensure_one()
        self.lines.sudo()._defis_resolve_lot()
        problems = self._defis_record_vouchers(ui_order.get("statement_ids") or [])
        problems += self._defis_check_member()
        problems += self._defis_sell_devices()
        if problems:
            self._defis_flag(problems)
        elif self.partner_id and self.lines.filtered("defis_lot_id"):
            self._defis_link_open_referral()

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

    def _defis_sell_devices(self):
        problems = []
        date = self._defis_order_date()
        # sudo: cashiers sell devices without access to the workshop's records
        for line in self.lines.filtered("defis_lot_id"):
            lot = line.defis_lot_id.sudo()
            lot._defis_lock()
            if lot.defis_state not in ("ready", "lent"):
                problems.append(self._defis_sold_elsewhere(lot))
                continue
            try:
                with self.env.cr.savepoint():
                    lot.action_defis_mark_sold(self.partner_id, date)
            except UserError as error:
                problems.append(_("Device %(device)s: %(error)s") % {
                    "device": lot.name, "error": error.name})
                continue
            line.defis_warranty_end = lot.defis_warranty_end
        return problems

    def _defis_sold_elsewhere(self, lot):
        other = self.env["pos.order.line"].sudo().search([
            ("defis_lot_id", "=", lot.id), ("order_id", "!=", self.id)],
            order="id", limit=1).order_id
        state = dict(lot._fields["defis_state"]._description_selection(self.env))
        return _("Device %(device)s was already %(state)s%(order)s: refund this "
                 "sale or swap the device; its delivery is left open.") % {
            "device": lot.name, "state": state.get(lot.defis_state, lot.defis_state),
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
            if float_compare(payment.get("amount") or 0.0, VOUCHER_VALUE * len(numbers),
                             precision_digits=2):
                problems.append(_("Pass numérique: %(amount).2f € paid with %(count)d "
                                  "voucher(s) of 10 €.") % {
                    "amount": payment.get("amount") or 0.0, "count": len(numbers)})
            used = Voucher.search([("number", "in", numbers)]).mapped("number")
            seen = set(used)
            for number in numbers:
                if number in seen:
                    problems.append(_("Pass numérique voucher %s was already used.") % number)
                    continue
                seen.add(number)
                Voucher.create({"number": number, "order_id": self.id})
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

    # stock --------------------------------------------------------------------
    def set_pack_operation_lot(self, picking=None):
        """Each device leaves from where it really is (a child location of
        the till's); a device no longer in stock (sold by another till) is
        left out: the picking stays open for the manager."""
        has_wrong_lots = super().set_pack_operation_lot(picking)
        for order in self:
            done_picking = picking or order.picking_id
            lots = order.lines.mapped("defis_lot_id")
            move_lines = done_picking.move_lines.mapped("move_line_ids")
            for line in move_lines.filtered(lambda l: l.lot_id in lots and l.qty_done):
                quant = self.env["stock.quant"].sudo().search([
                    ("lot_id", "=", line.lot_id.id), ("quantity", ">", 0),
                    ("location_id", "child_of", line.location_id.id)], limit=1)
                if quant:
                    line.location_id = quant.location_id
                    continue
                move = line.move_id.sudo()
                line.sudo().unlink()
                move._do_unreserve()
                has_wrong_lots = True
        return has_wrong_lots

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
