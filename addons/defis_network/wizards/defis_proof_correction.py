# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.defis_proof_mixin import value_differs


class DefisProofCorrection(models.AbstractModel):
    """What the correction of a proof record asks (the record is the
    context's active one): the reason, and the corrected facts in fields of
    the wizard named as the record's correctable fields, filled with what
    the record holds."""

    _name = "defis.proof.correction"
    _description = "Correction of a record kept as a proof"
    _defis_proof_model = None
    # the correction's form opens after it (else the dialog closes and the
    # list the record was in shows its correction)
    _defis_open_correction = False

    reason = fields.Text(
        required=True, help="Why the record is corrected: kept with the correction.")

    @api.model
    def _defis_target(self):
        context = self.env.context
        if context.get("active_model") != self._defis_proof_model:
            raise UserError(_("Open the correction from the record to correct."))
        target = self.env[self._defis_proof_model].browse(context.get("active_id")).exists()
        if not target:
            raise UserError(_("The record to correct no longer exists."))
        return target

    @api.model
    def _defis_fields(self, target):
        return [name for name in target._defis_proof_correctable if name in self._fields]

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        target = self._defis_target()
        for name in self._defis_fields(target):
            if name in fields_list:
                values[name] = target._fields[name].convert_to_write(target[name], target)
        return values

    def action_correct(self):
        """The correction replaces the record."""
        self.ensure_one()
        target = self._defis_target()
        values = {}
        for name in self._defis_fields(target):
            value = self._fields[name].convert_to_write(self[name], self)
            if value_differs(target, name, value):
                values[name] = value
        if not values and target.active:
            raise UserError(_("Nothing was changed: change what was wrong, or cancel."))
        new = target.action_defis_supersede(values, self.reason)
        if not self._defis_open_correction:
            return {"type": "ir.actions.act_window_close"}
        return {"type": "ir.actions.act_window", "res_model": new._name, "res_id": new.id,
                "view_mode": "form", "target": "current"}
