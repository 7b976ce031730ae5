# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import Counter

from odoo.addons.defis_reuse.tests.common import LoanCase, create_device, quantity_at


class TestLoanDemo(LoanCase):
    """The demo functions, on devices of a year without demo devices."""

    def test_demo_loans_of_a_year(self):
        for i in range(14):
            create_device(self.env, "T-DEMO-%02d" % i, state_date="2017-%02d-10" % (i % 11 + 1),
                          received="2016-12-01")
        loans = self.env["defis.loan"]._defis_demo_loans(count=14, year=2017)
        self.assertEqual(len(loans), 14)
        self.assertTrue(all(loan.date_start[:4] == "2017" for loan in loans))
        self.assertEqual(Counter(loans.mapped("state")), Counter(
            {"converted": 2, "returned": 11, "lost": 1}))
        self.assertTrue(all(loan.name.startswith("PRET-2017-") for loan in loans))
        self.assertTrue(all(loan.partner_id.defis_is_member_on(loan.date_start)
                            for loan in loans))

    def test_demo_batches(self):
        lots = [create_device(self.env, "T-DEMO-X%d" % i, state="recycled",
                              state_date="2017-%02d-20" % (i * 3 + 1)) for i in range(4)]
        batches = self.env["defis.recycling.batch"]._defis_demo_batches(year=2017)
        self.assertEqual(len(batches), 4)
        self.assertEqual(set(batches.mapped("state")), {"done"})
        for lot in lots:
            self.assertEqual(quantity_at(self.env, lot,
                                         "defis_reuse.stock_location_weee_recycler"), 1.0)
