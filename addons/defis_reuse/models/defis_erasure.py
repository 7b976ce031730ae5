# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.misc import format_date

METHODS = [
    ("overwrite", "Overwrite passes"),
    ("crypto", "Cryptographic erase"),
    ("ata_secure", "ATA secure erase"),
    ("nvme_erase", "NVMe secure erase (Format NVM)"),
    ("destruction", "Physical destruction of the storage"),
    ("no_storage", "No data storage (checked)"),
]


class DefisErasure(models.Model):
    """Secure erasure of a device's earlier data: how, by whom, when, with
    which result. A successful one makes the device 'erased'."""

    _name = "defis.erasure"
    _description = "Secure data erasure"
    _inherit = ["defis.proof.mixin"]
    _order = "date desc, id desc"
    _defis_proof_correctable = (
        "method", "passes", "standard", "tool", "date", "result", "notes")
    _defis_proof_correction_wizard = "defis.erasure.correction"

    lot_id = fields.Many2one(
        "stock.production.lot", string="Device", required=True, index=True,
        ondelete="restrict")
    category_id = fields.Many2one(related="lot_id.defis_category_id", readonly=True)
    method = fields.Selection(METHODS, required=True, default="overwrite")
    passes = fields.Integer(default=1, help="Number of overwrite passes.")
    standard = fields.Char(
        string="Standard referenced", default="NIST SP 800-88 r1",
        help="Standard or guide the erasure follows, e.g. NIST SP 800-88 r1, ANSSI.")
    tool = fields.Char(help="Software or device used, with its version.")
    user_id = fields.Many2one(
        "res.users", string="Operator", required=True, default=lambda self: self.env.user)
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    result = fields.Selection(
        [("success", "Success"), ("failure", "Failure")], required=True, default="success")
    notes = fields.Text()
    # evidence of an erasure run by the workshop's probe (defis-probe)
    snapshot_id = fields.Many2one(
        "defis.device.snapshot", string="Probe snapshot", readonly=True, index=True,
        ondelete="restrict")
    level = fields.Selection(
        [("clear", "Clear"), ("purge", "Purge")], string="Sanitization level", readonly=True,
        help="NIST SP 800-88 Rev. 1: Clear resists ordinary recovery tools, Purge also "
             "laboratory techniques.")
    disk_serial = fields.Char(string="Disk serial number", readonly=True)
    disk_model = fields.Char(readonly=True)
    disk_size_bytes = fields.Float(string="Disk size (bytes)", digits=(20, 0), readonly=True)
    date_start = fields.Datetime(string="Started", readonly=True)
    date_end = fields.Datetime(string="Ended", readonly=True)
    verification = fields.Selection(
        [("passed", "Passed"), ("failed", "Failed")], readonly=True,
        help="Blocks read back after the erasure by the probe, and the tool's own check.")
    verification_detail = fields.Char(readonly=True)
    log_file = fields.Binary(string="Tool log", attachment=True, readonly=True)
    log_filename = fields.Char(readonly=True)
    log_sha256 = fields.Char(string="Log SHA-256", readonly=True)

    _sql_constraints = [
        ("passes_positive", "check (method != 'overwrite' or passes > 0)",
         "An erasure by overwriting needs at least one pass."),
    ]

    @api.multi
    def name_get(self):
        """The device and the day: « DEF-2018-00012 (12/03/2018) »."""
        return [(erasure.id, "%s (%s)" % (erasure.lot_id.name, format_date(
            erasure.env, erasure.date))) for erasure in self]

    @api.model
    def create(self, vals):
        lot = self.env["stock.production.lot"].browse(vals.get("lot_id"))
        self._check_erasable(lot)
        erasure = super().create(vals)
        erasure._apply_to_devices()
        return erasure

    @api.model
    def _check_erasable(self, lots):
        lots._defis_lock()
        for lot in lots:
            if lot.defis_state not in ("diagnosed", "erased"):
                raise ValidationError(_(
                    "Device %(tag)s is %(state)s: only a diagnosed device is erased.") % {
                        "tag": lot.display_name,
                        "state": lot._defis_state_label(lot.defis_state)})

    @api.model
    def record_batch(self, lots, values):
        """One erasure per device of ``lots`` with the same ``values``
        (method, standard, tool, date, result...), e.g. a rack of drives
        wiped together: inserted in one query."""
        self._check_erasable(lots)
        defaults = self.default_get(list(self._fields))
        row = dict(defaults, **values)
        columns = ["method", "passes", "standard", "tool", "user_id", "date", "result", "notes",
                   "active"]
        self.env.cr.execute(
            "INSERT INTO defis_erasure (lot_id, %s, create_uid, create_date, write_uid, "
            "write_date) VALUES %s RETURNING id" % (
                ", ".join(columns),
                ", ".join(["(%s, " + ", ".join(["%s"] * len(columns))
                           + ", %s, now() at time zone 'UTC', %s, now() at time zone 'UTC')"]
                          * len(lots))),
            [value for lot in lots
             for value in [lot.id] + [row.get(column) or None for column in columns]
             + [self.env.uid, self.env.uid]])
        erasures = self.browse([found[0] for found in self.env.cr.fetchall()])
        erasures._apply_to_devices()
        return erasures

    def _apply_to_devices(self):
        """A successful erasure becomes the device's valid one; a diagnosed
        device then becomes 'erased' (the erasure is the condition of that
        state, written by the device's state machine)."""
        done = self.filtered(lambda erasure: erasure.result == "success")
        for erasure in done:
            erasure.lot_id.defis_erasure_id = erasure
        for date in sorted(set(done.mapped("date"))):
            batch = done.filtered(lambda erasure, date=date: erasure.date == date)
            lots = batch.mapped("lot_id").filtered(lambda lot: lot.defis_state == "diagnosed")
            lots._defis_route("erased", date=date)
