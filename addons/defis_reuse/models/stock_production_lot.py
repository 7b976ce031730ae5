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
    ("lost", "Lost"),
    ("parts", "Parts"),
    ("recycled", "Recycled"),
]
# allowed transitions: state -> states it may go to (False: a new device)
TRANSITIONS = {
    False: ("received",),
    "received": ("diagnosed", "parts", "recycled"),
    "diagnosed": ("erased", "parts", "recycled"),
    "erased": ("refurbished", "parts", "recycled"),
    "refurbished": ("ready", "parts", "recycled"),
    "ready": ("sold", "lent", "diagnosed", "parts", "recycled"),
    "lent": ("diagnosed", "sold", "ready", "lost"),
    "lost": ("diagnosed",),
    "sold": ("diagnosed",),
    "parts": ("recycled",),
    "recycled": (),
}
# where a device in each state is (in these locations or below them); the
# first one is where a device goes when it takes the state
STATE_LOCATIONS = {
    "received": ("defis_reuse.stock_location_intake",),
    "diagnosed": ("defis_reuse.stock_location_workshop",),
    "erased": ("defis_reuse.stock_location_workshop",),
    "refurbished": ("defis_reuse.stock_location_workshop",),
    "ready": ("defis_reuse.stock_location_ready",),
    "lent": ("defis_reuse.stock_location_loan",),
    "lost": ("stock.location_inventory",),
    "sold": ("stock.stock_location_customers",),
    "parts": ("defis_reuse.stock_location_parts",),
    "recycled": ("defis_reuse.stock_location_recycling",
                 "defis_reuse.stock_location_weee_recycler"),
}
# only _defis_set_state writes the state: a key no RPC call can forge
_STATE_WRITER = object()
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

    _name = "stock.production.lot"
    _inherit = ["stock.production.lot", "mail.activity.mixin"]

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

    # -- the one writer of the state -------------------------------------
    @api.model
    def create(self, vals):
        if "defis_state" in vals:
            self._defis_refuse_state_write()
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if "defis_state" in vals and self.env.context.get("defis_state_writer") \
                is not _STATE_WRITER:
            self._defis_refuse_state_write()
        return super().write(vals)

    @api.model
    def _defis_refuse_state_write(self):
        raise UserError(_(
            "The state of a device follows its stock: it changes through the workshop's "
            "buttons, an erasure, a loan or a sale, not by editing it."))

    def _defis_set_state(self, state, date=None, partner=None, loan=None):
        """The one writer of ``defis_state``: checks the transition (and its
        conditions: erasure, checklist, grade, loan), locks the rows, checks
        that each device is where its new state says, writes the state with
        what goes with it (household, warranty). Called by the stock service
        once the move is done, in the same transaction. ``partner``: the
        household of all the devices, or {lot id: household}."""
        if not self:
            return True
        self._defis_lock()
        self._defis_check_transition(state, loan=loan)
        self._defis_check_where(state)
        date = date or fields.Date.context_today(self)
        writer = self.with_context(defis_state_writer=_STATE_WRITER)
        for values, lots in self._defis_state_values(state, date, partner).items():
            writer.browse(lots).write(dict(values))
        if state == "diagnosed":
            self._defis_reset_checklist()
        return True

    def _defis_state_values(self, state, date, partner):
        """{values (as a tuple of items): lot ids} to write with the state."""
        groups = {}
        for lot in self:
            values = {"defis_state": state, "defis_state_date": date}
            household = partner.get(lot.id) if isinstance(partner, dict) else partner
            if state in ("lent", "sold"):
                values["defis_partner_id"] = household.id if household else False
                values["defis_erasure_id"] = False  # to be erased again if it comes back
            elif lot.defis_state == "lent" and state in ("diagnosed", "ready"):
                values["defis_partner_id"] = False
            if state == "sold":
                months = lot.defis_category_id.warranty_months
                values["defis_sale_date"] = date
                values["defis_warranty_end"] = fields.Date.to_string(
                    fields.Date.from_string(date) + relativedelta(months=months))
            groups.setdefault(tuple(sorted(values.items())), []).append(lot.id)
        return groups

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

    def _defis_check_transition(self, new_state, loan=None):
        for lot in self:
            if new_state not in TRANSITIONS.get(lot.defis_state or False, ()):
                raise UserError(_(
                    "Device %(tag)s is %(state)s: it cannot become %(new)s.") % {
                        "tag": lot.display_name,
                        "state": lot._defis_state_label(lot.defis_state),
                        "new": lot._defis_state_label(new_state)})
        check = getattr(self, "_defis_check_enter_%s" % new_state, None)
        if check:
            check(loan)

    def _defis_check_enter_erased(self, _loan):
        for lot in self:
            if not lot.defis_erasure_id:
                raise UserError(_(
                    "Device %s has no successful erasure of its data since it came in.")
                    % lot.display_name)

    def _defis_check_enter_refurbished(self, _loan):
        for lot in self:
            if not lot.defis_erasure_id:
                raise UserError(_(
                    "Device %s has no successful erasure of its data since it came in: "
                    "under the French decree of 17 February 2022 it cannot be called "
                    "\"reconditionné\".") % lot.display_name)

    def _defis_check_enter_ready(self, _loan):
        for lot in self:
            if not lot.defis_grade_id:
                raise UserError(_(
                    "Device %s has no grade: grade it before it is ready.") % lot.display_name)
            missing = lot._defis_missing_checks()
            if missing:
                raise UserError(_(
                    "Device %(tag)s is not fully tested: %(checks)s.") % {
                        "tag": lot.display_name, "checks": ", ".join(missing.mapped("name"))})

    def _defis_check_enter_sold(self, loan):
        for lot in self.filtered(lambda lot: lot.defis_state == "lent"):
            if not loan or loan.lot_id != lot or loan.state not in ("ongoing", "overdue"):
                raise UserError(_("Device %s is lent: it is sold only by converting its "
                                  "loan into a sale.") % lot.display_name)

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

    # -- state and stock agree ---------------------------------------------
    @api.model
    def _defis_location_of_state(self, state):
        """Where a device goes when it takes ``state``."""
        return self.env.ref(STATE_LOCATIONS[state][0])

    @api.model
    def _defis_mismatches(self, lots=None, state=None):
        """Devices whose stock disagrees with their state (or with ``state``),
        in one query: [(lot, explanation)]. Each device must be one unit, in
        one place, inside a location of its state (``STATE_LOCATIONS``, or
        below it), with no negative stock in the warehouse. All devices when
        ``lots`` is None."""
        to_id = self.env["ir.model.data"].xmlid_to_res_id  # cached, unlike env.ref
        rules = [(rule_state, to_id(xmlid))
                 for rule_state, xmlids in STATE_LOCATIONS.items() for xmlid in xmlids]
        self.env.cr.execute("""
            WITH RECURSIVE rules (state, root) AS (
                SELECT * FROM unnest(%(states)s::varchar[], %(roots)s::int[])
            ),
            tree (state, location_id) AS (
                SELECT state, root FROM rules
                 UNION
                SELECT tree.state, loc.id
                  FROM stock_location loc JOIN tree ON loc.location_id = tree.location_id
            ),
            devices AS (
                SELECT lot.id, coalesce(%(state)s, lot.defis_state) AS state,
                       array_agg(q.location_id ORDER BY q.location_id)
                           FILTER (WHERE q.quantity > 0) AS places,
                       coalesce(sum(q.quantity) FILTER (WHERE q.quantity > 0), 0) AS quantity,
                       count(q.id) FILTER (WHERE q.quantity < 0
                                             AND loc.usage = 'internal') AS negative
                  FROM stock_production_lot lot
             LEFT JOIN stock_quant q ON q.lot_id = lot.id
             LEFT JOIN stock_location loc ON loc.id = q.location_id
                 WHERE (%(all)s AND lot.defis_state IS NOT NULL) OR lot.id IN %(ids)s
              GROUP BY lot.id
            )
            SELECT id, state, places, quantity, negative FROM devices
             WHERE NOT (coalesce(cardinality(places), 0) = 1 AND abs(quantity - 1) < 0.001
                        AND negative = 0
                        AND EXISTS (SELECT 1 FROM tree WHERE tree.state = devices.state
                                                         AND tree.location_id = places[1]))
          ORDER BY id""", {
            "states": [rule[0] for rule in rules], "roots": [rule[1] for rule in rules],
            "state": state or None, "all": lots is None,
            "ids": tuple(lots.ids) if lots else (0,)})
        Location = self.env["stock.location"]
        return [(self.browse(lot_id), self._defis_mismatch_text(
            self.browse(lot_id), lot_state, Location.browse(places or []), quantity, negative))
            for lot_id, lot_state, places, quantity, negative in self.env.cr.fetchall()]

    def _defis_mismatch_text(self, lot, state, places, quantity, negative):
        where = ", ".join(places.mapped("complete_name")) or _("nowhere in stock")
        text = _("%(tag)s is %(state)s but its stock is: %(where)s (quantity %(qty)s).") % {
            "tag": lot.name, "state": self._defis_state_label(state), "where": where,
            "qty": quantity}
        if negative:
            text += " " + _("Negative stock in the warehouse.")
        return text

    def _defis_check_where(self, state=None):
        """The devices are where ``state`` (their own by default) says:
        refuse otherwise."""
        mismatches = self._defis_mismatches(self, state) if self else []
        if mismatches:
            raise UserError(_("State and stock disagree: %s") % " ".join(
                text for _lot, text in mismatches))

    @api.model
    def _cron_defis_health_check(self):
        """Daily: every device's state and stock agree; each mismatch is
        given to the managers as a to-do activity on the device."""
        mismatches = self._defis_mismatches()
        todo = self.env.ref("mail.mail_activity_data_todo")
        model = self.env["ir.model"]._get(self._name)
        managers = self.env.ref("defis_network.group_defis_manager").users.sorted("id")[:1]
        summary = _("State and stock disagree")
        for lot, text in mismatches:
            if not managers or lot.activity_ids.filtered(
                    lambda act: act.summary == summary):
                continue
            self.env["mail.activity"].create({
                "res_model_id": model.id, "res_id": lot.id, "activity_type_id": todo.id,
                "summary": summary, "note": text, "user_id": managers.id,
                "date_deadline": fields.Date.context_today(self)})
        return [text for _lot, text in mismatches]

    def _defis_current_locations(self):
        """{lot id: location holding the device now (internal first)}."""
        quants = self.env["stock.quant"].sudo().search(
            [("lot_id", "in", self.ids), ("quantity", ">", 0)])
        where = {}
        for quant in quants.sorted(lambda q: q.location_id.usage == "internal"):
            where[quant.lot_id.id] = quant.location_id
        return where

    def _defis_route(self, state, date=None):
        """The devices take ``state`` and go where it says, through the
        stock service."""
        return self.env["defis.device.stock"].move(
            self, self._defis_location_of_state(state), date=date, state=state,
            origin=_("Workshop"))

    # -- workshop buttons ------------------------------------------------
    def action_defis_refurbish(self):
        self._defis_route("diagnosed")
        return True

    def action_defis_parts(self):
        self._defis_route("parts")
        return True

    def action_defis_recycle(self):
        self._defis_route("recycled")
        return True

    def action_defis_set_refurbished(self):
        self._defis_route("refurbished")
        return True

    def action_defis_set_ready(self):
        self._defis_route("ready")
        return True

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
