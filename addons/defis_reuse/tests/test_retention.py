import json

import xlrd

from odoo.exceptions import UserError

from odoo.addons.defis_network.tests.test_privacy import label

from .common_pos import DefisPosCase
from .test_reuse_report import FIGURES, ReuseReportCase


class TestReuseFiguresKept(ReuseReportCase):
    """Households A and B bought devices, D holds an open loan: anonymising
    A and B changes no figure of the reuse report; D cannot be erased."""

    def report_figures(self):
        book = self.env["defis.reuse.report.wizard"].sudo(self.defis_manager).create({
            "year_from": "2020", "year_to": "2021"})
        content, _type = self.env.ref("defis_reuse.action_report_reuse_xlsx").sudo(
            self.defis_manager).with_context(lang="fr_FR").render(book.ids, {})
        sheet = xlrd.open_workbook(file_contents=content).sheet_by_index(0)
        cells = [sheet.row_values(row) for row in range(sheet.nrows)]
        return cells, self.figures([("year", "in", ("2020", "2021"))], ["year", "category_id"])

    def test_figures_identical_after_anonymising(self):
        self.h1.write({"email": "foyera@example.org", "phone": "02 97 00 00 01"})
        before = self.report_figures()
        self.assertTrue(before[1])
        (self.h1 | self.h2).sudo(self.defis_manager).action_defis_anonymize()
        # their till orders are accounting documents: the names wait ten years,
        # the rest is erased now
        for household in self.h1 | self.h2:
            self.assertTrue(household.defis_anonymized or household.defis_privacy_kept_until)
        self.assertFalse(self.h1.email or self.h1.phone)
        self.assertEqual(self.report_figures(), before)
        self.assertTrue(set(FIGURES) <= set(next(iter(before[1].values()))))

    def test_open_loan_refuses_the_erasure(self):
        self.tablet_loan.note = "Mme D, appeler le soir"
        with self.assertRaisesRegex(UserError, "%s.*ouvert" % self.tablet_loan.name):
            self.h4.sudo(self.defis_manager).with_context(lang="fr_FR").action_defis_anonymize()
        self.assertFalse(self.h4.defis_anonymized)
        self.assertEqual(self.tablet_loan.note, "Mme D, appeler le soir")
        self.h4.defis_last_activity_date = "2010-01-01"
        self.assertNotIn(self.h4, self.env["res.partner"]._cron_defis_anonymize_inactive())

    def test_purchases_are_activity(self):
        """A and B have no membership: only their 2020-2021 purchases keep them."""
        buyers = self.h1 | self.h2
        buyers.write({"defis_last_activity_date": "2010-01-01"})
        parameters = self.env["ir.config_parameter"].sudo()
        parameters.set_param("defis_network.retention_years", 7)
        self.assertFalse(buyers & self.env["res.partner"]._cron_defis_anonymize_inactive())
        parameters.set_param("defis_network.retention_years", 1)
        self.assertEqual(buyers & self.env["res.partner"]._cron_defis_anonymize_inactive(),
                         buyers)


class TestTillOrdersKept(DefisPosCase):
    """A paid till order is an accounting document: the erasure keeps the
    customer's name on it for ten years and erases the rest."""

    def test_paid_order_keeps_the_name_ten_years(self):
        self.member.write({"email": "legall@example.org", "phone": "02 97 00 00 02"})
        order = self.sell(self.create_ready_device("RGPD-001"), self.member)
        order.note = "Mme Le Gall préfère être appelée le matin"
        self.assertIn(order.state, ("paid", "done", "invoiced"))
        self.member.sudo(self.defis_manager).with_context(lang="fr_FR").action_defis_anonymize()
        self.assertFalse(self.member.defis_anonymized)
        self.assertEqual(self.member.name, "Famille Le Gall")
        self.assertFalse(self.member.email or self.member.phone)
        self.assertFalse(order.note)
        self.assertEqual(order.partner_id, self.member)
        year = int(self.today[:4]) + 10
        self.assertEqual(self.member.defis_privacy_kept_until[:4], str(year))
        self.assertIn("commande", self.member.defis_privacy_kept)
        self.assertIn("/%d" % year, self.member.defis_privacy_kept)

    def test_export_holds_loans_purchases_and_orders(self):
        lot = self.create_ready_device("RGPD-002")
        order = self.sell(lot, self.member)
        _name, content = self.member.sudo(self.defis_user).with_context(
            lang="fr_FR")._defis_personal_data_file()
        data = json.loads(content.decode("utf-8"))["Données"]
        reference = label(self.env, "pos.order", "name")
        self.assertEqual([row[reference] for row in data["Commandes en caisse"]], [order.name])
        device = label(self.env, "stock.production.lot", "name")
        self.assertEqual([row[device] for row in data["Appareils achetés"]], [lot.name])
        self.assertEqual(data["Prêts"], [])
