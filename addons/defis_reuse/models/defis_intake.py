# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

# fields a validated or cancelled intake still accepts (chatter, state)
FREE_FIELDS = {"state", "message_follower_ids", "message_ids", "message_last_post"}


class DefisIntake(models.Model):
    """A donation of used equipment (collecte): validating it receives the
    items into stock, one serial lot per device followed one by one."""

    _name = "defis.intake"
    _description = "Equipment intake"
    _inherit = ["mail.thread", "defis.proof.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/")
    partner_id = fields.Many2one(
        "res.partner", string="Donor", required=True, index=True, ondelete="restrict",
        track_visibility="onchange")
    date = fields.Date(
        required=True, default=fields.Date.context_today, index=True,
        track_visibility="onchange")
    place = fields.Char(help="Where the equipment was collected.")
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Validated"), ("cancelled", "Cancelled")],
        string="Status", required=True, default="draft", readonly=True, copy=False,
        index=True, track_visibility="onchange")
    line_ids = fields.One2many(
        "defis.intake.line", "intake_id", string="Lines", copy=True)
    picking_id = fields.Many2one(
        "stock.picking", string="Receipt", readonly=True, copy=False)
    lot_ids = fields.One2many(
        "stock.production.lot", compute="_compute_lot_ids", string="Devices")
    device_count = fields.Integer(compute="_compute_lot_ids", string="Devices received")
    weight_kg = fields.Float(
        string="Total weight (kg)", compute="_compute_weight_kg", store=True,
        digits=(16, 2))
    note = fields.Text(string="Notes")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.user.company_id)

    @api.depends("line_ids.weight_kg")
    def _compute_weight_kg(self):
        for intake in self:
            intake.weight_kg = sum(intake.line_ids.mapped("weight_kg"))

    def _compute_lot_ids(self):
        lots = self.env["stock.production.lot"].search(
            [("defis_intake_line_id.intake_id", "in", self.ids)])
        by_intake = {}
        for lot in lots:
            by_intake.setdefault(lot.defis_intake_line_id.intake_id.id, []).append(lot.id)
        for intake in self:
            intake.lot_ids = [(6, 0, by_intake.get(intake.id, []))]
            intake.device_count = len(by_intake.get(intake.id, []))

    @api.model
    def create(self, vals):
        if vals.get("name", "/") == "/":
            vals["name"] = self.env["ir.sequence"].with_context(
                ir_sequence_date=vals.get("date")).next_by_code("defis.intake") or "/"
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if set(vals) - FREE_FIELDS:
            self._check_editable()
        return super().write(vals)

    @api.multi
    def unlink(self):
        self._check_editable()
        return super().unlink()

    def _defis_proof_locked(self):
        return self.filtered(lambda intake: intake.state == "done")

    def _check_editable(self):
        for intake in self:
            if intake.state != "draft":
                raise UserError(_(
                    "Intake %s is validated or cancelled: it can no longer be "
                    "changed.") % intake.name)

    # -- actions --------------------------------------------------------
    def action_validate(self):
        """Receive every line into the intake location in one receipt done
        at once. Everything is checked before anything is written."""
        for intake in self:
            intake._check_validable()
        for intake in self:
            intake._receive()
        return True

    def action_cancel(self):
        self._check_editable()
        self.write({"state": "cancelled"})
        return True

    def action_draft(self):
        for intake in self:
            if intake.state != "cancelled":
                raise UserError(_("Only a cancelled intake can be reset to draft."))
        self.write({"state": "draft"})
        return True

    def _check_validable(self):
        self.ensure_one()
        self._check_editable()
        if not self.line_ids:
            raise UserError(_("Intake %s has no line to receive.") % self.name)
        serials = self.line_ids._defis_check_serials()
        self.env["defis.intake.line"]._defis_check_serials_unknown(serials)

    def _receive(self):
        """Everything received in one receipt through the stock service, on
        the intake's date (not when it was typed in)."""
        _lots, picking = self.env["defis.device.stock"].receive(
            [line._stock_entry() for line in self.line_ids],
            self.env.ref("defis_reuse.stock_location_intake"),
            self.env.ref("stock.stock_location_suppliers"),
            origin=self.name, partner=self.partner_id, date=self.date)
        self.write({"state": "done", "picking_id": picking.id})
        return picking

    def action_open_devices(self):
        action = self.env.ref("defis_reuse.action_defis_device").read()[0]
        action["domain"] = [("id", "in", self.lot_ids.ids)]
        action["context"] = {}
        return action

    def action_print_donation_receipt(self):
        return self.env.ref("defis_reuse.action_report_defis_intake_donation").report_action(self)

    def action_print_erasure_certificate(self):
        lots = self.lot_ids.filtered("defis_erasure_ids")
        if not lots:
            raise UserError(_("No device of this intake has been erased yet."))
        return self.env.ref("defis_reuse.action_report_defis_erasure").report_action(lots)
