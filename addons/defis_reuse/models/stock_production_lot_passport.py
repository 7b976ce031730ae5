# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import re

from odoo import _, api, fields, models
from odoo.tools.misc import format_date

# a buyer may look a device up once it is offered, sold or lent
PASSPORT_STATES = ("ready", "sold", "lent")
TOKEN = re.compile(r"^[0-9a-f]{32}$")


class StockProductionLot(models.Model):
    """The device's public passport (/appareil/<token>): what the French
    decree of 17 February 2022 asks a seller of a "reconditionné" device to
    tell (tests passed, data erased), and nothing about the persons involved."""

    _inherit = "stock.production.lot"  # pylint: disable=consider-merging-classes-inherited

    defis_passport_token = fields.Char(
        string="Passport token", readonly=True, copy=False,
        help="Unguessable part of the public passport's address, drawn by the database.")
    defis_refurbished_date = fields.Date(
        string="Refurbished on", compute="_compute_defis_refurbished_date", store=True,
        help="Day the last check of the refurbishment checklist was passed.")

    @api.model_cr
    def init(self):
        result = super().init()
        # drawn by PostgreSQL, so that devices created by SQL get one too
        self.env.cr.execute("""
            ALTER TABLE stock_production_lot ALTER COLUMN defis_passport_token
                SET DEFAULT replace(gen_random_uuid()::text, '-', '');
            UPDATE stock_production_lot SET defis_passport_token = DEFAULT
             WHERE defis_passport_token IS NULL;
            CREATE UNIQUE INDEX IF NOT EXISTS stock_production_lot_defis_passport_token_uniq
                ON stock_production_lot (defis_passport_token)""")
        return result

    @api.depends("defis_check_ids.done", "defis_check_ids.date")
    def _compute_defis_refurbished_date(self):
        for lot in self:
            dates = lot.defis_check_ids.filtered("done").mapped("date")
            lot.defis_refurbished_date = max(dates) if dates and all(dates) else False

    @api.model
    def _defis_passport_lot(self, token):
        """The device whose passport ``token`` opens, if it may be shown."""
        if not isinstance(token, str) or not TOKEN.match(token):
            return self.browse()
        return self.search([("defis_passport_token", "=", token),
                            ("defis_state", "in", PASSPORT_STATES)], limit=1)

    def _defis_passport_url(self):
        self.ensure_one()
        base = self.env["ir.config_parameter"].sudo().get_param("web.base.url", "")
        return "%s/appareil/%s" % (base.rstrip("/"), self.defis_passport_token)

    def _defis_passport_qr(self):
        """The passport's address as a QR code image (data URI) for labels."""
        self.ensure_one()
        png = self.env["ir.actions.report"].barcode(
            "QR", self._defis_passport_url(), width=600, height=600)
        return "data:image/png;base64,%s" % base64.b64encode(png).decode()

    def action_defis_open_passport(self):
        self.ensure_one()
        return {"type": "ir.actions.act_url", "url": self._defis_passport_url(),
                "target": "new"}

    # -- what the public page shows -----------------------------------------
    @api.model
    def _defis_passport_title(self, passport):
        if not passport:
            return _("Unknown device")
        return _("%s: device passport") % passport["device"]

    def _defis_passport_values(self):
        """Everything the public passport shows, and nothing else: no serial
        number, price, donor, household or operator."""
        self.ensure_one()
        env = self.env
        return {
            "device": " ".join(filter(None, [self.defis_brand, self.defis_model]))
            or self.defis_category_id.name,
            "category": self.defis_category_id.name,
            "grade": self.defis_grade_id.name,
            "grade_description": self.defis_grade_id.description,
            "specs": self._defis_passport_specs(),
            "refurbished_on": format_date(env, self.defis_refurbished_date) or False,
            "checks": self.defis_check_ids.filtered("done").mapped("name"),
            "erasures": self._defis_passport_erasures(),
            "warranty": self._defis_passport_warranty(),
            "association": self._defis_passport_association(),
        }

    def _defis_passport_specs(self):
        category = self.defis_category_id
        storage = self.defis_storage_gb and "%d Go%s" % (self.defis_storage_gb, (
            " " + dict(self._fields["defis_storage_type"]._description_selection(self.env))[
                self.defis_storage_type]) if self.defis_storage_type else "")
        specs = [
            (category.spec_processor, _("Processor"), self.defis_processor),
            (category.spec_ram, _("Memory"), self.defis_ram_gb and (
                "%g Go" % self.defis_ram_gb).replace(".", ",")),
            (category.spec_storage, _("Storage"), storage),
            (category.spec_screen, _("Screen"), self.defis_screen_inches and _(
                "%s inches") % ("%g" % self.defis_screen_inches).replace(".", ",")),
            (category.spec_os, _("Operating system"), self.defis_os),
            (category.spec_battery, _("Battery"), self.defis_battery_health and _(
                "%d %% of its original capacity") % self.defis_battery_health),
        ]
        return [(label, value) for shown, label, value in specs if shown and value]

    def _defis_passport_erasures(self):
        """Method, standard and date of the device's last successful erasure
        (one line per disk erased that day)."""
        done = self.defis_erasure_ids.filtered(lambda erasure: erasure.result == "success")
        last = done[:1].date
        methods = dict(done._fields["method"]._description_selection(self.env))
        return [_("%(method)s, %(standard)s, on %(date)s") % {
            "method": methods.get(erasure.method, erasure.method), "standard": erasure.standard,
            "date": format_date(self.env, erasure.date)}
            for erasure in done.filtered(lambda erasure: erasure.date == last)]

    def _defis_passport_warranty(self):
        if self.defis_warranty_end:
            return _("Warranty until %s") % format_date(self.env, self.defis_warranty_end)
        months = self.defis_category_id.warranty_months
        return months and _("%d months' warranty from the day of purchase") % months

    def _defis_passport_association(self):
        company = self.env.user.company_id
        partner = company.partner_id
        address = [partner.street, partner.street2,
                   " ".join(filter(None, [partner.zip, partner.city]))]
        return {"name": company.name, "address": [line for line in address if line],
                "phone": company.phone, "email": company.email, "website": company.website}
