# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

# chatter and activities stay writable on a proof (Odoo's mail flows write them)
FREE_PREFIXES = ("message_", "activity_", "website_message_")


def value_differs(record, name, value):
    """Whether writing ``value`` in field ``name`` changes ``record``:
    writing back what it holds already (Odoo's own flows do) is no change."""
    field = record._fields[name]
    if not field.store and not field.inverse:
        return False
    try:
        new = field.convert_to_record(field.convert_to_cache(value, record), record)
    except (ValueError, TypeError):
        return True
    return new != record[name]


class DefisProofMixin(models.AbstractModel):
    """A proof record (an erasure, a validated intake, the attendance of a
    closed sitting...): once locked, nobody deletes it or changes its facts,
    administrator included. A correction is a new record that supersedes it,
    saying who corrected and why; the old one is then archived, still
    readable, and points to nothing hidden: its successor names it.

    A model using it says when a record is locked (``_defis_proof_locked``),
    which of its fields stay writable (``_defis_proof_free_fields``) and which
    facts a correction may change (``_defis_proof_correctable``: empty means
    that the model's own workflow corrects it, e.g. a refund)."""

    _name = "defis.proof.mixin"
    _description = "Record kept as a proof"
    _defis_proof_free_fields = ()
    _defis_proof_correctable = ()
    # the wizard that asks a correction (a defis.proof.correction)
    _defis_proof_correction_wizard = None

    active = fields.Boolean(
        default=True, readonly=True,
        help="Archived when a correction supersedes the record.")
    defis_supersedes_res_id = fields.Integer(
        string="Supersedes (ID)", readonly=True, index=True, copy=False,
        help="The record this one corrects.")
    defis_correction_reason = fields.Text(
        string="Reason for the correction", readonly=True, copy=False)
    defis_correction_user_id = fields.Many2one(
        "res.users", string="Corrected by", readonly=True, copy=False)

    def _defis_proof_locked(self):
        """The records of ``self`` that are proofs already (all by default)."""
        return self

    def _defis_proof_user_env(self):
        """Messages name models and fields in the user's language, whatever
        the caller's context."""
        return self.with_context(lang=self.env.lang or self.env.user.lang).env

    def _defis_proof_label(self):
        return self._defis_proof_user_env()["ir.model"].sudo()._get(self._name).name

    def _defis_proof_field_labels(self, names):
        env = self._defis_proof_user_env()
        return [self._fields[name].get_description(env)["string"] for name in names]

    @api.multi
    def write(self, vals):
        changed = [name for name in vals if not self._defis_proof_free(name)]
        if changed:
            # who may not write at all is told so first
            self.check_access_rights("write")
            self._defis_proof_check_write(vals, changed)
        return super().write(vals)

    @api.multi
    def unlink(self):
        self.check_access_rights("unlink")
        locked = self._defis_proof_locked()
        if locked:
            raise UserError(_(
                "%(what)s %(name)s is kept as a proof: it cannot be deleted. Record a "
                "correction instead.") % {"what": locked._defis_proof_label(),
                                          "name": locked[0].display_name})
        return super().unlink()

    def _defis_proof_free(self, name):
        return name in self._defis_proof_free_fields or name.startswith(FREE_PREFIXES)

    def _defis_proof_check_write(self, vals, names):
        """Refuse a change of a fact of a locked record; writing back the
        value it already holds (Odoo's own flows do) is not a change."""
        for record in self._defis_proof_locked():
            for name in names:
                if value_differs(record, name, vals[name]):
                    raise UserError(_(
                        "%(what)s %(name)s is kept as a proof: it cannot be changed "
                        "(%(field)s). Record a correction instead.") % {
                            "what": record._defis_proof_label(),
                            "name": record.display_name,
                            "field": record._defis_proof_field_labels([name])[0]})

    @api.multi
    def action_defis_open_correction(self):
        """The correction wizard of the record, in a dialog."""
        self.ensure_one()
        if not self._defis_proof_correction_wizard:
            raise UserError(_("%s is corrected by its own workflow.") % self._defis_proof_label())
        wizard = self._defis_proof_correction_wizard
        return {"type": "ir.actions.act_window", "res_model": wizard,
                "view_mode": "form", "target": "new",
                "name": self._defis_proof_user_env()["ir.model"].sudo()._get(wizard).name,
                "context": {"active_model": self._name, "active_id": self.id,
                            "active_ids": self.ids}}

    @api.multi
    @api.returns("self", lambda record: record.id)
    def action_defis_supersede(self, values, reason):
        """Correct a proof: a copy with the corrected ``values`` replaces it,
        with who and why; the old record is archived. Returns the new one."""
        self.ensure_one()
        if not (reason or "").strip():
            raise UserError(_("A correction needs its reason."))
        refused = set(values) - set(self._defis_proof_correctable)
        if refused:
            raise UserError(_("A correction of %(what)s may change only: %(fields)s.") % {
                "what": self._defis_proof_label(),
                "fields": ", ".join(self._defis_proof_field_labels(
                    self._defis_proof_correctable)) or "-"})
        if not self.active:
            raise UserError(_("%s was already corrected: correct its successor.")
                            % self.display_name)
        self.check_access_rights("create")
        self.check_access_rule("write")
        self._defis_proof_archive()
        return self.copy(dict(
            values, active=True, defis_supersedes_res_id=self.id,
            defis_correction_reason=reason.strip(), defis_correction_user_id=self.env.uid))

    def _defis_proof_archive(self):
        """Archive without going through ``write``, that refuses it."""
        self.env.cr.execute(
            'UPDATE "%s" SET active = false, write_uid = %%s, '
            "write_date = now() at time zone 'UTC' WHERE id IN %%s" % self._table,
            (self.env.uid, tuple(self.ids)))
        self.invalidate_cache(["active"], self.ids)
