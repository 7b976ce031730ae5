# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import ReuseCase, sell_device


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
        sell_device(lot, self.household, "2018-05-31")
        # a sold device names its household: it is no longer the workshop's to read
        with self.assertRaises(AccessError):
            lot.read(["defis_partner_id"])
        lot = self.lot.sudo(self.manager)
        self.assertEqual(lot.defis_state, "sold")
        self.assertEqual(lot._defis_current_locations()[lot.id],
                         self.env.ref("stock.stock_location_customers"))
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

    def test_devices_moved_together_make_one_transfer(self):
        """One picking per operation, whatever the devices' sources."""
        self.lots[0].action_defis_refurbish()
        pickings = self.env["stock.picking"].search_count([])
        (self.lots[0] | self.lots[1]).action_defis_recycle()
        self.assertEqual(self.env["stock.picking"].search_count([]), pickings + 1)
        lines = self.env["stock.move.line"].search(
            [("lot_id", "in", self.lots[:2].ids), ("location_dest_id", "=", self.loc_recycling.id)])
        self.assertEqual(lines.mapped("location_id"), self.loc_workshop | self.loc_intake)
        self.assertEqual(len(lines.mapped("picking_id")), 1)

    def test_transfer_of_a_reserved_device_goes_through_stock(self):
        """A device another transfer reserved is moved, and that transfer's
        reservation given up (the stock engine's own rule)."""
        lot = self.lots[3]
        other = self.env["stock.picking"].create({
            "picking_type_id": self.env.ref("stock.picking_type_internal").id,
            "location_id": self.loc_intake.id, "location_dest_id": self.loc_ready.id,
            "move_lines": [(0, 0, {"name": "réservation", "product_id": lot.product_id.id,
                                   "product_uom": lot.product_id.uom_id.id,
                                   "product_uom_qty": 1.0, "location_id": self.loc_intake.id,
                                   "location_dest_id": self.loc_ready.id})]})
        other.action_confirm()
        other.action_assign()
        other.move_line_ids.lot_id = lot
        self.assertEqual(sum(self.env["stock.quant"].search(
            [("lot_id", "=", lot.id)]).mapped("reserved_quantity")), 1.0)
        lot.action_defis_refurbish()
        self.assertEqual(self.stock_at(lot, self.loc_workshop), 1)
        self.assertEqual(self.stock_at(lot, self.loc_intake), 0)
        self.assertFalse(other.move_line_ids.filtered(lambda line: line.lot_id == lot))
        other.action_cancel()

    def test_transitions_refused(self):
        lot = self.lot
        for state in ("erased", "refurbished", "ready", "sold", "lent", "lost"):
            with self.assertRaisesRegex(UserError, "ne peut pas passer"):
                lot._defis_set_state(state)
        # the till records the sale, but its delivery is not made
        with self.assertRaisesRegex(UserError, "Livraison non faite"):
            sell_device(lot.with_context(lang="fr_FR"), self.household)
        self.assertEqual(lot.defis_state, "received")
        self.assertEqual(self.stock_at(lot, self.loc_intake), 1)
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
            lot._defis_set_state("refurbished")
        lot.invalidate_cache()
        self.erase(lot, result="failure")
        self.assertEqual(lot.defis_state, "diagnosed")
        self.assertFalse(lot.defis_erasure_id)
        self.erase(lot)
        lot.action_defis_set_refurbished()
        self.assertEqual(lot.defis_state, "refurbished")

    def test_state_written_only_by_the_state_machine(self):
        """Editing the state is refused, even with a context key sent over
        RPC; so is creating a device with a state."""
        lot = self.lot.sudo(self.technician)
        for context in ({}, {"defis_state_writer": True}):
            with self.assertRaisesRegex(UserError, "suit son stock"):
                lot.with_context(lang="fr_FR", **context).write({"defis_state": "ready"})
        with self.assertRaisesRegex(UserError, "suit son stock"):
            self.env["stock.production.lot"].with_context(lang="fr_FR").create({
                "name": "DEF-X", "product_id": self.cat_laptop.product_id.id,
                "defis_state": "ready"})
        self.assertEqual(self.lot.defis_state, "received")

    def test_state_refused_where_the_stock_disagrees(self):
        """The state machine checks that the device is where the new state
        says: a device moved by hand cannot be called ready."""
        lot = self.make_ready(self.lots[1])
        self.env["stock.quant"]._update_available_quantity(
            lot.product_id, self.loc_ready, -1.0, lot_id=lot)
        self.env["stock.quant"]._update_available_quantity(
            lot.product_id, self.loc_parts, 1.0, lot_id=lot)
        with self.assertRaisesRegex(UserError, "Pièces détachées"):
            lot.with_context(lang="fr_FR")._defis_set_state("diagnosed")
        self.assertEqual(lot.defis_state, "ready")
        self.assertEqual([lot], [found for found, _text in
                                 self.env["stock.production.lot"]._defis_mismatches(lot)])
        self.mismatches_expected = True

    def test_health_check_tells_the_managers(self):
        """A device moved by hand (an inventory count putting it elsewhere):
        the daily check gives a manager one to-do activity on it, once."""
        lot = self.lots[2]
        self.env["stock.quant"]._update_available_quantity(
            lot.product_id, self.loc_intake, -1.0, lot_id=lot)
        self.env["stock.quant"]._update_available_quantity(
            lot.product_id, self.loc_ready, 1.0, lot_id=lot)
        self.mismatches_expected = True
        Lot = self.env["stock.production.lot"].with_context(lang="fr_FR")
        found = Lot._cron_defis_health_check()
        self.assertEqual(len([text for text in found if lot.name in text]), 1, found)
        self.assertIn("Prêt à distribuer", found[0])
        Lot._cron_defis_health_check()
        activity = lot.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertTrue(activity.user_id.has_group("defis_network.group_defis_manager"))
        self.assertIn(lot.name, activity.note)
        with self.assertRaisesRegex(UserError, "ne concordent pas"):
            lot.with_context(lang="fr_FR").action_defis_refurbish()

    def test_erasure_batch(self):
        lots = self.lots[:3]
        lots.action_defis_refurbish()
        lots[2].action_defis_recycle()
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
        lot.action_defis_set_refurbished()
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
        sell_device(lot, self.household, "2018-06-01")
        # the customer brings it back
        lot.action_defis_refurbish()
        self.assertEqual(lot.defis_location_id, self.loc_workshop)
        self.assertFalse(lot.defis_erasure_id)
        self.assertFalse(lot.defis_check_ids.filtered("done"))
        with self.assertRaises(UserError):
            lot.action_defis_set_refurbished()

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
        # where it went is in its moves, from the intake to the workshop
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
