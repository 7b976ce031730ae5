from dateutil.relativedelta import relativedelta

from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tools import mute_logger

from .common_pos import DefisPosCase


class TestPosSale(DefisPosCase):

    def test_till_loads_ready_devices_at_grid_price(self):
        sold_b = self.create_ready_device("DEF-T-0002", grade=self.grade_b)
        ready_a = self.create_ready_device("DEF-T-0001")
        workshop = self.create_ready_device("DEF-T-0003")
        workshop.defis_state = "diagnosed"
        devices = self.config.with_context(lang="fr_FR").defis_pos_devices()
        by_id = {device["id"]: device for device in devices}
        self.assertNotIn(workshop.id, by_id)
        self.assertEqual(by_id[ready_a.id]["price"], 150.0)
        self.assertEqual(by_id[sold_b.id]["price"], 100.0)
        self.assertEqual(by_id[ready_a.id]["label"],
                         "Ordinateur portable reconditionné – grade A")
        self.assertEqual(by_id[ready_a.id]["asset_tag"], "DEF-T-0001")

    def test_grid_price_is_the_total_paid(self):
        """A 150 € device costs 150 € at the till: its product carries no tax
        added on top of the grid price."""
        lot = self.create_ready_device("DEF-T-0150")
        device = [d for d in self.config.defis_pos_devices() if d["id"] == lot.id][0]
        self.assertEqual(device["price"], 150.0)
        order = self.sell(lot, self.member, price=device["price"])
        self.assertEqual((order.amount_total, order.amount_tax), (150.0, 0.0))
        self.assertEqual(order.amount_paid, 150.0)
        for category in self.env["defis.device.category"].search([]):
            self.assertFalse(category.product_id.taxes_id, category.name)
        self.assertEqual((self.laptop.defis_price_min, self.laptop.defis_price_max),
                         (self.env["defis.price.grid"].search(
                             [("category_id.product_id", "=", self.laptop.id)],
                             order="price").mapped("price")[0], 150.0))

    def test_no_tax_added_on_top_of_a_grid_price(self):
        vat = self.env["account.tax"].create({
            "name": "TVA 20 % (test)", "amount": 20.0, "type_tax_use": "sale"})
        with self.assertRaisesRegex(ValidationError, "261-7-1° b"):
            self.laptop.taxes_id = vat
        vat.price_include = True
        self.laptop.taxes_id = vat  # included in the price: the total stays the grid's

    def test_loading_devices_does_not_query_per_device(self):
        self.create_ready_device("DEF-T-0011")
        self.config.defis_pos_devices()
        self.env.cache.invalidate()
        before = self.cr.sql_log_count
        self.config.defis_pos_devices()
        few = self.cr.sql_log_count - before
        for number in range(12, 22):
            self.create_ready_device("DEF-T-%04d" % number)
        self.env.cache.invalidate()
        before = self.cr.sql_log_count
        self.assertGreaterEqual(len(self.config.defis_pos_devices()), 11)
        self.assertLessEqual(self.cr.sql_log_count - before, few + 2)

    def test_sale_marks_the_device_sold_with_its_warranty(self):
        lot = self.create_ready_device("DEF-T-0101")
        order = self.sell(lot, self.member)
        self.assertFalse(order.defis_conflict)
        self.assertEqual(order.state, "paid")
        self.assertEqual(lot.defis_state, "sold")
        self.assertEqual(lot.defis_partner_id, self.member)
        warranty = fields.Date.to_string(
            fields.Date.from_string(self.today) + relativedelta(months=6))
        self.assertEqual(lot.defis_warranty_end, warranty)
        self.assertEqual(order.lines.defis_warranty_end, warranty)
        self.assertEqual(order.defis_warranty_end, warranty)
        self.assertEqual(order.picking_id.state, "done")
        quant = self.env["stock.quant"].search([("lot_id", "=", lot.id), ("quantity", ">", 0)])
        self.assertEqual(quant.location_id.usage, "customer")
        self.assertFalse(self.env["stock.quant"].search(
            [("lot_id", "=", lot.id), ("quantity", "<", 0)]))

    def test_member_until_for_the_till(self):
        stranger = self.create_household("Famille Morvan")
        self.assertEqual(self.member.defis_member_until, "2099-12-31")
        self.assertFalse(stranger.defis_member_until)

    def test_sale_to_a_non_member_is_kept_and_flagged(self):
        lot = self.create_ready_device("DEF-T-0201")
        stranger = self.create_household("Famille Morvan")
        order = self.sell(lot, stranger)
        self.assertTrue(order.defis_conflict)
        self.assertIn("Famille Morvan", order.defis_conflict_reason)
        self.assertEqual(order.state, "paid")
        self.assertTrue(order.activity_ids)
        no_customer = self.sell(self.create_ready_device("DEF-T-0202"))
        self.assertTrue(no_customer.defis_conflict)
        flagged = self.env["pos.order"].search([("defis_conflict", "=", True)])
        self.assertEqual(flagged & (order | no_customer), order | no_customer)

    def test_same_device_sold_twice_offline(self):
        lot = self.create_ready_device("DEF-T-0301")
        other = self.create_household("Famille Riou", member=True)
        first = self.sell(lot, self.member)
        second = self.sell(lot, other)
        self.assertFalse(first.defis_conflict)
        self.assertTrue(second.defis_conflict)
        self.assertIn("DEF-T-0301", second.defis_conflict_reason)
        self.assertEqual(second.lines.defis_lot_id, lot)
        self.assertEqual(second.lines.pack_lot_ids.lot_name, "DEF-T-0301")
        self.assertEqual(lot.defis_state, "sold")
        self.assertEqual(lot.defis_partner_id, self.member)
        self.assertEqual(first.picking_id.state, "done")
        self.assertNotEqual(second.picking_id.state, "done")
        self.assertFalse(second.picking_id.move_lines.mapped("move_line_ids"))
        self.assertTrue(second.activity_ids)
        second.action_defis_settled()
        self.assertFalse(second.defis_conflict)
        self.assertFalse(second.activity_ids)

    def test_same_device_twice_in_one_order(self):
        lot = self.create_ready_device("DEF-T-0302")
        order = self.sell([lot, lot], self.member)
        self.assertTrue(order.defis_conflict)
        self.assertEqual(lot.defis_state, "sold")


