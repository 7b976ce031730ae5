# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
import subprocess
import tempfile

import psycopg2

from odoo import fields
from odoo.exceptions import UserError
from odoo.tools import config

from odoo.addons.defis_network.tests.common import DefisCase

_logger = logging.getLogger(__name__)


class ReuseCase(DefisCase):
    """Reuse users (technician, manager, cashier), a donor, and helpers that
    receive devices and walk them through the workshop. Test classes build
    their data in ``set_up_reuse_data``. After each test, every device of
    the database must be where its state says."""

    mismatches_expected = False

    @classmethod
    def set_up_class_data(cls):
        super().set_up_class_data()
        ref = cls.env.ref
        cls.group_technician = ref("defis_reuse.group_defis_technician")
        cls.technician = cls.create_user("technicien", [cls.group_technician])
        cls.manager = cls.defis_manager
        cls.cashier = cls.create_user("caissier", [ref("point_of_sale.group_pos_user")])
        cls.donor = cls.env["res.partner"].create({
            "name": "Lorient Agglomération", "is_company": True, "city": "Lorient"})
        cls.cat_laptop = ref("defis_reuse.device_category_laptop")
        cls.cat_desktop = ref("defis_reuse.device_category_desktop")
        cls.cat_monitor = ref("defis_reuse.device_category_monitor")
        cls.cat_printer = ref("defis_reuse.device_category_printer")
        cls.cat_tablet = ref("defis_reuse.device_category_tablet")
        cls.grade_a = ref("defis_reuse.device_grade_a")
        cls.grade_b = ref("defis_reuse.device_grade_b")
        cls.loc_intake = ref("defis_reuse.stock_location_intake")
        cls.loc_workshop = ref("defis_reuse.stock_location_workshop")
        cls.loc_ready = ref("defis_reuse.stock_location_ready")
        cls.loc_parts = ref("defis_reuse.stock_location_parts")
        cls.loc_recycling = ref("defis_reuse.stock_location_recycling")
        return cls.set_up_reuse_data()

    @classmethod
    def set_up_reuse_data(cls):
        """Data of a test class, built once (override it)."""

    @classmethod
    def create_intake(cls, lines, donor=None, date="2018-03-15", user=None):
        """A draft intake; ``lines`` are (category, quantity, weight_kg) or
        (category, quantity, weight_kg, serial numbers list)."""
        env = cls.env(user=user.id) if user else cls.env
        values = []
        for line in lines:
            category, quantity, weight = line[:3]
            serials = line[3] if len(line) > 3 else []
            values.append((0, 0, {
                "category_id": category.id, "quantity": quantity, "weight_kg": weight,
                "serial_numbers": "\n".join(serials)}))
        return env["defis.intake"].create({
            "partner_id": (donor or cls.donor).id, "date": date,
            "place": "Lanester", "line_ids": values})

    @classmethod
    def receive_devices(cls, count=1, category=None, date="2018-03-15", serials=()):
        """Validated intake of ``count`` devices; returns their lots."""
        category = category or cls.cat_laptop
        intake = cls.create_intake(
            [(category, count, 2.0 * count, list(serials))], date=date)
        intake.action_validate()
        return intake.lot_ids

    @classmethod
    def erase(cls, lots, result="success", date=None):
        Erasure = cls.env["defis.erasure"]
        for lot in lots:
            Erasure.create({
                "lot_id": lot.id, "method": "overwrite", "passes": 1,
                "standard": "NIST SP 800-88 r1", "tool": "nwipe 0.34",
                "result": result, "date": date or lot.defis_state_date})

    @classmethod
    def erase_batch(cls, lots, date="2018-03-20"):
        return cls.env["defis.erasure"].record_batch(lots, {
            "method": "crypto", "standard": "ANSSI", "tool": "hdparm 9.58", "date": date})

    @classmethod
    def do_checks(cls, lots):
        lots.mapped("defis_check_ids").write({"done": True})

    @classmethod
    def make_ready(cls, lots, grade=None):
        """Walk received devices through the workshop to 'ready'."""
        return walk_to(lots, "ready", grade=grade or cls.grade_a)

    @classmethod
    def ready_devices(cls, count=1, category=None, grade=None):
        return cls.make_ready(cls.receive_devices(count, category), grade)

    def tearDown(self):
        # every scenario leaves each device where its state says (unless
        # the test broke the transaction: it has failed already)
        mismatches = []
        if not self.mismatches_expected:
            try:
                with self.cr.savepoint():
                    mismatches = self.env["stock.production.lot"]._defis_mismatches()
            except psycopg2.Error as error:
                _logger.info("health check skipped, the transaction is broken: %s", error)
        super().tearDown()
        self.assertFalse(mismatches, "\n".join(text for _lot, text in mismatches))

    def stock_at(self, lot, location):
        return sum(self.env["stock.quant"].search([
            ("lot_id", "=", lot.id), ("location_id", "=", location.id)]).mapped("quantity"))

    def pdf_text(self, report_xmlid, records):
        """Text of the PDF report rendered for ``records`` (pdftotext)."""
        with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf_file:
            pdf_file.write(render_pdf(self.env, report_xmlid, records))
            pdf_file.flush()
            return subprocess.check_output(
                ["pdftotext", "-layout", pdf_file.name, "-"]).decode()


