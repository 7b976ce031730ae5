# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

from .defis_device_category import WEEE_CATEGORIES


class DefisIntakeLine(models.Model):
    """Items of one category in an intake. Serial numbers, when known, are
    given one per line in ``serial_numbers`` (in the order of the devices)."""

    _name = "defis.intake.line"
    _description = "Equipment intake line"
    _order = "intake_id, sequence, id"

    intake_id = fields.Many2one(
        "defis.intake", string="Intake", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    category_id = fields.Many2one(
        "defis.device.category", string="Category", required=True, ondelete="restrict")
    product_id = fields.Many2one(related="category_id.product_id", readonly=True)
    quantity = fields.Integer(required=True, default=1)
    weight_kg = fields.Float(
        string="Weight (kg)", required=True, digits=(16, 2),
        help="Total weight of the items of this line: the quantity times the "
             "category's average weight, until a weighed value is typed.")
    weight_manual = fields.Boolean(
        string="Weight typed", copy=False,
        help="The weight was typed (weighed): it no longer follows the quantity.")
    weee_category = fields.Selection(WEEE_CATEGORIES, string="WEEE category", required=True)
    brand = fields.Char()
    model = fields.Char()
    serial_numbers = fields.Text(
        help="Manufacturers' serial numbers, one per line, when known.")
    lot_ids = fields.One2many(
        "stock.production.lot", "defis_intake_line_id", string="Devices", readonly=True)
    state = fields.Selection(related="intake_id.state", readonly=True)

    _sql_constraints = [
        ("quantity_positive", "check (quantity > 0)",
         "The quantity of an intake line must be positive."),
        ("weight_positive", "check (weight_kg > 0)",
         "The weight of an intake line must be positive."),
    ]

    @api.onchange("category_id")
    def _onchange_category_id(self):
        if self.category_id:
            self.weee_category = self.category_id.weee_category

    # weight: quantity x average weight, until a person types their own ----
    @api.model
    def _average_weight(self, category, quantity):
        return (category.avg_weight_kg or 0.0) * (quantity or 0)

    @api.model
    def _is_typed_weight(self, weight, category, quantity):
        """A weight other than quantity x average was typed by a person."""
        return bool(weight) and float_compare(
            weight, self._average_weight(category, quantity), precision_digits=2) != 0

    @api.onchange("category_id", "quantity")
    def _onchange_quantity(self):
        average = self._average_weight(self.category_id, self.quantity)
        if average and not self.weight_manual:
            self.weight_kg = average

    @api.onchange("weight_kg")
    def _onchange_weight_kg(self):
        self.weight_manual = self._is_typed_weight(
            self.weight_kg, self.category_id, self.quantity)

    def _weight_values(self, vals):
        """``vals`` completed as the form would: the weight follows the
        quantity unless it is (or was) typed."""
        vals = dict(vals)
        category = self.env["defis.device.category"].browse(
            vals.get("category_id", self.category_id.id))
        quantity = vals.get("quantity", self.quantity)
        if "weight_kg" in vals:
            if "weight_manual" not in vals:
                vals["weight_manual"] = self._is_typed_weight(
                    vals["weight_kg"], category, quantity)
        elif not vals.get("weight_manual", self.weight_manual) and (
                not self or {"category_id", "quantity"} & set(vals)):
            average = self._average_weight(category, quantity)
            if average:
                vals["weight_kg"] = average
        return vals

    @api.model
    def create(self, vals):
        if not vals.get("weee_category") and vals.get("category_id"):
            vals["weee_category"] = self.env["defis.device.category"].browse(
                vals["category_id"]).weee_category
        line = super().create(self._weight_values(vals))
        line.intake_id._check_editable()
        return line

    @api.multi
    def write(self, vals):
        self.mapped("intake_id")._check_editable()
        if not {"category_id", "quantity", "weight_kg"} & set(vals):
            return super().write(vals)
        for line in self:
            super(DefisIntakeLine, line).write(line._weight_values(vals))
        return True

    @api.multi
    def unlink(self):
        self.mapped("intake_id")._check_editable()
        return super().unlink()

    def _serial_list(self):
        self.ensure_one()
        return [s.strip() for s in (self.serial_numbers or "").splitlines() if s.strip()]

    @api.constrains("serial_numbers", "quantity", "category_id")
    def _check_serial_numbers(self):
        for line in self:
            serials = line._serial_list()
            if serials and line.category_id.tracking != "serial":
                raise ValidationError(_(
                    "%s are received by quantity: they take no serial numbers.")
                    % line.category_id.name)
            if len(serials) > line.quantity:
                raise ValidationError(_(
                    "%(count)d serial numbers are given for %(qty)d items of %(cat)s.") % {
                        "count": len(serials), "qty": line.quantity,
                        "cat": line.category_id.name})

    def _defis_check_serials(self):
        """Serial numbers given twice for the same product; returns
        {product id: set of serials}."""
        serials = {}
        for line in self:
            known = serials.setdefault(line.product_id.id, set())
            for serial in line._serial_list():
                if serial in known:
                    raise UserError(_(
                        "Serial number %(serial)s is given twice for %(cat)s.") % {
                            "serial": serial, "cat": line.category_id.name})
                known.add(serial)
        return serials

    @api.model
    def _defis_check_serials_unknown(self, serials):
        """One query: none of the serials is already known for its product."""
        pairs = [(product, serial) for product, values in serials.items() for serial in values]
        if not pairs:
            return
        self.env.cr.execute("""
            SELECT lot.ref, lot.name FROM stock_production_lot lot
              JOIN (VALUES %s) AS given(product_id, ref)
                ON given.product_id = lot.product_id AND given.ref = lot.ref
             LIMIT 1""" % ", ".join(["(%s, %s)"] * len(pairs)),
                            [value for pair in pairs for value in pair])
        found = self.env.cr.fetchone()
        if found:
            raise UserError(_(
                "Serial number %(serial)s is already known: device %(tag)s.") % {
                    "serial": found[0], "tag": found[1]})

    # -- reception --------------------------------------------------------
    def _stock_entry(self):
        """(product, quantity, lot values of each device or None) for the
        stock service's receipt."""
        self.ensure_one()
        product = self.product_id
        if not product:
            raise UserError(_("Category %s has no stock product.") % self.category_id.name)
        if product.tracking != "serial":
            return product, self.quantity, None
        return product, self.quantity, self._lot_values()

    def _lot_values(self):
        """One device per item, named after its asset tag."""
        tags = self.env["stock.production.lot"]._defis_next_asset_tags(
            self.quantity, self.intake_id.date)
        serials = self._serial_list()
        common = {
            "defis_intake_line_id": self.id,
            "defis_brand": self.brand,
            "defis_model": self.model,
            "defis_weight_kg": self.weight_kg / self.quantity,
        }
        return [dict(common, name=tag, defis_asset_tag=tag,
                     ref=serials[index] if index < len(serials) else False)
                for index, tag in enumerate(tags)]
