"""A refurbished laptop sold at the till by a cashier who has the till's
rights only, in Chromium: refused without a member customer, sold to a
household that joined after the till opened; the device leaves stock."""
import time

from selenium.common.exceptions import StaleElementReferenceException

from odoo.addons.defis_reuse.tests.common import create_device, open_till, quantity_at

from .chrome import ChromeCase


class TestPosSale(ChromeCase):

    def setUp(self):
        super().setUp()
        env = self.env
        self.cashier = self.create_user(
            "Maël Caissier", "mael.caisse", "point_of_sale.group_pos_user")
        self.cashier.write({"email": "mael.caisse@defis.example",
                            "groups_id": [(4, env.ref("base.group_user").id)]})
        self.config = env.ref("point_of_sale.pos_config_main")
        self.session = open_till(env, self.cashier)
        self.laptop = env.ref("defis_reuse.product_laptop")
        # the device the cashier sells is not the first one in stock
        self.others = [create_device(env, "DEF-2018-9000%d" % number) for number in (3, 4, 5)]
        self.device = create_device(env, "DEF-2018-90001")
        self.scanned = create_device(env, "DEF-2018-90002")
        membership = env["product.product"].create(
            {"name": "Adhésion", "membership": True, "list_price": 10.0})
        self.membership = membership
        self.member = env["res.partner"].create(
            {"name": "Famille Kerbrat", "defis_is_household": True, "customer": True})
        self.join(self.member)
        self.stranger = env["res.partner"].create(
            {"name": "Famille Quéré", "defis_is_household": True, "customer": True})
        self.cash = self.session._defis_statement("cash").journal_id

    def join(self, partner):
        self.env["membership.membership_line"].create({
            "partner": partner.id, "membership_id": self.membership.id, "date": "2018-01-01",
            "date_from": "2018-01-01", "date_to": "2099-12-31", "member_price": 10.0,
            "state": "paid"})

    def open_till(self):
        # names read here in English stay in the cache the requests share
        self.env.cache.invalidate()
        self.login("mael.caisse", "mael.caisse-1")
        self.open("/pos/web/")
        self.wait_for(".pos .product-screen", timeout=120)
        self.wait_until_gone(".pos .loader", timeout=120)

    def choose_customer(self, partner):
        self.click(".pos .button.set-customer")
        self.fill(".clientlist-screen .searchbox input", partner.name)
        self.wait_for_search(partner.name)
        line = '.clientlist-screen .client-line[data-id="%d"]' % partner.id
        self.click(line)
        self.wait_for(line + ".highlight")
        self.click(".clientlist-screen .button.next")

    def wait_for_search(self, name):
        """The list is filtered a moment after typing: a line clicked before
        would be replaced under the pointer."""
        for _attempt in range(100):
            try:
                lines = self.texts(".clientlist-screen .client-line")
            except StaleElementReferenceException:
                lines = []
            if lines and all(name in line for line in lines):
                return
            with self.browser_turn():
                time.sleep(0.1)
        self.fail("the customer list was not filtered on %r" % name)

    def validate_expecting(self, title):
        self.click(".payment-screen .button.next")
        self.assertEqual(self.text(".popup-error .title"), title)
        body = self.text(".popup-error .body")
        self.click(".popup-error .button.cancel")
        return body

    def scan(self, code):
        with self.browser_turn():
            self.browser.execute_script(
                "odoo.__DEBUG__.services['web.core'].bus.trigger('barcode_scanned', "
                "arguments[0]);", code)

    def wait_for_order(self):
        for _attempt in range(60):
            with self.browser_turn():
                time.sleep(0.5)
            order = self.env["pos.order"].search([("session_id", "=", self.session.id)])
            if order:
                return order
        self.fail("the order did not reach the server")

    def test_sell_a_device_to_a_member_only(self):
        self.open_till()
        # the tile shows the category's picture and grid, the total is the grid price
        tile = '.product[data-product-id="%d"]' % self.laptop.id
        self.assertEqual(" ".join(self.text(tile + " .price-tag").split()), "60,00 € – 150,00 €")
        self.assertTrue(self.laptop.image)
        self.click(tile)
        self.check_popup_layout()
        self.fill(".defis-device-popup .defis-device-search", "90001")
        self.click('.defis-device-popup .defis-device[data-device-id="%d"]' % self.device.id)
        self.assertEqual(self.text(".orderline .defis-line-label"),
                         "Ordinateur portable reconditionné – grade A")
        self.assertIn("150,00", self.text(".order .summary .total > .value"))
        self.assertIn("0,00", self.text(".order .summary .total .subentry .value"))
        self.click(".pos .button.pay")
        self.click('.paymentmethod[data-id="%d"]' % self.cash.id)
        self.validate_expecting("Adhérent requis")
        # loan deposits are not a payment method of the cashier
        deposit = self.session._defis_statement("deposit").journal_id
        self.assertFalse(self.find_all('.paymentmethod[data-id="%d"]' % deposit.id))
        self.click(".payment-screen .button.back")
        self.choose_customer(self.stranger)
        self.click(".pos .button.pay")
        self.assertIn("Famille Quéré", self.validate_expecting("Non adhérent"))
        # the household joins at the office: the till asks the server at the sale
        self.join(self.stranger)
        # the lines entered before the refusals are dropped, then paid in full
        while self.find_all(".payment-screen .paymentline .delete-button"):
            self.click(".payment-screen .paymentline .delete-button")
        pass_numerique = self.env.ref("defis_reuse.journal_pass_numerique")
        self.click('.paymentmethod[data-id="%d"]' % pass_numerique.id)
        self.fill(".popup-textinput input", "apt-0001 APT-0002")
        self.click(".popup-textinput .button.confirm")
        self.click('.paymentmethod[data-id="%d"]' % self.cash.id)
        for digit in "130":
            self.click('.payment-screen .numpad .number-char[data-action="%s"]' % digit)
        self.click(".payment-screen .button.next")
        self.wait_for(".receipt-screen .pos-sale-ticket")
        self.assertIn("Garantie jusqu'au", self.text(".pos-sale-ticket .defis-receipt-warranty"))
        self.assertIn("150,00", self.text(".pos-sale-ticket .receipt-total"))
        self.assertIn("APT-0001, APT-0002", self.text(".pos-sale-ticket .defis-receipt-vouchers"))
        self.screenshot("pos-device-sold")
        order = self.wait_for_order()
        self.assertEqual(order.partner_id, self.stranger)
        self.assertEqual(order.user_id, self.cashier)
        self.assertEqual(order.amount_total, 150.0)
        self.assertEqual(order.lines.defis_lot_id, self.device)
        self.assertEqual(sorted(order.defis_voucher_ids.mapped("number")), ["APT-0001", "APT-0002"])
        self.assertFalse(order.defis_conflict, order.defis_conflict_reason)
        # that device left stock with its delivery, the others stay on the shelf
        self.device.invalidate_cache()
        self.assertEqual(self.device.defis_state, "sold")
        self.assertEqual(self.device.defis_partner_id, self.stranger)
        self.assertEqual(order.picking_id.state, "done")
        self.assertEqual(order.picking_id.move_line_ids.lot_id, self.device)
        self.assertEqual(quantity_at(self.env, self.device, "stock.stock_location_customers"), 1)
        for other in self.others:
            self.assertEqual(quantity_at(self.env, other, "defis_reuse.stock_location_ready"), 1)
        self.assertFalse(self.env["stock.production.lot"]._defis_mismatches())
        # scanning an asset label adds that device, once
        self.click(".receipt-screen .button.next")
        self.scan("DEF-2018-90002")
        self.assertEqual(self.text(".orderline .defis-line-tag"), "DEF-2018-90002")
        self.scan("DEF-2018-90002")
        self.assertEqual(self.text(".popup-error .title"), "Appareil déjà dans la commande")
        self.click(".popup-error .button.cancel")
        self.assertEqual(len(self.find_all(".orderline")), 1)

    def check_popup_layout(self):
        """Every device of the popup can be touched: none lies under the
        footer and its « Annuler » button (screenshot pos-device-popup)."""
        self.wait_for(".defis-device-popup .defis-device")
        self.screenshot("pos-device-popup")
        with self.browser_turn():
            covered = self.browser.execute_script("""
                var footer = document.querySelector('.defis-device-popup .footer')
                    .getBoundingClientRect();
                var list = document.querySelector('.defis-device-popup .defis-device-list')
                    .getBoundingClientRect();
                return Array.prototype.map.call(
                    document.querySelectorAll('.defis-device-popup .defis-device'),
                    function (item) {
                        var box = item.getBoundingClientRect();
                        var x = box.left + box.width / 2, y = box.top + box.height / 2;
                        var visible = box.top >= list.top && box.bottom <= list.bottom;
                        var hit = document.elementFromPoint(x, y);
                        return [item.dataset.deviceId, visible,
                                visible && !item.contains(hit), box.bottom > footer.top];
                    });""")
        shown = [row for row in covered if row[1]]
        self.assertGreaterEqual(len(shown), 3, covered)
        self.assertFalse([row for row in shown if row[2] or row[3]], covered)
