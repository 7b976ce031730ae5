import os
import subprocess
import tempfile

from unittest.mock import patch

from odoo import fields
from odoo.tools import config

from odoo.addons.defis_network.tests.common import DefisCase


def pdf_text(env, report_xmlid, records):
    """The text of a QWeb PDF report of ``records``, as pdftotext reads it
    (Odoo renders HTML instead of PDF in tests unless a report directory is set)."""
    with tempfile.TemporaryDirectory() as folder:
        with patch.dict(config.options, test_report_directory=folder):
            pdf, _format = env.ref(report_xmlid).render_qweb_pdf(records.ids)
        path = os.path.join(folder, "report.pdf")
        with open(path, "wb") as pdf_file:
            pdf_file.write(pdf)
        return subprocess.check_output(["pdftotext", "-layout", path, "-"]).decode()


def add_membership(env, partner, date_from="2018-01-01", date_to="2099-12-31"):
    product = env["product.product"].create({
        "name": "Adhésion", "membership": True, "list_price": 10.0, "type": "service",
        "membership_date_from": date_from, "membership_date_to": date_to})
    return env["membership.membership_line"].create({
        "partner": partner.id, "membership_id": product.id, "date": date_from,
        "date_from": date_from, "date_to": date_to, "member_price": 10.0, "state": "paid"})


def create_device(env, name, category="laptop", state="ready", location="ready", grade="a"):
    """A device (lot) already through the workshop, in stock at ``location``."""
    product = env.ref("defis_reuse.product_%s" % category)
    lot = env["stock.production.lot"].create({
        "name": name, "product_id": product.id, "defis_brand": "Lenovo",
        "defis_model": "ThinkPad T440", "defis_ram_gb": 8, "defis_os": "Linux Mint"})
    env["stock.quant"]._update_available_quantity(
        product, env.ref("defis_reuse.stock_location_%s" % location), 1.0, lot_id=lot)
    lot.write({"defis_state": state, "defis_grade_id": env.ref("defis_reuse.device_grade_%s"
                                                               % grade).id})
    return lot


def quantity_at(env, lot, location_xmlid):
    return sum(env["stock.quant"].search([
        ("lot_id", "=", lot.id), ("location_id", "=", env.ref(location_xmlid).id)
    ]).mapped("quantity"))


class LoanCase(DefisCase):
    """Member and non-member households, ready devices, a technician."""

    @classmethod
    def set_up_class_data(cls):
        result = super().set_up_class_data()
        cls.technician = cls.create_user(
            "technicien", [cls.env.ref("defis_reuse.group_defis_technician")])
        cls.member = cls.create_person("Foyer Le Floch", defis_is_household=True)
        add_membership(cls.env, cls.member)
        cls.stranger = cls.create_person("Foyer Guégan", defis_is_household=True)
        cls.today = fields.Date.context_today(cls.env.user)
        return result

    def create_loan(self, lot, partner=None, **values):
        values.setdefault("date_start", self.today)
        return self.env["defis.loan"].create(dict(
            partner_id=(partner or self.member).id, lot_id=lot.id, **values))

    def start_loan(self, name, **values):
        loan = self.create_loan(create_device(self.env, name), **values)
        loan.action_start()
        return loan
