from datetime import timedelta

import psycopg2

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import LoanCase, create_device, open_till, quantity_at, sell_device


def days_from(date, days):
    return fields.Date.to_string(fields.Date.from_string(date) + timedelta(days=days))


class TestLoan(LoanCase):

    def test_borrower_must_be_member_on_start(self):
        lot = create_device(self.env, "T-LOAN-001")
        with self.assertRaisesRegex(ValidationError, "adhérent"):
            self.env["defis.loan"].with_context(lang="fr_FR").create({
                "partner_id": self.stranger.id, "lot_id": lot.id, "date_start": self.today})
        with self.assertRaises(ValidationError):
            self.create_loan(lot, date_start="2017-06-01", date_due="2017-07-01")
        self.assertTrue(self.create_loan(lot))

    def test_start_lends_the_device_and_holds_the_deposit(self):
        lot = create_device(self.env, "T-LOAN-002")
        loan = self.create_loan(lot, deposit_amount=50.0, deposit_method="cheque")
        self.assertEqual((loan.state, loan.deposit_state), ("draft", "none"))
        self.assertRegex(loan.name, r"^PRET-\d{4}-\d{4}$")
        loan.sudo(self.defis_user).action_start()
        self.assertEqual((loan.state, loan.deposit_state), ("ongoing", "held"))
        self.assertEqual(lot.defis_state, "lent")
        self.assertEqual(lot.defis_partner_id, self.member)
        self.assertEqual(quantity_at(self.env, lot, "defis_reuse.stock_location_loan"), 1.0)
        self.assertEqual(quantity_at(self.env, lot, "defis_reuse.stock_location_ready"), 0.0)

    def test_loan_numbered_in_the_year_it_starts(self):
        loan = self.create_loan(create_device(self.env, "T-LOAN-YEAR"),
                                date_start="2018-11-05", date_due="2018-12-05")
        self.assertRegex(loan.name, r"^PRET-2018-\d{4}$")

    def test_plain_defis_user_lends_a_device(self):
        loan = self.create_loan(create_device(self.env, "T-LOAN-003"))
        loan.sudo(self.defis_user).action_start()
        self.assertEqual(loan.state, "ongoing")
        self.assertEqual(loan.deposit_state, "none")

    def test_only_ready_devices_are_lent(self):
        lot = create_device(self.env, "T-LOAN-004", state="diagnosed")
        loan = self.create_loan(lot)
        with self.assertRaisesRegex(UserError, "pas prêt"):
            loan.with_context(lang="fr_FR").action_start()
        self.assertEqual(loan.state, "draft")

    def test_device_never_on_two_ongoing_loans(self):
        first = self.start_loan("T-LOAN-005")
        second = self.create_loan(first.lot_id)
        with self.assertRaises(UserError):
            second.action_start()
        # the database refuses it too, whatever the code
        with self.assertRaises(psycopg2.IntegrityError), mute_logger("odoo.sql_db"):
            with self.cr.savepoint():
                second.write({"state": "ongoing"})

    def test_no_sale_while_lent(self):
        loan = self.start_loan("T-LOAN-006")
        with self.assertRaisesRegex(UserError, "convertissant"):
            sell_device(loan.lot_id.with_context(lang="fr_FR"), self.member, self.today)
        self.assertEqual(loan.lot_id.defis_state, "lent")
        self.assertEqual(quantity_at(self.env, loan.lot_id, "defis_reuse.stock_location_loan"),
                         1.0)

    def test_return_sends_the_device_to_the_workshop(self):
        loan = self.start_loan("T-LOAN-007", deposit_amount=30.0, deposit_method="cash")
        loan.action_return()
        self.assertEqual((loan.state, loan.deposit_state), ("returned", "returned"))
        self.assertEqual(loan.date_return, self.today)
        self.assertEqual(loan.lot_id.defis_state, "diagnosed")
        self.assertFalse(loan.lot_id.defis_partner_id)
        self.assertEqual(quantity_at(self.env, loan.lot_id,
                                     "defis_reuse.stock_location_workshop"), 1.0)
        with self.assertRaises(UserError):
            loan.action_return()

    def test_return_with_deposit_kept(self):
        loan = self.start_loan("T-LOAN-008", deposit_amount=30.0, deposit_method="cash")
        loan.action_return_keep_deposit()
        self.assertEqual((loan.state, loan.deposit_state), ("returned", "kept"))

    def test_deposit_rules(self):
        lot = create_device(self.env, "T-LOAN-009")
        with self.assertRaises(ValidationError):
            self.create_loan(lot, deposit_amount=20.0)
        with self.assertRaises(psycopg2.IntegrityError), mute_logger("odoo.sql_db"):
            with self.cr.savepoint():
                self.create_loan(lot, deposit_amount=-5.0, deposit_method="cash")
        with self.assertRaises(psycopg2.IntegrityError), mute_logger("odoo.sql_db"):
            with self.cr.savepoint():
                self.create_loan(lot, date_due=self.today)

    def test_extend_by_the_configured_days(self):
        loan = self.start_loan("T-LOAN-010")
        due = loan.date_due
        loan.action_extend()
        self.assertEqual(loan.date_due, days_from(due, 30))
        self.assertIn("30", loan.message_ids[0].body)
        self.env["ir.config_parameter"].set_param("defis_reuse.loan_extension_days", "15")
        loan.action_extend()
        self.assertEqual(loan.date_due, days_from(due, 45))

    def test_overdue_flagged_once_with_one_activity(self):
        start = days_from(self.today, -40)
        loan = self.start_loan("T-LOAN-011", date_start=start, date_due=days_from(start, 30),
                               user_id=self.technician.id)
        on_time = self.start_loan("T-LOAN-012")
        loans = self.env["defis.loan"]
        loans._cron_defis_flag_overdue()
        loans._cron_defis_flag_overdue()
        self.assertEqual((loan.state, on_time.state), ("overdue", "ongoing"))
        self.assertEqual(len(loan.activity_ids), 1)
        self.assertEqual(loan.activity_ids.user_id, self.technician)
        self.assertEqual(loan.activity_ids.activity_type_id,
                         self.env.ref("mail.mail_activity_data_todo"))
        self.assertFalse(on_time.activity_ids)
        # extended past today, it is ongoing again
        loan.action_extend()
        self.assertEqual(loan.state, "ongoing")

    def test_convert_into_sale(self):
        """The borrower keeps the device: a till order of the open session at
        the grid price, the deposit counted as part payment, in the session's
        takings and, once it is closed, in the accounts."""
        session = open_till(self.env)
        loan = self.start_loan("T-LOAN-013", deposit_amount=40.0, deposit_method="cash")
        loan.sudo(self.defis_user).action_convert_to_sale()
        lot = loan.lot_id
        self.assertEqual((loan.state, loan.deposit_state), ("converted", "kept"))
        self.assertEqual(lot.defis_state, "sold")
        self.assertEqual(lot.defis_partner_id, self.member)
        self.assertEqual(lot.defis_sale_date, self.today)
        self.assertTrue(lot.defis_warranty_end > self.today)
        self.assertEqual(quantity_at(self.env, lot, "stock.stock_location_customers"), 1.0)
        self.assertEqual(quantity_at(self.env, lot, "defis_reuse.stock_location_loan"), 0.0)
        order = loan.pos_order_id
        self.assertEqual((order.session_id, order.state, order.partner_id),
                         (session, "paid", self.member))
        self.assertEqual((order.amount_total, order.lines.defis_lot_id), (150.0, lot))
        self.assertEqual((order.defis_loan_id, order.defis_conflict), (loan, False))
        self.assertEqual(order.picking_id.state, "done")
        # grid price of a grade A laptop 150, deposit 40: 110 paid in cash
        takings = {st.journal_id: sum(st.line_ids.mapped("amount"))
                   for st in session.statement_ids}
        self.assertEqual(takings[session._defis_statement("deposit").journal_id], 40.0)
        self.assertEqual(takings[session._defis_statement("cash").journal_id], 110.0)
        self.assertIn("110.00", loan.message_ids[0].body)
        session.action_pos_session_closing_control()
        self.assertEqual(order.state, "done")
        product = lot.product_id
        income = product.property_account_income_id \
            or product.categ_id.property_account_income_categ_id
        self.assertEqual(sum(order.account_move.line_ids.filtered(
            lambda line: line.account_id == income).mapped("credit")), 150.0)

    def test_conversion_needs_an_open_session(self):
        loan = self.start_loan("T-LOAN-019")
        with self.assertRaisesRegex(UserError, "session"):
            loan.with_context(lang="fr_FR").action_convert_to_sale()
        self.assertEqual((loan.state, loan.lot_id.defis_state), ("ongoing", "lent"))

    def test_deposit_above_the_price_counts_the_price(self):
        open_till(self.env)
        lot = create_device(self.env, "T-LOAN-020", grade="c")
        loan = self.create_loan(lot, deposit_amount=80.0, deposit_method="cheque")
        loan.action_start()
        loan.action_convert_to_sale()
        order = loan.pos_order_id
        self.assertEqual(order.amount_total, 60.0)
        self.assertEqual(order.statement_ids.mapped("amount"), [60.0])
        self.assertTrue(order.statement_ids.journal_id.defis_loan_deposit)

    def test_declare_lost(self):
        loan = self.start_loan("T-LOAN-014", deposit_amount=40.0, deposit_method="cash")
        loan.action_declare_lost()
        self.assertEqual((loan.state, loan.deposit_state), ("lost", "kept"))
        self.assertEqual(loan.lot_id.defis_state, "lost")
        self.assertEqual(quantity_at(self.env, loan.lot_id, "defis_reuse.stock_location_loan"),
                         0.0)
        self.assertEqual(quantity_at(self.env, loan.lot_id, "stock.location_inventory"), 1.0)
        # no longer ongoing: the device may be on another loan once found
        self.assertFalse(self.env["defis.loan"].search(
            [("lot_id", "=", loan.lot_id.id), ("state", "in", ("ongoing", "overdue"))]))
        # found again, it goes back to the workshop
        loan.lot_id.action_defis_refurbish()
        self.assertEqual(loan.lot_id.defis_state, "diagnosed")
        self.assertEqual(quantity_at(self.env, loan.lot_id,
                                     "defis_reuse.stock_location_workshop"), 1.0)

    def test_only_drafts_are_deleted(self):
        loan = self.start_loan("T-LOAN-015")
        with self.assertRaises(UserError):
            loan.unlink()
        self.create_loan(create_device(self.env, "T-LOAN-016")).unlink()

    def test_agreement_pdf(self):
        loan = self.create_loan(create_device(self.env, "T-LOAN-017"),
                                deposit_amount=25.0, deposit_method="cheque")
        text = self.pdf_text("defis_reuse.action_report_defis_loan_agreement", loan)
        for expected in ("Convention de prêt", loan.name, "Foyer Le Floch", "T-LOAN-017",
                         "ThinkPad T440", "caution", "Chèque", "signature"):
            self.assertIn(expected, text)

    def test_agreement_gives_the_phone_as_dialled(self):
        self.env.user.company_id.partner_id.phone = "+33297000000"
        loan = self.create_loan(create_device(self.env, "T-LOAN-019"))
        text = self.pdf_text("defis_reuse.action_report_defis_loan_agreement", loan)
        self.assertIn("02 97 00 00 00", text)
        self.assertNotIn("+33297000000", text)

    def test_referral_done_when_the_loan_starts(self):
        structure = self.create_structure("CCAS de Lanester")
        referral = self.env["defis.referral"].create({
            "structure_id": structure.id, "person_id": self.member.id,
            "service": "equipment_loan"})
        action = referral.action_defis_create_loan()
        loan = self.env["defis.loan"].with_context(**action["context"]).create({
            "lot_id": create_device(self.env, "T-LOAN-018").id})
        self.assertEqual((loan.partner_id, loan.referral_id), (self.member, referral))
        loan.action_start()
        self.assertEqual(referral.state, "done")
        self.assertEqual(referral.result_ref, loan)

    def test_loans_started_together_make_one_transfer(self):
        loans = self.env["defis.loan"].browse([
            self.create_loan(create_device(self.env, "T-LOAN-02%d" % i)).id for i in range(4)])
        pickings = self.env["stock.picking"].search_count([])
        loans.action_start()
        self.assertEqual(self.env["stock.picking"].search_count([]), pickings + 1)
        self.assertEqual(set(loans.mapped("lot_id.defis_state")), {"lent"})
        loans.action_return()
        self.assertEqual(self.env["stock.picking"].search_count([]), pickings + 2)


class TestLoanAccess(LoanCase):

    def test_menus(self):
        loans = self.env.ref("defis_reuse.menu_defis_reuse_loans").id
        batches = self.env.ref("defis_reuse.menu_defis_reuse_recycling_batches").id
        self.assertIn(loans, self.visible_menus(self.defis_user))
        self.assertNotIn(batches, self.visible_menus(self.defis_user))
        self.assertIn(batches, self.visible_menus(self.technician))
        self.assertEqual(self.menu_name("defis_reuse.menu_defis_reuse_loans"), "Prêts")

    def test_only_managers_delete_drafts(self):
        loan = self.create_loan(create_device(self.env, "T-LOAN-030"))
        with self.assertRaises(AccessError):
            loan.sudo(self.technician).unlink()
        loan.sudo(self.defis_manager).unlink()

    def test_referral_leads_to_a_loan(self):
        models = dict(self.env["defis.referral"]._selection_result_models())
        self.assertIn("defis.loan", models)