def render_pdf(env, report_xmlid, records):
    """The PDF report rendered for ``records`` by wkhtmltopdf, in French."""
    report = env.ref(report_xmlid).with_context(lang="fr_FR")
    # Odoo renders HTML instead of PDF in tests unless reports have a
    # directory: wkhtmltopdf runs for real here
    with tempfile.TemporaryDirectory() as directory:
        saved = config["test_report_directory"]
        config["test_report_directory"] = directory
        try:
            return report.render_qweb_pdf(records.ids)[0]
        finally:
            config["test_report_directory"] = saved


def add_membership(env, partner, date_from="2018-01-01", date_to="2099-12-31"):
    product = env["product.product"].create({
        "name": "Adhésion", "membership": True, "list_price": 10.0, "type": "service",
        "membership_date_from": date_from, "membership_date_to": date_to})
    return env["membership.membership_line"].create({
        "partner": partner.id, "membership_id": product.id, "date": date_from,
        "date_from": date_from, "date_to": date_to, "member_price": 10.0, "state": "paid"})


def receive(env, count=1, category="laptop", date=None):
    """Devices received by a validated intake of a test donor."""
    donor = env["res.partner"].search([("name", "=", "Donateur (tests)")], limit=1) \
        or env["res.partner"].create({"name": "Donateur (tests)", "is_company": True})
    category = env.ref("defis_reuse.device_category_%s" % category)
    intake = env["defis.intake"].create({
        "partner_id": donor.id, "date": date or fields.Date.today(), "line_ids": [(0, 0, {
            "category_id": category.id, "quantity": count,
            "weight_kg": (category.avg_weight_kg or 1.0) * count})]})
    intake.action_validate()
    return intake.lot_ids


def walk_to(lots, state, date=None, grade=None):
    """Walk received devices through the workshop, the way technicians do,
    until ``state`` (received, diagnosed, erased, refurbished, ready, parts,
    recycled); every step on ``date``."""
    env = lots.env
    if state in ("parts", "recycled"):
        lots._defis_route(state, date=date)
        return lots
    steps = ("diagnosed", "erased", "refurbished", "ready")
    for step in steps[:steps.index(state) + 1] if state in steps else ():
        if step == "erased":
            env["defis.erasure"].record_batch(lots, {
                "method": "overwrite", "passes": 1, "standard": "NIST SP 800-88 r1",
                "tool": "nwipe 0.34", "date": date or fields.Date.today()})
            continue
        if step == "ready":
            lots.mapped("defis_check_ids").write({"done": True})
            lots.write({"defis_grade_id": (grade or env.ref("defis_reuse.device_grade_a")).id})
        lots._defis_route(step, date=date)
    return lots


def create_device(env, name, category="laptop", state="ready", grade="a", state_date=None,
                  received=None):
    """A device received by an intake (on ``received``, or ``state_date``)
    and walked through the workshop to ``state`` on ``state_date``, renamed
    ``name``."""
    date = state_date or fields.Date.today()
    lot = receive(env, 1, category, received or date)
    lot.write({"name": name, "defis_asset_tag": name, "defis_brand": "Lenovo",
               "defis_model": "ThinkPad T440", "defis_ram_gb": 8, "defis_os": "Linux Mint"})
    if isinstance(grade, str):
        grade = env.ref("defis_reuse.device_grade_%s" % grade)
    return walk_to(lot, state, date, grade)


