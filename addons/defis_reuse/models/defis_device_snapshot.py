# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import datetime
import json

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html_escape

from ..tools import probe

# device field <- fact of the probe's summary, and the category flag that
# says whether devices of the category have it (None: every device)
SPEC_FIELDS = (
    ("defis_brand", "manufacturer", None),
    ("defis_model", "model", None),
    ("ref", "serial", None),
    ("defis_processor", "processor", "spec_processor"),
    ("defis_ram_gb", "ram_gb", "spec_ram"),
    ("defis_storage_gb", "storage_gb", "spec_storage"),
    ("defis_storage_type", "storage_type", "spec_storage"),
    ("defis_screen_inches", "screen_inches", "spec_screen"),
    ("defis_battery_health", "battery_health", "spec_battery"),
)
# how far apart two readings of a number may be and still be the same
TOLERANCE = {"defis_ram_gb": 0.25, "defis_screen_inches": 0.15, "defis_storage_gb": 0.02,
             "defis_battery_health": 0}
SNAPSHOT_STATES = ("received", "diagnosed", "erased", "refurbished", "ready")


def _utc(stamp):
    """Odoo's UTC datetime string of an ISO 8601 timestamp with an offset
    (ValueError if it is not one)."""
    moment = datetime.datetime.fromisoformat(str(stamp))
    if moment.tzinfo is None:
        raise ValueError(stamp)
    return fields.Datetime.to_string(moment.astimezone(datetime.timezone.utc))


def _display(value):
    """A value read by the probe, as a person writes it."""
    return ("%g" % value).replace(".", ",") if isinstance(value, float) else str(value)


def _label(record, name):
    """The (translated) label of a selection field's value."""
    return dict(record._fields[name]._description_selection(record.env)).get(
        record[name], record[name])


