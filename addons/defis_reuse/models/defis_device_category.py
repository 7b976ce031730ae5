# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import os

from odoo import api, fields, models
from odoo.modules.module import get_module_resource

WEEE_CATEGORIES = [
    ("1", "1. Temperature exchange equipment"),
    ("2", "2. Screens and monitors (over 100 cm²)"),
    ("3", "3. Lamps"),
    ("4", "4. Large equipment"),
    ("5", "5. Small equipment"),
    ("6", "6. Small IT and telecommunication equipment"),
]


class DefisDeviceCategory(models.Model):
    """A kind of donated equipment (laptop, monitor...): one stock product
    per category, serial-tracked when devices are followed one by one."""

    _name = "defis.device.category"
    _description = "Device category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    tracking = fields.Selection(
        [("serial", "One by one (serial)"), ("none", "By quantity")],
        required=True, default="serial")
    weee_category = fields.Selection(
        WEEE_CATEGORIES, string="WEEE category", required=True, default="6")
    product_id = fields.Many2one(
        "product.product", string="Stock product", ondelete="restrict",
        domain=[("type", "=", "product")])
    warranty_months = fields.Integer(
        string="Warranty (months)", default=6,
        help="Warranty given with a device of this category when it is sold.")
    avg_weight_kg = fields.Float(
        string="Average weight (kg)", digits=(16, 2))

    # the specifications a device of the category has (its form shows these)
    spec_processor = fields.Boolean(string="Processor", default=True)
    spec_ram = fields.Boolean(string="Memory", default=True)
    spec_storage = fields.Boolean(string="Storage", default=True)
    spec_screen = fields.Boolean(string="Screen", default=True)
    spec_os = fields.Boolean(string="Operating system", default=True)
    spec_battery = fields.Boolean(string="Battery", default=False)

    checklist_item_ids = fields.One2many(
        "defis.checklist.item", "category_id", string="Refurbishment checklist")

    _sql_constraints = [
        ("code_uniq", "unique (code)", "The code of a device category must be unique."),
        ("warranty_positive", "check (warranty_months >= 0)",
         "The warranty duration cannot be negative."),
    ]

    @api.model
    def create(self, vals):
        category = super().create(vals)
        category._sync_product()
        return category

    @api.multi
    def write(self, vals):
        result = super().write(vals)
        if "product_id" in vals:
            self._sync_product()
        return result

    def _sync_product(self):
        """The category's product knows its category (devices read it)."""
        for category in self.filtered("product_id"):
            if category.product_id.defis_category_id != category:
                category.product_id.defis_category_id = category

    @api.model
    def _defis_set_default_images(self):
        """Each category's product gets the picture of its kind
        (``static/img/category/<code>.png``) unless it has one: the till shows
        it on the product's tile."""
        for category in self.search([("product_id", "!=", False)]):
            path = get_module_resource(
                "defis_reuse", "static", "img", "category", "%s.png" % category.code)
            if path and os.path.isfile(path) and not category.product_id.image:
                with open(path, "rb") as picture:
                    category.product_id.image = base64.b64encode(picture.read())
        return True
