# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

DEVICE_STATES = [
    ("received", "Received"),
    ("diagnosed", "Diagnosed"),
    ("erased", "Erased"),
    ("refurbished", "Refurbished"),
    ("ready", "Ready"),
    ("sold", "Sold"),
    ("lent", "Lent"),
    ("parts", "Parts"),
    ("recycled", "Recycled"),
]
# allowed transitions: state -> states it may go to
TRANSITIONS = {
    "received": ("diagnosed", "parts", "recycled"),
    "diagnosed": ("erased", "parts", "recycled"),
    "erased": ("refurbished", "parts", "recycled"),
    "refurbished": ("ready", "parts", "recycled"),
    "ready": ("sold", "lent", "diagnosed", "parts", "recycled"),
    "lent": ("diagnosed", "sold", "ready"),
    "sold": ("diagnosed",),
    "parts": ("recycled",),
    "recycled": (),
}
STORAGE_TYPES = [
    ("hdd", "Hard disk (HDD)"),
    ("ssd", "SSD"),
    ("emmc", "eMMC"),
    ("none", "None"),
]


class StockProductionLot(models.Model):
    """A donated device, followed one by one from intake to sale, loan,
    parts or recycling. Its state is the single truth of where it is in
    the workshop and whether it was sold."""

    _inherit = "stock.production.lot"

    defis_category_id = fields.Many2one(
        "defis.device.category", string="Device category",
        related="product_id.defis_category_id", store=True, readonly=True, index=True)
    defis_asset_tag = fields.Char(string="Asset tag", index=True, copy=False)
    defis_intake_line_id = fields.Many2one(
        "defis.intake.line", string="Intake line", index=True, readonly=True, copy=False,
        ondelete="restrict")
    defis_intake_id = fields.Many2one(
        related="defis_intake_line_id.intake_id", string="Intake", readonly=True)
    defis_donor_id = fields.Many2one(
        related="defis_intake_line_id.intake_id.partner_id", string="Donor", readonly=True)
    defis_brand = fields.Char(string="Brand")
    defis_model = fields.Char(string="Model")
    defis_processor = fields.Char(string="Processor")
    defis_ram_gb = fields.Float(string="RAM (GB)", digits=(16, 1))
    defis_storage_gb = fields.Integer(string="Storage (GB)")
    defis_storage_type = fields.Selection(STORAGE_TYPES, string="Storage type")
    defis_screen_inches = fields.Float(string="Screen (inches)", digits=(16, 1))
    defis_os = fields.Char(string="Operating system")
    defis_grade_id = fields.Many2one(
        "defis.device.grade", string="Grade", index=True, track_visibility="onchange")
    defis_state = fields.Selection(
        DEVICE_STATES, string="Device state", index=True, readonly=True, copy=False,
        track_visibility="onchange")
    defis_state_date = fields.Date(
        string="State date", readonly=True, copy=False,
        help="Date of the last change of state.")
    defis_partner_id = fields.Many2one(
        "res.partner", string="Household", index=True, readonly=True, copy=False,
        track_visibility="onchange", groups="defis_network.group_defis_user",
        help="Household that bought or borrowed the device.")
    defis_sale_date = fields.Date(string="Sale date", readonly=True, copy=False)
    defis_warranty_end = fields.Date(string="Warranty end", readonly=True, copy=False)
    defis_weight_kg = fields.Float(string="Weight (kg)", digits=(16, 2))
    defis_erasure_ids = fields.One2many(
        "defis.erasure", "lot_id", string="Erasures", readonly=True)
    defis_erasure_id = fields.Many2one(
        "defis.erasure", string="Valid erasure", readonly=True, copy=False,
        help="Successful erasure since the device came in or came back.")
    defis_check_ids = fields.One2many(
        "defis.device.check", "lot_id", string="Checklist")
    defis_checks_todo = fields.Integer(
        string="Mandatory checks to do", compute="_compute_defis_checks_todo")
    defis_location_id = fields.Many2one(
        "stock.location", string="Location", compute="_compute_defis_location_id",
        help="Internal location where the device is now.")

    def _compute_defis_location_id(self):
        quants = self.env["stock.quant"].search([
            ("lot_id", "in", self.ids), ("quantity", ">", 0),
            ("location_id.usage", "=", "internal")])
        where = {quant.lot_id.id: quant.location_id for quant in quants}
        for lot in self:
            lot.defis_location_id = where.get(lot.id, False)

    @api.depends("defis_check_ids.done", "defis_check_ids.mandatory")
    def _compute_defis_checks_todo(self):
        for lot in self:
            lot.defis_checks_todo = len(lot.defis_check_ids.filtered(
                lambda check: check.mandatory and not check.done))

    @api.model_cr
    def init(self):
        # a manufacturer's serial number is known once per product
        self.env.cr.execute("""
            CREATE UNIQUE INDEX IF NOT EXISTS stock_production_lot_defis_ref_uniq
                ON stock_production_lot (product_id, ref)
             WHERE defis_state IS NOT NULL AND coalesce(ref, '') != ''""")

    @api.constrains("defis_state", "defis_erasure_id")
    def _check_defis_erasure(self):
        for lot in self:
            if lot.defis_state == "refurbished" and not lot.defis_erasure_id:
                raise ValidationError(_(
                    "Device %s cannot be called refurbished: no successful erasure of its "
                    "data is recorded since it came in. The French decree of 17 February "
                    "2022 reserves the word \"reconditionné\" for devices whose functions "
                    "were all tested and whose earlier data was erased.") % lot.display_name)

    # -- state machine --------------------------------------------------
    def _defis_lock(self):
        """Row lock on the devices until the end of the transaction: two
        concurrent changes of the same device wait for each other."""
        if self.ids:
            self.env.cr.execute(
                "SELECT id FROM stock_production_lot WHERE id IN %s FOR UPDATE",
                (tuple(self.ids),))
            self.invalidate_cache(["defis_state"], self.ids)

    def _defis_state_label(self, state):
        return dict(self._fields["defis_state"]._description_selection(self.env)).get(state, state)

    def _defis_check_transition(self, new_state):
        for lot in self:
            if new_state not in TRANSITIONS.get(lot.defis_state, ()):
                raise UserError(_(
                    "Device %(tag)s is %(state)s: it cannot become %(new)s.") % {
                        "tag": lot.display_name,
                        "state": lot._defis_state_label(lot.defis_state),
                        "new": lot._defis_state_label(new_state)})
        check = getattr(self, "_defis_check_enter_%s" % new_state, None)
        if check:
            check()

    def _defis_check_enter_refurbished(self):
        for lot in self:
            if not lot.defis_erasure_id:
                raise UserError(_(
                    "Device %s has no successful erasure of its data since it came in: "
                    "under the French decree of 17 February 2022 it cannot be called "
                    "\"reconditionné\".") % lot.display_name)

    def _defis_check_enter_ready(self):
        for lot in self:
            if not lot.defis_grade_id:
                raise UserError(_(
                    "Device %s has no grade: grade it before it is ready.") % lot.display_name)
            missing = lot._defis_missing_checks()
            if missing:
                raise UserError(_(
                    "Device %(tag)s is not fully tested: %(checks)s.") % {
                        "tag": lot.display_name, "checks": ", ".join(missing.mapped("name"))})

    def _defis_missing_checks(self):
        """Mandatory checklist items of the device's category not done."""
        self.ensure_one()
        done = self.defis_check_ids.filtered("done").mapped("item_id")
        items = self.defis_category_id.checklist_item_ids.filtered("mandatory")
        return items - done

    def _defis_reset_checklist(self):
        """Checks of the category's items, all to do again (the missing
        ones are added in one query)."""
        if not self:
            return
        self.mapped("defis_check_ids").filtered("done").write({"done": False, "note": False})
        self.env.cr.execute("""
            INSERT INTO defis_device_check (lot_id, item_id, sequence, mandatory, done,
                                            create_uid, create_date, write_uid, write_date)
            SELECT lot.id, item.id, item.sequence, item.mandatory, FALSE,
                   %(uid)s, now() at time zone 'UTC', %(uid)s, now() at time zone 'UTC'
              FROM stock_production_lot lot
              JOIN defis_checklist_item item
                ON item.category_id = lot.defis_category_id AND item.active
             WHERE lot.id IN %(ids)s
               AND NOT EXISTS (SELECT 1 FROM defis_device_check c
                                WHERE c.lot_id = lot.id AND c.item_id = item.id)
        """, {"uid": self.env.uid, "ids": tuple(self.ids)})
        self.invalidate_cache(["defis_check_ids"], self.ids)

    def _defis_transition(self, new_state, date=None):
        """Check the transition for every device, then write the new state
        and its date (nothing written if one device is refused)."""
        self._defis_lock()
        self._defis_check_transition(new_state)
        values = {
            "defis_state": new_state,
            "defis_state_date": date or fields.Date.context_today(self),
        }
        if new_state in ("lent", "sold"):
            values["defis_erasure_id"] = False  # it will have to be erased again
        self.write(values)
        if new_state == "diagnosed":
            self._defis_reset_checklist()
        return True

    def _defis_current_locations(self):
        """{lot id: location holding the device now (internal first)}."""
        quants = self.env["stock.quant"].sudo().search(
            [("lot_id", "in", self.ids), ("quantity", ">", 0)])
        where = {}
        for quant in quants.sorted(lambda q: q.location_id.usage == "internal"):
            where[quant.lot_id.id] = quant.location_id
        return where

    def _defis_move_to(self, location, state, date=None):
        """Move the devices to ``location`` by an internal transfer done at
        once, then set their state."""
        self._defis_lock()
        self._defis_check_transition(state)
        by_source = {}
        where = self._defis_current_locations()
        for lot in self:
            source = where.get(lot.id)
            if not source:
                raise UserError(_("Device %s is not in stock.") % lot.display_name)
            if source != location:
                by_source.setdefault(source, self.browse())
                by_source[source] |= lot
        for source, lots in by_source.items():
            lots._defis_transfer(source, location, date=date)
        return self._defis_transition(state, date=date)

    def _defis_transfer(self, source, destination, date=None):
        """Internal transfer of the devices, done at once."""
        picking_type = self.env.ref("stock.picking_type_internal")
        picking = self.env["stock.picking"].create({
            "picking_type_id": picking_type.id,
            "location_id": source.id,
            "location_dest_id": destination.id,
            "origin": _("Workshop"),
        })
        moves = self.env["stock.move"]
        for product, lots in self._defis_group_by_product():
            moves |= self.env["stock.move"].create({
                "name": product.display_name,
                "picking_id": picking.id,
                "picking_type_id": picking_type.id,
                "product_id": product.id,
                "product_uom": product.uom_id.id,
                "product_uom_qty": len(lots),
                "location_id": source.id,
                "location_dest_id": destination.id,
            })
        done = "%s 12:00:00" % date if date else fields.Datetime.now()
        if self._defis_engine_free(self.mapped("product_id")) \
                and self._defis_single_quants(source, destination):
            self._defis_relocate(picking, moves, done)
        else:
            self._defis_transfer_by_stock(picking, moves, done)
        if not self.env.context.get("tracking_disable"):
            for lot in self:
                lot.message_post(body=_("Moved from %(source)s to %(dest)s.") % {
                    "source": source.display_name, "dest": destination.display_name})
        return picking

    def _defis_transfer_by_stock(self, picking, moves, done):
        """Odoo's own way: move lines per device, quants updated one by one."""
        moves._action_confirm()
        MoveLine = self.env["stock.move.line"]
        for move in moves:
            for lot in self.filtered(lambda lot, move=move: lot.product_id == move.product_id):
                MoveLine.create({
                    "move_id": move.id, "picking_id": picking.id,
                    "product_id": move.product_id.id, "product_uom_id": move.product_uom.id,
                    "lot_id": lot.id, "qty_done": 1,
                    "location_id": move.location_id.id,
                    "location_dest_id": move.location_dest_id.id,
                })
        picking.action_done()
        picking.write({"date_done": done})
        moves.write({"date": done})
        picking.move_line_ids.write({"date": done})

    def _defis_single_quants(self, source, destination):
        """Each device is one unit at ``source``, free (not reserved, not
        packed, not owned), and has no quant at ``destination``."""
        self.env.cr.execute("""
            SELECT count(*) FILTER (WHERE location_id = %(source)s AND quantity = 1
                                      AND reserved_quantity = 0 AND package_id IS NULL
                                      AND owner_id IS NULL),
                   count(*) FILTER (WHERE location_id = %(source)s),
                   count(*) FILTER (WHERE location_id = %(dest)s)
              FROM stock_quant WHERE lot_id IN %(lots)s
        """, {"source": source.id, "dest": destination.id, "lots": tuple(self.ids)})
        free, at_source, at_dest = self.env.cr.fetchone()
        return free == at_source == len(self) and not at_dest

    @api.model
    def _defis_engine_free(self, products):
        """Moves of these products carry no valuation (standard cost,
        periodic valuation): the stock engine's per-unit work can be skipped."""
        return all(product.cost_method == "standard" and product.valuation != "real_time"
                   for product in products.with_prefetch())

    def _defis_insert_done_lines(self, move, done):
        """One done move line of one unit per device, in one query."""
        if not self:
            return
        params = []
        for lot in self:
            params += [move.picking_id.id or None, move.id, move.product_id.id,
                       move.product_uom.id, lot.id, done, move.location_id.id,
                       move.location_dest_id.id, move.picking_id.name or move.reference,
                       self.env.uid, self.env.uid]
        row = ("(%s, %s, %s, %s, %s, 0, 0, 1, 1, %s, %s, %s, 'done', %s, "
               "%s, now() at time zone 'UTC', %s, now() at time zone 'UTC')")
        self.env.cr.execute(
            "INSERT INTO stock_move_line (picking_id, move_id, product_id, product_uom_id, "
            "lot_id, product_qty, product_uom_qty, ordered_qty, qty_done, date, location_id, "
            "location_dest_id, state, reference, create_uid, create_date, write_uid, "
            "write_date) VALUES " + ", ".join([row] * len(self)), params)

    def _defis_insert_received_quants(self, move, done):
        """Quants of new devices received by ``move``: one unit at the
        destination, minus one at the source, as the stock engine keeps them."""
        params = []
        for lot in self:
            for location, quantity in ((move.location_dest_id, 1), (move.location_id, -1)):
                params += [move.product_id.id, location.company_id.id or None, location.id,
                           lot.id, quantity, done, self.env.uid, self.env.uid]
        row = ("(%s, %s, %s, %s, %s, 0, %s, %s, now() at time zone 'UTC', %s, "
               "now() at time zone 'UTC')")
        self.env.cr.execute(
            "INSERT INTO stock_quant (product_id, company_id, location_id, lot_id, quantity, "
            "reserved_quantity, in_date, create_uid, create_date, write_uid, write_date) "
            "VALUES " + ", ".join([row] * (2 * len(self))), params)
        self.env["stock.quant"].invalidate_cache()

    def _defis_relocate(self, picking, moves, done):
        """Fast path for single units of serial devices between internal
        locations (no valuation): the done move lines are inserted and the
        devices' quants change location, in three queries instead of about
        fifty a device through the stock engine."""
        for move in moves:
            self.filtered(lambda lot, move=move: lot.product_id == move.product_id) \
                ._defis_insert_done_lines(move, done)
        self.env.cr.execute("""
            UPDATE stock_quant SET location_id = %s, write_uid = %s,
                   write_date = now() at time zone 'UTC'
             WHERE lot_id IN %s AND location_id = %s""",
                            (picking.location_dest_id.id, self.env.uid, tuple(self.ids),
                             picking.location_id.id))
        self.env["stock.quant"].invalidate_cache()
        moves.invalidate_cache()
        moves.write({"state": "done", "date": done})
        picking.write({"date_done": done})

    def _defis_group_by_product(self):
        groups = {}
        for lot in self:
            groups.setdefault(lot.product_id, self.browse())
            groups[lot.product_id] |= lot
        return groups.items()

    def action_defis_mark_sold(self, partner, date=None):
        """The device leaves to ``partner`` (sold at the till, or a loan
        converted). Stock is moved by the sale, not here."""
        date = date or fields.Date.context_today(self)
        self._defis_lock()
        for lot in self:
            if lot.defis_state == "lent" and not self.env.context.get("defis_loan_conversion"):
                raise UserError(_("Device %s is lent: it is sold only by converting its "
                                  "loan into a sale.") % lot.display_name)
            if lot.defis_state not in ("ready", "lent"):
                raise UserError(_(
                    "Device %(tag)s is %(state)s: only a ready or lent device can be "
                    "sold.") % {"tag": lot.display_name,
                                "state": lot._defis_state_label(lot.defis_state)})
        self._defis_transition("sold", date=date)
        for lot in self:
            months = lot.defis_category_id.warranty_months
            lot.write({
                "defis_partner_id": partner.id,
                "defis_sale_date": date,
                "defis_warranty_end": fields.Date.to_string(
                    fields.Date.from_string(date) + relativedelta(months=months)),
            })
        return True

    # -- workshop buttons ------------------------------------------------
    def action_defis_refurbish(self):
        return self._defis_move_to(self.env.ref("defis_reuse.stock_location_workshop"), "diagnosed")

    def action_defis_parts(self):
        return self._defis_move_to(self.env.ref("defis_reuse.stock_location_parts"), "parts")

    def action_defis_recycle(self):
        return self._defis_move_to(self.env.ref("defis_reuse.stock_location_recycling"), "recycled")

    def action_defis_set_refurbished(self):
        return self._defis_transition("refurbished")

    def action_defis_set_ready(self):
        return self._defis_move_to(self.env.ref("defis_reuse.stock_location_ready"), "ready")

    def action_defis_record_erasure(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Secure erasure"),
            "res_model": "defis.erasure",
            "view_mode": "form",
            "target": "new",
            "context": {"default_lot_id": self.id},
        }

    def action_defis_open_moves(self):
        self.ensure_one()
        action = self.env.ref("stock.stock_move_line_action").read()[0]
        action["domain"] = [("lot_id", "=", self.id)]
        action["context"] = {"search_default_done": 1}
        return action

    def action_defis_print_label(self):
        return self.env.ref("defis_reuse.action_report_defis_asset_label").report_action(self)

    def action_defis_print_erasure(self):
        return self.env.ref("defis_reuse.action_report_defis_erasure").report_action(self)

    @api.model
    def _defis_insert_devices(self, product, vals_list):
        """Create the lots of many new devices of ``product`` in one INSERT
        (Odoo 11 creates records one by one). ``vals_list`` holds plain
        stored values of this model, the same keys in every dict."""
        if not vals_list:
            return self.browse()
        columns = sorted(vals_list[0])
        fixed = {
            "product_id": product.id,
            "product_uom_id": product.uom_id.id,
            "defis_category_id": product.defis_category_id.id or None,
        }
        columns = [column for column in columns if column not in fixed] + sorted(fixed)
        unknown = set(columns) - set(self._fields)
        if unknown:
            raise ValueError("Unknown lot fields: %s" % ", ".join(sorted(unknown)))
        row = "(%s, %%s, now() at time zone 'UTC', %%s, now() at time zone 'UTC')" % (
            ", ".join(["%s"] * len(columns)))
        params = []
        for vals in vals_list:
            values = dict(vals, **fixed)
            params.extend(values.get(column) or None for column in columns)
            params.extend([self.env.uid, self.env.uid])
        self.env.cr.execute(
            'INSERT INTO stock_production_lot (%s, create_uid, create_date, write_uid, '
            'write_date) VALUES %s RETURNING id' % (
                ", ".join('"%s"' % column for column in columns),
                ", ".join([row] * len(vals_list))),
            params)
        ids = [row[0] for row in self.env.cr.fetchall()]
        self.invalidate_cache(ids=ids)
        return self.browse(ids)

    @api.model
    def _defis_next_asset_tags(self, count, date=None):
        """``count`` asset tags from the sequence, in one query."""
        sequence = self.env.ref("defis_reuse.seq_asset_tag").sudo()
        if count <= 0:
            return []
        if sequence.implementation != "standard":
            return [sequence.with_context(ir_sequence_date=date).next_by_id()
                    for _i in range(count)]
        self.env.cr.execute(
            "SELECT nextval(%s) FROM generate_series(1, %s)",
            ("ir_sequence_%03d" % sequence.id, count))
        numbers = [row[0] for row in self.env.cr.fetchall()]
        seq = sequence.with_context(ir_sequence_date=date)
        return [seq.get_next_char(number) for number in numbers]