class TestPassNumerique(DefisPosCase):

    def test_vouchers_recorded_with_the_order(self):
        order = self.sell(self.create_ready_device("DEF-T-0401"), self.member,
                          vouchers=["A-0001", " a-0002 "])
        self.assertFalse(order.defis_conflict)
        self.assertEqual(sorted(order.defis_voucher_ids.mapped("number")), ["A-0001", "A-0002"])
        self.assertEqual(sum(order.defis_voucher_ids.mapped("amount")), 20.0)

    def test_amount_must_be_ten_per_voucher(self):
        order = self.sell(self.create_ready_device("DEF-T-0402"), self.member,
                          vouchers=["B-0001"], voucher_amount=15.0)
        self.assertTrue(order.defis_conflict)
        self.assertIn("Pass numérique", order.defis_conflict_reason)

    def test_voucher_used_once_ever(self):
        self.sell(self.create_ready_device("DEF-T-0403"), self.member, vouchers=["C-0001"])
        again = self.sell(self.create_ready_device("DEF-T-0404"), self.member,
                          vouchers=["C-0001"])
        self.assertTrue(again.defis_conflict)
        self.assertIn("C-0001", again.defis_conflict_reason)
        self.assertFalse(again.defis_voucher_ids)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            self.env["defis.pos.voucher"].create({"number": "C-0001", "order_id": again.id})

    def test_voucher_is_worth_ten_euros(self):
        order = self.sell(self.create_ready_device("DEF-T-0405"), self.member)
        with self.assertRaises(ValidationError):
            self.env["defis.pos.voucher"].create(
                {"number": "D-0001", "order_id": order.id, "amount": 20.0})


class TestPosReferral(DefisPosCase):

    @classmethod
    def set_up_class_data(cls):
        result = super().set_up_class_data()
        cls.structure = cls.create_structure("CCAS de Lanester")
        return result

    def referral(self, person, state="accepted"):
        referral = self.env["defis.referral"].create({
            "structure_id": self.structure.id, "person_id": person.id,
            "service": "equipment_purchase"})
        if state == "accepted":
            referral.action_accept()
        return referral

    def test_accepted_referral_done_with_the_sale(self):
        referral = self.referral(self.member)
        order = self.sell(self.create_ready_device("DEF-T-0501"), self.member)
        self.assertEqual(referral.state, "done")
        self.assertEqual(referral.result_ref, order)
        self.assertEqual(order.defis_referral_ids, referral)

    def test_link_button(self):
        referral = self.referral(self.member, state="new")
        order = self.sell(self.create_ready_device("DEF-T-0502"), self.member)
        self.assertEqual(referral.state, "new")
        order.action_defis_link_referral()
        self.assertEqual(referral.state, "done")
        self.assertEqual(referral.result_ref, order)
        with self.assertRaises(UserError):
            order.action_defis_link_referral()
