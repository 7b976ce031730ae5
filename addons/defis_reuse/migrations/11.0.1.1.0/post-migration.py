# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Device products got the company's default sale tax (20 %) at installation,
added on top of the grid price at the till: they carry no tax.

A device whose loan was declared lost stayed *prêté* while it left the stock
for the inventory loss: it becomes *perdu*, through the device's one writer
of the state (which checks that it is in the inventory loss)."""
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    for table in ("product_taxes_rel", "product_supplier_taxes_rel"):
        cr.execute("""
            DELETE FROM %s rel USING product_template template
             WHERE rel.prod_id = template.id AND template.defis_category_id IS NOT NULL
        """ % table)
    _lost_loans_devices_lost(api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True}))


def _lost_loans_devices_lost(env):
    loans = env["defis.loan"].search(
        [("state", "=", "lost"), ("lot_id.defis_state", "=", "lent")])
    for loan in loans:
        lot = loan.lot_id
        if lot._defis_current_locations().get(lot.id) == env.ref("stock.location_inventory"):
            lot._defis_set_state("lost", date=loan.date_return, partner=loan.partner_id)
