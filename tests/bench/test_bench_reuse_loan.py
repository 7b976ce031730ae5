"""A loan started and returned (the device to the loans location and back
to the workshop through the reuse stock service, its state, household and
checklist) against two plain internal transfers of that device's lot
through Odoo's stock engine, to the same locations: with the chatter's
messages on both sides (tracking, as users run it), and without them on
both sides (the stock path and the state machine alone)."""
from odoo import fields

from odoo.addons.defis_reuse.tests.common import add_membership, create_device

from .harness import BenchCase

LOANS = 10


class TestBenchReuseLoan(BenchCase):

    repeat = 2

    def setUp(self):
        super().setUp()
        member = self.env["res.partner"].create(
            {"name": "Emprunteur (bench)", "defis_is_household": True})
        add_membership(self.env, member)
        today = fields.Date.context_today(self.env.user)
        self.loans = self.env["defis.loan"].browse([
            self.env["defis.loan"].create({
                "partner_id": member.id, "date_start": today,
                "lot_id": create_device(self.env, "BENCH-LOAN-%02d" % number).id}).id
            for number in range(LOANS)])
        self.ready = self.env.ref("defis_reuse.stock_location_ready")
        self.loan_location = self.env.ref("defis_reuse.stock_location_loan")
        self.workshop = self.env.ref("defis_reuse.stock_location_workshop")

    def loans_out_and_back(self):
        for loan in self.loans:
            loan.action_start()
            loan.action_return()
        assert set(self.loans.mapped("lot_id.defis_state")) == {"diagnosed"}

    def transfer(self, lot, source, destination):
        picking_type = self.env.ref("stock.picking_type_internal")
        picking = self.env["stock.picking"].create({
            "picking_type_id": picking_type.id, "location_id": source.id,
            "location_dest_id": destination.id})
        move = self.env["stock.move"].create({
            "name": lot.name, "picking_id": picking.id, "picking_type_id": picking_type.id,
            "product_id": lot.product_id.id, "product_uom": lot.product_id.uom_id.id,
            "product_uom_qty": 1.0, "location_id": source.id,
            "location_dest_id": destination.id})
        move._action_confirm()
        self.env["stock.move.line"].create({
            "move_id": move.id, "picking_id": picking.id, "product_id": lot.product_id.id,
            "product_uom_id": lot.product_id.uom_id.id, "lot_id": lot.id, "qty_done": 1,
            "location_id": source.id, "location_dest_id": destination.id})
        picking.action_done()
        assert picking.state == "done"

    def plain_transfers(self):
        for lot in self.loans.mapped("lot_id"):
            self.transfer(lot, self.ready, self.loan_location)
            self.transfer(lot, self.loan_location, self.workshop)

    def test_loan_out_and_back(self):
        self.compare("reuse: loan started and returned vs two plain transfers",
                     self.loans_out_and_back, self.plain_transfers, LOANS)

    def test_loan_out_and_back_without_chatter(self):
        self.env = self.env(context=dict(
            self.env.context, tracking_disable=True, mail_notrack=True))
        self.loans = self.loans.with_env(self.env)
        self.compare("reuse: loan out and back vs two plain transfers, no chatter",
                     self.loans_out_and_back, self.plain_transfers, LOANS)
