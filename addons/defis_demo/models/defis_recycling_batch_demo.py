# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The recycling batches of the demo: one a quarter of 2018."""
import logging
import time

from odoo import api, models
from odoo.tools import float_round

_logger = logging.getLogger(__name__)


class DefisRecyclingBatch(models.Model):
    _inherit = "defis.recycling.batch"

    @api.model
    def _defis_demo_batches(self, year=2018):
        """Demo: one batch a quarter of the devices recycled that quarter (up
        to November; December's wait in the recycling location), and what was
        received by quantity in the last one."""
        started = time.time()
        self = self.with_context(tracking_disable=True, mail_notrack=True,
                                 mail_create_nolog=True)
        recycler = self.env.ref("defis_demo.partner_weee_recycler_demo")
        location = self.env.ref("defis_reuse.stock_location_recycling")
        quants = self.env["stock.quant"].search(
            [("location_id", "=", location.id), ("quantity", ">", 0)], order="id")
        lots = quants.mapped("lot_id").filtered(
            lambda lot: lot.defis_state == "recycled"
            and "%s-01-01" % year <= (lot.defis_state_date or "") <= "%s-11-30" % year)
        batches = self.browse()
        for quarter, last_day in enumerate(("04-06", "07-06", "10-05", "12-14")):
            first_month, last_month = "%02d" % (quarter * 3 + 1), "%02d" % (quarter * 3 + 3)
            in_quarter = lots.filtered(
                lambda lot, first=first_month, last=last_month:
                first <= lot.defis_state_date[5:7] <= last)
            lines = self._defis_demo_lot_lines(in_quarter)
            if quarter == 3:
                lines += self._defis_demo_quantity_lines(quants.filtered(lambda q: not q.lot_id))
            if lines:
                batches |= self.create({"partner_id": recycler.id,
                                        "date": "%s-%s" % (year, last_day),
                                        "line_ids": [(0, 0, line) for line in lines]})
        batches.action_validate()
        _logger.info("Recycling batches demo: %d batches in %.1f s",
                     len(batches), time.time() - started)
        return batches

    @api.model
    def _defis_demo_lot_lines(self, lots):
        lines = []
        for category in lots.mapped("defis_category_id"):
            of_category = lots.filtered(lambda lot, cat=category: lot.defis_category_id == cat)
            weight = sum(lot.defis_weight_kg or category.avg_weight_kg or 1.0
                         for lot in of_category)
            lines.append({"category_id": category.id, "lot_ids": [(6, 0, of_category.ids)],
                          "weight_kg": float_round(weight, 1)})
        return lines

    @api.model
    def _defis_demo_quantity_lines(self, quants):
        lines = []
        for product in quants.mapped("product_id"):
            category = product.defis_category_id
            quantity = int(sum(quants.filtered(
                lambda quant, prod=product: quant.product_id == prod).mapped("quantity")))
            if category and category.tracking == "none" and quantity > 0:
                lines.append({"category_id": category.id, "quantity": quantity,
                              "weight_kg": quantity * (category.avg_weight_kg or 1.0)})
        return lines
