"""Modules installed with accounting: the FEC export (CVE-2021-23176) and the
saved payment methods (CVE-2021-23178)."""
from .common import SecurityHttpCase


class TestFecExport(SecurityHttpCase):

    def fec(self):
        wizard_id, error = self.call_kw("account.fr.fec", "create", [{
            "date_from": "2018-01-01", "date_to": "2018-12-31"}])
        self.assertIsNone(error)
        return self.call_kw("account.fr.fec", "generate_fec", [[wizard_id]])

    def test_portal_user_cannot_export_the_accounting(self):
        self.login_as(self.create_portal_user("attaquant.fec"))
        _result, error = self.fec()
        self.assertEqual(error, "odoo.exceptions.AccessError")

    def test_cashier_cannot_export_the_accounting(self):
        self.login_as(self.create_internal_user(
            "caissier.fec", ("base.group_user", "point_of_sale.group_pos_user")))
        self.assertEqual(self.fec()[1], "odoo.exceptions.AccessError")

    def test_accountant_exports_it(self):
        self.env.ref("base.main_company").vat = "FR40303265045"
        self.login_as(self.create_internal_user(
            "comptable.fec", ("base.group_user", "account.group_account_manager")))
        result, error = self.fec()
        self.assertIsNone(error)
        self.assertIn("model=account.fr.fec", result["url"])


class TestPaymentToken(SecurityHttpCase):

    def setUp(self):
        super().setUp()
        owner = self.env["res.partner"].create({"name": "Titulaire de la carte"})
        self.token = self.env["payment.token"].create({
            "name": "Carte", "partner_id": owner.id, "acquirer_ref": "carte-1",
            "acquirer_id": self.env.ref("payment.payment_acquirer_transfer").id})
        self.currency = self.env.ref("base.EUR")

    def pay_with_the_token(self):
        return self.url_open("/website_payment/token/DEFIS-1/50.0/%d?pm_id=%d"
                             % (self.currency.id, self.token.id))

    def transactions(self):
        return self.env["payment.transaction"].search([("payment_token_id", "=", self.token.id)])

    def test_anonymous_visitor_cannot_charge_a_saved_card(self):
        response = self.pay_with_the_token()
        self.assertIn("/website_payment/pay?error_msg=", response.url)
        self.assertFalse(self.transactions())

    def test_other_customer_cannot_charge_it(self):
        self.login_as(self.create_portal_user("client.autre"))
        self.pay_with_the_token()
        self.assertFalse(self.transactions())
