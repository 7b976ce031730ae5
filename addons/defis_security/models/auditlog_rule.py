# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class AuditlogRule(models.Model):
    _inherit = "auditlog.rule"

    @api.model
    def get_auditlog_fields(self, model):
        """auditlog reads a created record's fields as its author: the fields
        the author may not read (reserved to other groups, or pointing to
        records of a model the author has no access to, such as a contact's
        invoices) are left out of the log; their read would refuse the
        creation itself."""
        return [name for name in super().get_auditlog_fields(model)
                if self._defis_readable_field(model, model._fields[name])]

    @api.model
    def _defis_readable_field(self, model, field):
        if field.groups and not model.user_has_groups(field.groups):
            return False
        return not field.relational or model.env[field.comodel_name].check_access_rights(
            "read", raise_exception=False)
