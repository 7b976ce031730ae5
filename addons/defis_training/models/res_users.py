# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.osv import expression


class ResUsers(models.Model):
    """Learners are private persons; a trainer sees those of their course runs."""

    _inherit = "res.users"

    @api.model
    def _defis_private_person_groups(self):
        return super()._defis_private_person_groups() + ["event.group_event_user"]

    @api.model
    def _defis_private_person_domain(self):
        return expression.OR([super()._defis_private_person_domain(),
                              [("defis_registration_ids", "!=", False)]])

    def _defis_own_persons_domain(self):
        return expression.OR([super()._defis_own_persons_domain(), [
            ("defis_registration_ids.event_id.defis_session_ids.trainer_id", "=", self.id)]])
