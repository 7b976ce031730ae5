# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import ReuseCase


class TestDeviceWorkshop(ReuseCase):

    @classmethod
    def set_up_reuse_data(cls):
        cls.lots = cls.receive_devices(4)
        cls.lot = cls.lots[0]
        cls.household = cls.env["res.partner"].create(
            {"name": "Famille Le Goff", "defis_is_household": True})

    def test_walk_to_ready_and_sold(self):
        lot = self.lot.sudo(self.technician)
        lot.action_defis_refurbish()
        self.assertEqual(lot.defis_state, "diagnosed")
        self.assertEqual(lot.defis_location_id, self.loc_workshop)
        self.assertEqual(len(lot.defis_check_ids), len(self.cat_laptop.checklist_item_ids))
        self.erase(lot)
        self.assertEqual(lot.defis_state, "erased")
        lot.action_defis_set_refurbished()
        self.do_checks(lot)
        self.assertEqual(lot.defis_check_ids[0].user_id, self.technician)
        lot.defis_grade_id = self.grade_a
        lot.action_defis_set_ready()
        self.assertEqual(lot.defis_state, "ready")
        self.assertEqual(self.stock_at(lot, self.loc_ready), 1)
        self.assertEqual(self.stock_at(lot, self.loc_workshop), 0)
        # a sale is not the workshop's: it names the household
        with self.assertRaises(AccessError), self.cr.savepoint():
            lot.action_defis_mark_sold(self.household, "2018-05-31")
        lot = self.lot.sudo(self.manager)
        lot.action_defis_mark_sold(self.household, "2018-05-31")
        self.assertEqual(lot.defis_state, "sold")
        self.assertEqual(lot.defis_partner_id, self.household)
        self.assertEqual(lot.defis_warranty_end, "2018-11-30")
        self.assertEqual(lot.defis_sale_date, "2018-05-31")
        self.assertFalse(lot.defis_erasure_id)  # to erase again if it comes back

    def test_transfer_is_a_done_picking(self):
        lots = self.lots[:2]
        product = self.cat_laptop.product_id.with_context(location=self.loc_workshop.id)
        before = product.qty_available
        lots.action_defis_refurbish()
        lines = self.env["stock.move.line"].search(
            [("lot_id", "in", lots.ids), ("location_dest_id", "=", self.loc_workshop.id)])
        self.assertEqual(len(lines), 2)
        self.assertEqual(lines.mapped("picking_id").state, "done")
        self.assertEqual(lines.mapped("move_id").state, "done")
        self.assertEqual(lines.mapped("move_id").quantity_done, 2)
        for lot in lots:
            self.assertEqual(self.stock_at(lot, self.loc_intake), 0)
            self.assertEqual(self.stock_at(lot, self.loc_workshop), 1)
        product.invalidate_cache()
        self.assertEqual(product.qty_available, before + 2)

    def test_transfer_of_a_reserved_device_goes_through_stock(self):
        lot = self.lots[3]
        self.env["stock.quant"]._update_reserved_quantity(
            lot.product_id, self.loc_intake, 1, lot_id=lot)
        self.assertFalse(lot._defis_single_quants(self.loc_intake, self.loc_workshop))
        lot.action_defis_refurbish()
        self.assertEqual(self.stock_at(lot, self.loc_workshop), 1)
        self.assertEqual(self.stock_at(lot, self.loc_intake), 0)

    def test_transitions_refused(self):
        lot = self.lot
        for state in ("erased", "refurbished", "ready", "sold", "lent"):
            with self.assertRaisesRegex(UserError, "ne peut pas passer"):
                lot._defis_transition(state)
        with self.assertRaisesRegex(UserError, "seul un appareil prêt"):
            lot.action_defis_mark_sold(self.household)
        lot.action_defis_recycle()
        self.assertEqual(lot.defis_location_id, self.loc_recycling)
        with self.assertRaises(UserError):
            lot.action_defis_refurbish()
        self.assertEqual(lot.defis_state, "recycled")

    def test_parts_then_recycled(self):
        lot = self.lots[1]
        lot.action_defis_parts()
        self.assertEqual(lot.defis_location_id, self.loc_parts)
        lot.action_defis_recycle()
        self.assertEqual(
            (lot.defis_state, lot.defis_location_id), ("recycled", self.loc_recycling))

    def test_refurbished_needs_erasure(self):
        lot = self.lots[2]
        lot.action_defis_refurbish()
        with self.assertRaisesRegex(UserError, "ne peut pas passer"):
            lot._defis_transition("refurbished")
        with self.assertRaisesRegex(ValidationError, "2022"), self.cr.savepoint():
            lot.write({"defis_state": "refurbished"})
        lot.invalidate_cache()
        self.erase(lot, result="failure")
        self.assertEqual(lot.defis_state, "diagnosed")
        self.assertFalse(lot.defis_erasure_id)
        self.erase(lot)
        lot._defis_transition("refurbished")
        self.assertEqual(lot.defis_state, "refurbished")

    def test_erasure_batch(self):
        lots = self.lots[:3]
        lots.action_defis_refurbish()
        lots[2]._defis_transition("recycled")
        with self.assertRaisesRegex(ValidationError, lots[2].name):
            self.erase_batch(lots)
        self.assertFalse(lots.mapped("defis_erasure_ids"))
        erasures = self.erase_batch(lots[:2])
        self.assertEqual(erasures.mapped("lot_id"), lots[:2])
        self.assertEqual(erasures.mapped("user_id"), self.env.user)
        for lot in lots[:2]:
            self.assertEqual(lot.defis_state, "erased")
            self.assertEqual(lot.defis_state_date, "2018-03-20")
            self.assertEqual(lot.defis_erasure_id, lot.defis_erasure_ids)
        self.assertEqual(len(lots[0].defis_check_ids), len(self.cat_laptop.checklist_item_ids))

    def test_erasure_only_in_workshop(self):
        with self.assertRaisesRegex(ValidationError, "seul un appareil diagnostiqué"):
            self.erase(self.lots[3])
        self.assertFalse(self.lots[3].defis_erasure_ids)

    def test_ready_needs_checks_and_grade(self):
        lot = self.lots[3]
        lot.action_defis_refurbish()
        self.erase(lot)
        lot._defis_transition("refurbished")
        lot.defis_check_ids[1:].write({"done": True})
        lot.defis_grade_id = self.grade_b
        with self.assertRaisesRegex(UserError, lot.defis_check_ids[0].name):
            lot.action_defis_set_ready()
        self.assertEqual(lot.defis_location_id, self.loc_workshop)
        lot.defis_check_ids[0].done = True
        lot.defis_grade_id = False
        with self.assertRaisesRegex(UserError, "grade"):
            lot.action_defis_set_ready()
        lot.defis_grade_id = self.grade_b
        lot.action_defis_set_ready()
        self.assertEqual(lot.defis_state, "ready")

    def test_returned_device_is_erased_and_checked_again(self):
        lot = self.make_ready(self.lots[2])
        lot.action_defis_mark_sold(self.household, "2018-06-01")
        # the sale's picking moves the device out; simulate the customer return here
        lot._defis_move_to(self.loc_workshop, "diagnosed")
        self.assertFalse(lot.defis_erasure_id)
        self.assertFalse(lot.defis_check_ids.filtered("done"))
        with self.assertRaises(UserError):
            lot._defis_transition("refurbished")

    def test_erasure_cannot_be_rewritten(self):
        self.lot.action_defis_refurbish()
        self.erase(self.lot)
        with self.assertRaises(UserError):
            self.lot.defis_erasure_ids.write({"result": "failure"})
        with self.assertRaises(AccessError):
            self.lot.defis_erasure_ids.sudo(self.technician).unlink()

    def test_history_and_moves(self):
        lot = self.lot
        lot.with_context(lang="fr_FR").action_defis_refurbish()
        tracked = lot.message_ids.mapped("tracking_value_ids").filtered(
            lambda value: value.field == "defis_state")
        self.assertEqual(tracked[:1].new_value_char, "Diagnostiqué")
        self.assertIn("Atelier", " ".join(lot.message_ids.mapped("body")))
        action = lot.action_defis_open_moves()
        lines = self.env["stock.move.line"].search(action["domain"])
        self.assertEqual(
            lines.mapped("location_dest_id"), self.loc_intake | self.loc_workshop)

    def test_price_grid(self):
        Grid = self.env["defis.price.grid"]
        self.assertEqual(Grid.price_for(self.cat_laptop, self.grade_a), 150.0)
        self.assertEqual(Grid.price_for(self.cat_printer, self.grade_a), 0.0)
        with self.assertRaises(AccessError):
            Grid.sudo(self.technician).search([], limit=1).price = 1.0
        line = Grid.sudo(self.manager).search([
            ("category_id", "=", self.cat_laptop.id), ("grade_id", "=", self.grade_a.id)])
        line.price = 140
        self.assertEqual(Grid.price_for(self.cat_laptop, self.grade_a), 140.0)