def receive_items(env, category, quantity, location=None, date=None):
    """Items by quantity received by an intake, then moved to ``location``
    (a location xmlid) by the stock service."""
    category = env.ref("defis_reuse.device_category_%s" % category)
    receive_items_intake = env["defis.intake"].create({
        "partner_id": env["res.partner"].create({"name": "Donateur d'articles"}).id,
        "date": date or fields.Date.today(), "line_ids": [(0, 0, {
            "category_id": category.id, "quantity": quantity,
            "weight_kg": (category.avg_weight_kg or 1.0) * quantity})]})
    receive_items_intake.action_validate()
    if location:
        env["defis.device.stock"].move(
            [(category.product_id, float(quantity))], env.ref(location),
            source=env.ref("defis_reuse.stock_location_intake"), date=date)


def sell_device(lots, partner, date=None):
    """The devices sold to ``partner`` on ``date`` (noon) at their grid
    price, paid in cash, by an order of the open till session synced as the
    till sends it (``create_from_ui``) and delivered by the stock service;
    when the delivery cannot be made, its reason is raised. As superuser:
    the cashier's own rights are the till's tests' concern."""
    env = lots.sudo().env
    session = open_till(env)
    grid = env["defis.price.grid"]
    devices = [(lot, grid.price_for(lot.defis_category_id, lot.defis_grade_id))
               for lot in lots.sudo()]
    cash = session._defis_statement("cash").journal_id
    Order = env["pos.order"]
    reference = "Commande %05d-900-%04d" % (
        session.id, Order.search_count([("session_id", "=", session.id)]) + 1)
    ui_order = session._defis_ui_order(
        reference, partner, devices, [(cash, sum(price for _lot, price in devices))],
        "%s 12:00:00" % (date or fields.Date.context_today(session)), env.user)
    _read_precisions(env)
    order = Order.browse(Order.create_from_ui([{"to_invoice": False, "data": ui_order}]))
    if order.defis_undelivered:
        raise UserError(order.defis_conflict_reason)
    return order


def _read_precisions(env):
    """Odoo reads a decimal precision it has not cached through a cursor of
    its own, committed at once; in an HTTP test every cursor is the test's,
    so such a read inside the delivery's savepoint would release it: the
    precisions are read (cached) beforehand."""
    precision = env["decimal.precision"]
    for name in precision.search([]).mapped("name"):
        precision.precision_get(name)


def open_till(env, user=None):
    """The till "Boutique solidaire" paid in its cash journals (cash, Pass
    numérique, loan deposits), with an open session."""
    config = env.ref("point_of_sale.pos_config_main")
    journals = env["account.journal"].search([
        ("type", "=", "cash"), ("company_id", "=", config.company_id.id)])
    journals.write({"journal_user": True})
    config.write({"journal_ids": [(6, 0, journals.ids)]})
    session = env["pos.session"].search(
        [("config_id", "=", config.id), ("state", "=", "opened")], limit=1)
    if not session:
        user = user or env.user
        session = env["pos.session"].sudo(user).create(
            {"config_id": config.id, "user_id": user.id})
        session.action_pos_session_open()
    return session.sudo(env.uid)


def quantity_at(env, lot, location_xmlid):
    return sum(env["stock.quant"].search([
        ("lot_id", "=", lot.id), ("location_id", "=", env.ref(location_xmlid).id)
    ]).mapped("quantity"))


class LoanCase(ReuseCase):
    """Member and non-member households, for loans and recycling batches."""

    @classmethod
    def set_up_reuse_data(cls):
        cls.member = cls.create_person("Foyer Le Floch", defis_is_household=True)
        add_membership(cls.env, cls.member)
        cls.stranger = cls.create_person("Foyer Guégan", defis_is_household=True)
        cls.today = fields.Date.context_today(cls.env.user)

    def create_loan(self, lot, partner=None, **values):
        values.setdefault("date_start", self.today)
        return self.env["defis.loan"].create(dict(
            partner_id=(partner or self.member).id, lot_id=lot.id, **values))

    def start_loan(self, name, **values):
        loan = self.create_loan(create_device(self.env, name), **values)
        loan.action_start()
        return loan
