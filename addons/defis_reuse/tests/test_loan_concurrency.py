"""Two real transactions on the same device: a device is never on two
ongoing loans, never sold while lent. Data is committed in its own cursor and
removed at the end."""
import psycopg2

from odoo import SUPERUSER_ID, api, fields
from odoo.exceptions import UserError
from odoo.tests.common import TransactionCase
from odoo.tools import mute_logger

from .common import add_membership, create_device, open_till, sell_device

REFUSED = (UserError, psycopg2.extensions.TransactionRollbackError)


class TestLoanConcurrency(TransactionCase):

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            self.household = env["res.partner"].create(
                {"name": "Foyer Concurrent", "defis_is_household": True})
            add_membership(env, self.household)
            self.lot = create_device(env, "T-CONC-%d" % self.household.id)
            self.today = fields.Date.context_today(env.user)
            loan_values = {"partner_id": self.household.id, "lot_id": self.lot.id,
                           "date_start": self.today}
            self.loans = (env["defis.loan"].create(loan_values)
                          | env["defis.loan"].create(loan_values))
            # the till sells in its open session: ours, if none is open
            opened = env["pos.session"].search_count([("state", "=", "opened")])
            self.session_id = not opened and open_till(env).id
        self.addCleanup(self.clean_up)

    def clean_up(self):
        """Delete what the test committed: the loans, the till's sale and
        session, the device with its intake, transfers, stock, erasure and
        checks, the household."""
        with self.registry.cursor() as cr:
            self.clean_up_till(cr)
            cr.execute("""
                SELECT DISTINCT picking_id FROM stock_move_line WHERE lot_id = %(lot)s;
            """, {"lot": self.lot.id})
            pickings = tuple(row[0] for row in cr.fetchall() if row[0]) or (0,)
            cr.execute("""
                SELECT line.intake_id FROM stock_production_lot lot
                  JOIN defis_intake_line line ON line.id = lot.defis_intake_line_id
                 WHERE lot.id = %(lot)s""", {"lot": self.lot.id})
            intakes = tuple(row[0] for row in cr.fetchall()) or (0,)
            params = {"lot": self.lot.id, "pickings": pickings, "loans": tuple(self.loans.ids),
                      "partner": self.household.id, "intakes": intakes}
            cr.execute("""
                DELETE FROM mail_message WHERE model = 'defis.loan' AND res_id IN %(loans)s;
                DELETE FROM mail_followers WHERE res_model = 'defis.loan' AND res_id IN %(loans)s;
                DELETE FROM defis_loan WHERE id IN %(loans)s;
                DELETE FROM stock_move_line WHERE lot_id = %(lot)s OR picking_id IN %(pickings)s;
                DELETE FROM stock_move WHERE picking_id IN %(pickings)s;
                DELETE FROM stock_picking WHERE id IN %(pickings)s;
                DELETE FROM stock_quant WHERE lot_id = %(lot)s;
                DELETE FROM mail_message WHERE model = 'stock.production.lot' AND res_id = %(lot)s;
                DELETE FROM mail_followers
                 WHERE res_model = 'stock.production.lot' AND res_id = %(lot)s;
                DELETE FROM defis_erasure WHERE lot_id = %(lot)s;
                DELETE FROM stock_production_lot WHERE id = %(lot)s;
                DELETE FROM mail_message WHERE model = 'defis.intake' AND res_id IN %(intakes)s;
                DELETE FROM mail_followers
                 WHERE res_model = 'defis.intake' AND res_id IN %(intakes)s;
                DELETE FROM defis_intake WHERE id IN %(intakes)s;
                DELETE FROM res_partner donor WHERE donor.name = 'Donateur (tests)'
                   AND NOT EXISTS (SELECT 1 FROM defis_intake i WHERE i.partner_id = donor.id);
                DELETE FROM membership_membership_line WHERE partner = %(partner)s;
                DELETE FROM mail_followers WHERE partner_id = %(partner)s;
                DELETE FROM res_partner WHERE id = %(partner)s;
            """, params)

    def clean_up_till(self, cr):
        cr.execute("""
            SELECT order_id FROM pos_order_line WHERE defis_lot_id = %(lot)s
             UNION SELECT id FROM pos_order WHERE session_id = %(session)s""",
                   {"lot": self.lot.id, "session": self.session_id or 0})
        params = {"orders": tuple(row[0] for row in cr.fetchall()) or (0,),
                  "session": self.session_id or 0}
        cr.execute("""
            DELETE FROM account_bank_statement_line WHERE pos_statement_id IN %(orders)s;
            DELETE FROM mail_message WHERE model = 'pos.order' AND res_id IN %(orders)s;
            DELETE FROM mail_followers WHERE res_model = 'pos.order' AND res_id IN %(orders)s;
            DELETE FROM pos_order WHERE id IN %(orders)s;
            DELETE FROM account_bank_statement_line WHERE statement_id IN (
                SELECT id FROM account_bank_statement WHERE pos_session_id = %(session)s);
            DELETE FROM mail_message WHERE model = 'account.bank.statement' AND res_id IN (
                SELECT id FROM account_bank_statement WHERE pos_session_id = %(session)s);
            DELETE FROM account_bank_statement WHERE pos_session_id = %(session)s;
            DELETE FROM mail_message WHERE model = 'pos.session' AND res_id = %(session)s;
            DELETE FROM mail_followers WHERE res_model = 'pos.session' AND res_id = %(session)s;
            DELETE FROM pos_session WHERE id = %(session)s;
        """, params)

    def two_transactions(self):
        cr_a, cr_b = self.registry.cursor(), self.registry.cursor()
        self.addCleanup(cr_a.close)
        self.addCleanup(cr_b.close)
        context = {"lang": "fr_FR", "tracking_disable": True}
        return (api.Environment(cr_a, SUPERUSER_ID, context),
                api.Environment(cr_b, SUPERUSER_ID, context))

    def state_now(self):
        with self.registry.cursor() as cr:
            cr.execute("SELECT defis_state FROM stock_production_lot WHERE id = %s",
                       (self.lot.id,))
            lot_state = cr.fetchone()[0]
            cr.execute("SELECT id, state FROM defis_loan WHERE id IN %s ORDER BY id",
                       (tuple(self.loans.ids),))
            return lot_state, [state for _id, state in cr.fetchall()]

    @mute_logger("odoo.sql_db")
    def test_two_loans_of_one_device(self):
        env_a, env_b = self.two_transactions()
        first, second = self.loans.ids
        # B has read the device as ready before A lends it
        self.assertEqual(env_b["defis.loan"].browse(second).lot_id.defis_state, "ready")
        env_a["defis.loan"].browse(first).action_start()
        env_a.cr.commit()
        with self.assertRaises(REFUSED):
            env_b["defis.loan"].browse(second).action_start()
        env_b.cr.rollback()
        self.assertEqual(self.state_now(), ("lent", ["ongoing", "draft"]))
        # a transaction started afterwards is refused by the database itself
        with self.assertRaises(psycopg2.IntegrityError):
            env_b.cr.execute("UPDATE defis_loan SET state = 'ongoing' WHERE id = %s", (second,))
        env_b.cr.rollback()
        self.assertEqual(self.state_now(), ("lent", ["ongoing", "draft"]))

    @mute_logger("odoo.sql_db")
    def test_no_sale_of_a_device_being_lent(self):
        env_a, env_b = self.two_transactions()
        first = self.loans.ids[0]
        lot_b = env_b["stock.production.lot"].browse(self.lot.id)
        self.assertEqual(lot_b.defis_state, "ready")
        env_a["defis.loan"].browse(first).action_start()
        env_a.cr.commit()
        partner_b = env_b["res.partner"].browse(self.household.id)
        with self.assertRaises(REFUSED):
            sell_device(lot_b, partner_b, self.today)
        env_b.cr.rollback()
        self.assertEqual(self.state_now(), ("lent", ["ongoing", "draft"]))
        # once B sees the loan, the lot state refuses the sale with a French message
        env_b.clear()
        with self.assertRaisesRegex(UserError, "[ée]"):
            sell_device(lot_b, partner_b, self.today)
        env_b.cr.rollback()
        self.assertEqual(self.state_now(), ("lent", ["ongoing", "draft"]))

    @mute_logger("odoo.sql_db")
    def test_no_loan_of_a_device_being_sold(self):
        env_a, env_b = self.two_transactions()
        second = self.loans.ids[1]
        loan_b = env_b["defis.loan"].browse(second)
        self.assertEqual(loan_b.lot_id.defis_state, "ready")
        sell_device(env_a["stock.production.lot"].browse(self.lot.id),
                    env_a["res.partner"].browse(self.household.id), self.today)
        env_a.cr.commit()
        with self.assertRaisesRegex(UserError, "Un autre utilisateur"):
            loan_b.action_start()
        env_b.cr.rollback()
        self.assertEqual(self.state_now(), ("sold", ["draft", "draft"]))
