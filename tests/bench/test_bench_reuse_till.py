"""A till order of one refurbished device synced through
``pos.order.create_from_ui`` (the association's rules, the delivery of that
device by the reuse stock service, its state and warranty) against the same
order of a plain serial-tracked product on a till that sells no device
(Odoo's own point-of-sale path: its picking, the lot found by name). Ten
orders, one by one, as tills sync them."""
from odoo import fields

from odoo.addons.defis_reuse.tests.common import add_membership, create_device, open_till

from .harness import BenchCase

ORDERS = 10


class TestBenchReuseTill(BenchCase):

    repeat = 3

    def setUp(self):
        super().setUp()
        self.session = open_till(self.env)
        self.member = self.env["res.partner"].create(
            {"name": "Foyer (bench)", "defis_is_household": True})
        add_membership(self.env, self.member)
        self.devices = [create_device(self.env, "BENCH-TILL-%02d" % number)
                        for number in range(ORDERS)]
        self.plain_session, self.plain_lots = self.plain_till()

    def plain_till(self):
        """Another till, selling a serial-tracked product that is no device,
        with ten serial numbers in its stock."""
        env = self.env
        product = env["product.product"].create({
            "name": "Clé USB (bench)", "type": "product", "tracking": "serial",
            "available_in_pos": True, "list_price": 150.0, "taxes_id": [(6, 0, [])]})
        stock = env.ref("stock.stock_location_stock")
        lots = env["stock.production.lot"].browse()
        for number in range(ORDERS):
            lot = env["stock.production.lot"].create(
                {"name": "BENCH-USB-%02d" % number, "product_id": product.id})
            env["stock.quant"]._update_available_quantity(product, stock, 1.0, lot_id=lot)
            lots |= lot
        config = env["pos.config"].create({
            "name": "Caisse ordinaire (bench)", "stock_location_id": stock.id,
            "picking_type_id": self.session.config_id.picking_type_id.id,
            "journal_ids": [(6, 0, self.session._defis_statement("cash").journal_id.ids)]})
        cashier = env["res.users"].create({
            "name": "Caissier (bench)", "login": "caissier.bench",
            "groups_id": [(6, 0, env.ref("point_of_sale.group_pos_user").ids)]})
        session = env["pos.session"].create({"config_id": config.id, "user_id": cashier.id})
        session.action_pos_session_open()
        return session, lots

    def orders(self, session, lots, partner, device):
        for number, lot in enumerate(lots, 1):
            order = session._defis_ui_order(
                "Commande bench %d-%02d" % (session.id, number), partner, [(lot, 150.0)],
                [(session._defis_statement("cash").journal_id, 150.0)],
                fields.Datetime.now(), self.env.user)
            if not device:
                order["lines"][0][2].pop("defis_lot_id")
            self.env["pos.order"].create_from_ui([{"to_invoice": False, "data": order}])

    def device_orders(self):
        self.orders(self.session, self.devices, self.member, True)
        assert set(lot.defis_state for lot in self.devices) == {"sold"}

    def plain_orders(self):
        self.orders(self.plain_session, self.plain_lots, self.member, False)
        orders = self.env["pos.order"].search([("session_id", "=", self.plain_session.id)])
        assert set(orders.mapped("picking_id.state")) == {"done"}, orders.mapped("picking_id.state")

    def test_till_order(self):
        self.compare("reuse: till order of a device vs a plain serial product",
                     self.device_orders, self.plain_orders, ORDERS)