class DefisDeviceSnapshot(models.Model):
    """What the workshop's probe read on a device, and the erasures it ran,
    kept as received. Filing it fills the device's empty specifications and
    lists the differences with the others for the technician to accept."""

    _name = "defis.device.snapshot"
    _description = "Device snapshot"
    _order = "date desc, id desc"
    _rec_name = "date"

    lot_id = fields.Many2one(
        "stock.production.lot", string="Device", required=True, index=True, readonly=True,
        ondelete="restrict")
    date = fields.Datetime(string="Received on", required=True, readonly=True,
                           default=fields.Datetime.now)
    user_id = fields.Many2one("res.users", string="Sent by", required=True, readonly=True,
                              default=lambda self: self.env.user)
    probe_version = fields.Char(readonly=True)
    probed_on = fields.Datetime(string="Probed on", readonly=True)
    state = fields.Selection([
        ("applied", "Filed"),
        ("review", "Differences to review"),
        ("erasure_failed", "Erasure failed"),
    ], required=True, readonly=True, default="applied")
    summary = fields.Text(string="What the probe read", readonly=True)
    filled = fields.Char(string="Fields filled", readonly=True)
    errors = fields.Text(string="Tools that could not run", readonly=True)
    snapshot_file = fields.Binary(string="Snapshot (JSON)", attachment=True, readonly=True)
    snapshot_filename = fields.Char(readonly=True)
    diff_ids = fields.One2many("defis.device.snapshot.diff", "snapshot_id", string="Differences")
    erasure_ids = fields.One2many("defis.erasure", "snapshot_id", string="Erasures")

    @api.multi
    def write(self, vals):
        if set(vals) - {"state"} and not self.env.context.get("defis_snapshot_filing"):
            raise UserError(_("A snapshot is kept as the probe sent it: it cannot be changed."))
        return super().write(vals)

    # -- filing ------------------------------------------------------------
    @api.model
    def import_snapshot(self, snapshot):
        """File a snapshot of ``defis-probe`` (the dict it wrote), for the
        technician sending it, in the technician's language. Everything is
        checked first; a refused snapshot changes nothing; a failed erasure
        is recorded as such and nothing else is."""
        if not self.env.user.has_group("defis_reuse.group_defis_technician"):
            raise AccessError(_("Only a workshop technician can send a device snapshot."))
        if not self.env.context.get("lang"):
            return self.with_context(lang=self.env.user.lang)._file(snapshot)
        return self._file(snapshot)

    @api.model
    def _file(self, snapshot):
        self._check_format(snapshot)
        lot = self._find_device(snapshot["asset_tag"])
        try:
            summary = probe.summarize(snapshot["raw"])
        except (AttributeError, KeyError, TypeError, ValueError):
            raise UserError(_("This is not a snapshot of the workshop's probe (%s).")
                            % _("raw outputs unreadable"))
        self._check_identity(lot, summary)
        evidence = [self._read_evidence(snapshot, summary, found)
                    for found in snapshot["erasures"]]
        failed = any(facts["result"] != "success" for facts in evidence)
        with self.env.cr.savepoint():
            record = self.create(self._snapshot_values(lot, snapshot, summary))
            if not failed:
                record._apply(summary)
                self.env["defis.device.disk"]._defis_record(lot, summary["disks"], record)
            for facts in evidence:
                self.env["defis.erasure"].create(
                    record._erasure_values(facts, "failure" if failed else "success"))
            if failed:
                record.state = "erasure_failed"
            record._post_history()
        return record

    @api.model
    def _check_format(self, snapshot):
        reason = None
        if not isinstance(snapshot, dict):
            reason = _("not a JSON object")
        elif snapshot.get("format") != probe.SNAPSHOT_FORMAT:
            reason = _("format %s expected") % probe.SNAPSHOT_FORMAT
        elif not isinstance(snapshot.get("asset_tag"), str) or not snapshot["asset_tag"].strip():
            reason = _("no asset tag")
        elif not isinstance(snapshot.get("raw"), dict) or not isinstance(
                snapshot.get("erasures", []), list):
            reason = _("raw outputs or erasures missing")
        if reason:
            raise UserError(_("This is not a snapshot of the workshop's probe (%s).") % reason)
        snapshot.setdefault("erasures", [])

    @api.model
    def _find_device(self, asset_tag):
        tag = asset_tag.strip()
        lot = self.env["stock.production.lot"].search([
            ("defis_category_id", "!=", False),
            "|", ("name", "=", tag), ("defis_asset_tag", "=", tag)], limit=1)
        if not lot:
            raise UserError(_("No device has the asset tag %s: check the tag typed on the "
                              "workshop station. Nothing was recorded.") % tag)
        if lot.defis_state not in SNAPSHOT_STATES:
            raise UserError(_("Device %(tag)s is %(state)s: only a device in the workshop "
                              "receives a snapshot. Nothing was recorded.") % {
                                  "tag": lot.display_name,
                                  "state": lot._defis_state_label(lot.defis_state)})
        return lot

    @api.model
    def _check_identity(self, lot, summary):
        """The disks and the maker's serial number are this device's."""
        serials = [disk["serial"] for disk in summary["disks"] if disk.get("serial")]
        owners = self.env["defis.device.disk"]._defis_owner_of(serials, lot)
        for serial, disk in owners.items():
            raise UserError(_(
                "Disk %(serial)s belongs to device %(other)s, not to %(tag)s: was the probe run "
                "on the right computer? If the disk was moved, remove it from %(other)s first. "
                "Nothing was recorded.") % {
                    "serial": serial, "other": disk.lot_id.display_name,
                    "tag": lot.display_name})
        if summary.get("serial"):
            other = self.env["stock.production.lot"].search([
                ("ref", "=", summary["serial"]), ("id", "!=", lot.id),
                ("defis_state", "!=", False)], limit=1)
            if other:
                raise UserError(_(
                    "The maker's serial number %(serial)s is already device %(other)s's: was the "
                    "probe run on the right computer? Nothing was recorded.") % {
                        "serial": summary["serial"], "other": other.display_name})

    @api.model
    def _read_evidence(self, snapshot, summary, evidence):
        """The facts of an erasure log, refused if the log is not the one the
        probe fingerprinted, is cut short, or is about another disk."""
        disk = evidence.get("disk") if isinstance(evidence, dict) else None
        disk = disk if isinstance(disk, dict) else {}
        label = disk.get("serial") or disk.get("path") or "?"
        log = evidence.get("log") if isinstance(evidence, dict) else None
        if not isinstance(log, str) or probe.log_digest(log) != evidence.get("log_sha256"):
            raise UserError(_(
                "The erasure log of disk %s was altered or cut short (its SHA-256 fingerprint "
                "does not match): snapshot refused, nothing was recorded.") % label)
        try:
            facts = probe.read_erasure_log(log)
        except probe.ErasureLogError as error:
            raise UserError(_("The erasure log of disk %(disk)s cannot be trusted: %(reason)s. "
                              "Snapshot refused, nothing was recorded.") % {
                                  "disk": label, "reason": error})
        described = {found["path"]: found for found in summary["disks"]}
        if (facts["asset_tag"] != snapshot["asset_tag"] or facts["disk"] not in described
                or (described[facts["disk"]].get("serial") or "") != facts["disk_serial"]
                or facts["method"] not in dict(self.env["defis.erasure"]._fields[
                    "method"].selection)):
            raise UserError(_(
                "The erasure log of disk %s is not about a disk of this snapshot's device: "
                "snapshot refused, nothing was recorded.") % label)
        try:
            facts["start_utc"], facts["end_utc"] = _utc(facts["start"]), _utc(facts["end"])
        except ValueError:
            raise UserError(_("The erasure log of disk %s has no valid start and end times: "
                              "snapshot refused, nothing was recorded.") % label)
        facts["log"] = log
        return facts

    @api.model
    def _snapshot_values(self, lot, snapshot, summary):
        content = json.dumps(snapshot, ensure_ascii=False, sort_keys=True).encode("utf-8")
        stamp = fields.Datetime.now()
        return {
            "lot_id": lot.id,
            "probe_version": str(snapshot.get("probe_version") or ""),
            "probed_on": self._probed_on(snapshot),
            "summary": self._summary_text(summary),
            "errors": "\n".join(str(error) for error in snapshot.get("errors") or []),
            "snapshot_file": base64.b64encode(content),
            "snapshot_filename": "releve-%s-%s.json" % (
                lot.name, stamp.replace(" ", "-").replace(":", "")),
        }

    @api.model
    def _probed_on(self, snapshot):
        try:
            return _utc(snapshot.get("created"))
        except ValueError:
            return False

    @api.model
    def _spec_labels(self):
        """{device field: its label}, in the user's language."""
        fields_info = self.env["stock.production.lot"].fields_get(
            [name for name, _key, _flag in SPEC_FIELDS], ["string"])
        labels = {name: info["string"] for name, info in fields_info.items()}
        labels["ref"] = _("Manufacturer serial number")
        return labels

    @api.model
    def _summary_text(self, summary):
        labels = self._spec_labels()
        lines = ["%s : %s" % (labels[name], _display(summary[key]))
                 for name, key, _flag in SPEC_FIELDS if summary.get(key) not in (None, "")]
        lines += [_("Disk %(path)s: %(model)s, serial number %(serial)s, %(size)d GB") % {
            "path": disk["path"], "model": disk.get("model") or "?",
            "serial": disk.get("serial") or "?",
            "size": round((disk.get("size_bytes") or 0) / 1e9)} for disk in summary["disks"]]
        return "\n".join(lines)

    # -- the device's specifications ----------------------------------------
    def _apply(self, summary):
        """Fill the empty specification fields the device's category has;
        list the others that differ."""
        self.ensure_one()
        lot = self.lot_id
        category = lot.defis_category_id
        labels = self._spec_labels()
        fill, diffs = {}, []
        for name, key, flag in SPEC_FIELDS:
            value = summary.get(key)
            if value in (None, "") or (flag and not category[flag]):
                continue
            current = lot[name]
            if current in (False, 0, 0.0, ""):
                fill[name] = value
            elif not self._same(name, current, value):
                diffs.append((0, 0, {
                    "field_name": name, "label": labels[name],
                    "device_value": _display(current), "probe_value": json.dumps(value)}))
        if fill:
            lot.write(fill)
        self.with_context(defis_snapshot_filing=True).write({
            "filled": ", ".join("%s (%s)" % (labels[name], _display(value))
                                for name, value in fill.items()),
            "diff_ids": diffs, "state": "review" if diffs else "applied"})

    @staticmethod
    def _same(name, current, value):
        if isinstance(current, (int, float)) and isinstance(value, (int, float)):
            tolerance = TOLERANCE.get(name, 0)
            if name == "defis_storage_gb":
                tolerance = max(1, tolerance * value)
            return abs(current - value) <= tolerance
        return " ".join(str(current).split()).casefold() == " ".join(
            str(value).split()).casefold()

    # -- erasures -------------------------------------------------------------
    def _erasure_values(self, facts, result):
        self.ensure_one()
        ended = facts["end_utc"]
        name = facts["disk_serial"] or facts["disk"].rsplit("/", 1)[-1]
        return {
            "lot_id": self.lot_id.id,
            "snapshot_id": self.id,
            "method": facts["method"],
            "passes": int(facts["passes"]),
            "standard": "%s — %s" % (facts["standard"], facts["level"]),
            "level": facts["level"].lower(),
            "tool": facts["tool"],
            "date": ended[:10],
            "date_start": facts["start_utc"],
            "date_end": ended,
            "result": result,
            "verification": facts["verification"],
            "verification_detail": _("%(sampling)s; blocks not erased: %(count)s") % {
                "sampling": facts["sampling"], "count": facts["different_samples"]},
            "disk_serial": facts["disk_serial"] or False,
            "disk_model": facts["disk_model"] or False,
            "disk_size_bytes": float(facts["disk_size_bytes"]),
            "notes": facts["procedure"],
            "log_file": base64.b64encode(facts["log"].encode("utf-8")),
            "log_filename": "effacement-%s-%s.log" % (self.lot_id.name, name),
            "log_sha256": probe.log_digest(facts["log"]),
        }

    # -- what the technician and the device's history are told -----------------
    def _probe_messages(self):
        """Lines the probe prints once the suite filed the snapshot."""
        self.ensure_one()
        lines = [_("Device %s: snapshot filed.") % self.lot_id.display_name]
        if self.filled:
            lines.append(_("Filled: %s.") % self.filled)
        lines += [_("To review in the suite: %(field)s (device: %(device)s, probe: %(probe)s).")
                  % {"field": diff.label, "device": diff.device_value,
                     "probe": diff._probe_display()} for diff in self.diff_ids]
        for erasure in self.erasure_ids:
            lines.append(_("Erasure of disk %(disk)s: %(result)s.") % {
                "disk": erasure.disk_serial or erasure.disk_model or "?",
                "result": _label(erasure, "result")})
        if self.state == "erasure_failed":
            lines.append(_("An erasure failed: the device stays to be erased, its "
                           "specifications were not changed."))
        return lines

    def _post_history(self):
        self.ensure_one()
        lines = [_("Snapshot of the workshop's probe (defis-probe %s).") % self.probe_version]
        # a note of the device's history: nobody is notified
        self.lot_id.message_post(body="<br/>".join(
            html_escape(line) for line in lines + self._probe_messages()[1:]),
            subtype="mail.mt_note")

    def _settle(self):
        """A snapshot whose differences are all settled is filed."""
        for snapshot in self.filtered(lambda snapshot: snapshot.state == "review"):
            if not snapshot.diff_ids.filtered(lambda diff: diff.state == "pending"):
                snapshot.state = "applied"
