# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..models.defis_training_attendance import STATES


class DefisTrainingAttendanceCorrection(models.TransientModel):
    """The correction of a learner's attendance of a closed session."""

    _name = "defis.training.attendance.correction"
    _inherit = "defis.proof.correction"
    _description = "Correction of an attendance"
    _defis_proof_model = "defis.training.attendance"

    state = fields.Selection(STATES, string="Status", required=True)
    hours = fields.Float(string="Hours attended", required=True)

    @api.onchange("state")
    def _onchange_state(self):
        session = self._defis_target().session_id
        self.hours = self.env[self._defis_proof_model]._default_hours(session, self.state)
