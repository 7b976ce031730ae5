# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Households in the retention rules: loans and purchases are activity, an
open loan blocks an erasure, paid till orders are accounting documents."""
from odoo import _, fields, models

from odoo.addons.defis_network.models.res_partner_retention import Hold, years_after, \
    years_before

from .defis_loan import OPEN_STATES

# accounting documents are kept ten years (Code de commerce, art. L123-22)
ACCOUNTING_YEARS = 10
PAID_STATES = ("paid", "done", "invoiced")


# contacts are extended in one file per concern, on purpose
class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    def _defis_active_since(self, date):
        """A loan, a purchase or a till order since ``date`` is activity."""
        if super()._defis_active_since(date):
            return True
        loans = self.env["defis.loan"].sudo().search_count([
            ("partner_id", "=", self.id), "|", "|", ("state", "in", OPEN_STATES),
            ("date_start", ">=", date), ("date_return", ">=", date)])
        purchases = self.env["stock.production.lot"].sudo().search_count([
            ("defis_partner_id", "=", self.id), ("defis_sale_date", ">=", date)])
        return bool(loans or purchases or self._defis_paid_orders(date))

    def _defis_paid_orders(self, since):
        return self.env["pos.order"].sudo().search([
            ("partner_id", "=", self.id), ("state", "in", PAID_STATES),
            ("date_order", ">=", since)], order="date_order desc")

    def _defis_privacy_holds(self):
        holds = super()._defis_privacy_holds()
        loans = self.env["defis.loan"].sudo().search([
            ("partner_id", "=", self.id), ("state", "in", OPEN_STATES)])
        if loans:
            holds.append(Hold(_(
                "the loan %s is open: the device must come back (or the loan be closed) "
                "first.") % ", ".join(loans.mapped("name")), False, True))
        today = fields.Date.context_today(self)
        orders = self._defis_paid_orders(years_before(today, ACCOUNTING_YEARS))
        if orders:
            last = fields.Date.to_string(fields.Datetime.from_string(orders[0].date_order))
            holds.append(Hold(_(
                "The name on %(count)d paid till order(s), accounting documents kept "
                "%(years)d years.") % {"count": len(orders), "years": ACCOUNTING_YEARS},
                years_after(last, ACCOUNTING_YEARS), False))
        return holds

    def _defis_anonymize_copies(self, keep_name):
        """The notes of loans and till orders may name the person."""
        super()._defis_anonymize_copies(keep_name)
        for model in ("defis.loan", "pos.order"):
            self.env[model].sudo().search([
                ("partner_id", "=", self.id), ("note", "!=", False)]).write({"note": False})
        return True

    def _defis_personal_data(self):
        data = super()._defis_personal_data()
        data[_("Loans")] = self._defis_export_rows(
            self.env["defis.loan"].search([("partner_id", "=", self.id)]),
            ["name", "lot_id", "date_start", "date_due", "date_return", "state",
             "deposit_amount", "deposit_state", "note"])
        data[_("Devices bought")] = self._defis_export_rows(
            self.env["stock.production.lot"].search([("defis_partner_id", "=", self.id)]),
            ["name", "product_id", "defis_sale_date", "defis_warranty_end"])
        data[_("Till orders")] = self._defis_export_rows(
            self.env["pos.order"].search([("partner_id", "=", self.id)]),
            ["name", "date_order", "amount_total", "state", "note"])
        return data
