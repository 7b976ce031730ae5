# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The audit trail in the anonymisation: its lines keep the old and new
values of contacts, registrations, referrals and loans, and the anonymising
writes themselves log the values they erase."""
from collections import defaultdict

from odoo import models
from odoo.osv import expression

ERASED = "—"
IDENTIFIERS = ("name", "email", "phone", "mobile")
SHORTEST = 4  # a shorter value would match unrelated lines
ERASED_VALUES = {"old_value": False, "new_value": False,
                 "old_value_text": ERASED, "new_value_text": ERASED}


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _defis_anonymize(self):
        """Every field the anonymisation erased loses its values in the audit
        trail, on every line of its record; who changed which field, and
        when, stays."""
        lines = self.env["auditlog.log.line"].sudo()
        last = lines.search([], order="id desc", limit=1).id or 0
        result = super()._defis_anonymize()
        erased = defaultdict(set)  # (model, field) -> ids of the records
        former = set()  # the identifiers these writes erased
        for line in lines.search([("id", ">", last)]):
            erased[(line.log_id.model_id.id, line.field_id.id)].add(line.log_id.res_id)
            if line.field_id.name in IDENTIFIERS and len(line.old_value_text or "") >= SHORTEST:
                former.add(line.old_value_text)
        for (model_id, field_id), res_ids in erased.items():
            lines.search([
                ("log_id.model_id", "=", model_id), ("log_id.res_id", "in", list(res_ids)),
                ("field_id", "=", field_id)]).write(ERASED_VALUES)
        if former:
            # links to the person (a referral's person, followers) show their name
            lines.search(expression.OR(
                [[(column, "ilike", value)] for value in former
                 for column in ("old_value_text", "new_value_text")])).write(ERASED_VALUES)
        self._defis_rename_audit_logs(erased)
        return result

    def _defis_rename_audit_logs(self, erased):
        """Logs keep the record's name of their day: its name of today."""
        logs = self.env["auditlog.log"].sudo()
        for model_id, res_ids in {(m, tuple(sorted(ids))) for (m, _f), ids in erased.items()}:
            model = self.env["ir.model"].sudo().browse(model_id).model
            for record in self.env[model].sudo().browse(res_ids).exists():
                logs.search([("model_id", "=", model_id), ("res_id", "=", record.id)]).write(
                    {"name": record.display_name[:64]})
