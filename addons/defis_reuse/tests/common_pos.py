from odoo import fields

from .common import ReuseCase, open_till, receive, walk_to


class DefisPosCase(ReuseCase):
    """The till "Boutique solidaire" with an open session, ready laptops and
    a member household. Orders go through ``create_from_ui``, the server
    path of the till."""

    @classmethod
    def set_up_class_data(cls):
        result = super().set_up_class_data()
        cls.config = cls.env.ref("point_of_sale.pos_config_main")
        cls.pass_journal = cls.env.ref("defis_reuse.journal_pass_numerique")
        cls.session = open_till(cls.env)
        cls.laptop = cls.env.ref("defis_reuse.product_laptop")
        cls.grade_a = cls.env.ref("defis_reuse.device_grade_a")
        cls.grade_b = cls.env.ref("defis_reuse.device_grade_b")
        cls.ready = cls.env.ref("defis_reuse.stock_location_ready")
        cls.today = fields.Date.context_today(cls.session)
        cls.membership = cls.env["product.product"].create({
            "name": "Adhésion test", "membership": True, "list_price": 10.0})
        cls.member = cls.create_household("Famille Le Gall", member=True)
        cls.order_number = 0
        return result

    @classmethod
    def create_household(cls, name, member=False):
        partner = cls.env["res.partner"].create({"name": name, "defis_is_household": True})
        if member:
            cls.env["membership.membership_line"].create({
                "partner": partner.id, "membership_id": cls.membership.id,
                "date": "2018-01-01", "date_from": "2018-01-01", "date_to": "2099-12-31",
                "member_price": 10.0, "state": "paid"})
        return partner

    @classmethod
    def create_ready_device(cls, tag, grade=None, product=None):
        """A device received and walked through the workshop to the
        shelf the till sells from, named ``tag``."""
        category = (product or cls.laptop).defis_category_id
        lot = receive(cls.env, 1, category.code, "2018-03-01")
        lot.write({"name": tag, "defis_asset_tag": tag})
        return walk_to(lot, "ready", "2018-03-01", grade or cls.grade_a)

    def statement(self, journal):
        return self.session.statement_ids.filtered(lambda st: st.journal_id == journal)

    def ui_order(self, lots, partner=None, vouchers=None, voucher_amount=None, price=None):
        """An order as the till sends it: one line per device, paid in cash
        (and in Pass numérique vouchers when given)."""
        type(self).order_number += 1
        stamp = fields.Datetime.now()
        lines, total = [], 0.0
        for index, lot in enumerate(lots, 1):
            unit = price if price is not None else 150.0
            total += unit
            lines.append([0, 0, {
                "qty": 1, "price_unit": unit, "discount": 0, "id": index,
                "product_id": lot.product_id.id,
                # the till sends the taxes of the product
                "tax_ids": [[6, False, lot.product_id.taxes_id.ids]],
                "pack_lot_ids": [[0, 0, {"lot_name": lot.name}]], "defis_lot_id": lot.id}])
        payments = []
        rest = total
        if vouchers is not None:
            amount = voucher_amount if voucher_amount is not None else 10.0 * len(vouchers)
            payments.append([0, 0, {
                "name": stamp, "statement_id": self.statement(self.pass_journal).id,
                "journal_id": self.pass_journal.id, "amount": amount,
                "defis_vouchers": vouchers}])
            rest -= amount
        cash = self.session._defis_statement("cash").journal_id
        payments.append([0, 0, {
            "name": stamp, "statement_id": self.statement(cash).id,
            "journal_id": cash.id, "amount": rest}])
        name = "Commande %05d-001-%04d" % (self.session.id, self.order_number)
        return {"to_invoice": False, "data": {
            "name": name, "uid": name[-14:], "pos_session_id": self.session.id,
            "user_id": self.env.uid, "partner_id": partner.id if partner else False,
            "pricelist_id": self.config.pricelist_id.id, "fiscal_position_id": False,
            "sequence_number": self.order_number, "creation_date": stamp,
            "amount_paid": total, "amount_total": total, "amount_tax": 0.0,
            "amount_return": 0.0, "lines": lines, "statement_ids": payments}}

    def sell(self, lots, partner=None, **options):
        order_ids = self.env["pos.order"].create_from_ui(
            [self.ui_order(lots, partner, **options)])
        return self.env["pos.order"].browse(order_ids)
