# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models, tools

from odoo.addons.auditlog.models.rule import FIELDS_BLACKLIST

LOG_LINE_COLUMNS = ("field_id", "log_id", "old_value", "new_value", "old_value_text",
                    "new_value_text")


class AuditlogRule(models.Model):
    _inherit = "auditlog.rule"

    @api.model
    def get_auditlog_fields(self, model):
        """auditlog reads a created record's fields as its author: the fields
        the author may not read (reserved to other groups, or pointing to
        records of a model the author has no access to, such as a contact's
        invoices) are left out of the log; their read would refuse the
        creation itself. One2many fields are left out too: they are the
        other records' links to this one (its messages, its stock quants,
        its lines), which change with those records and are logged on them
        where their model is audited; reading them before and after each
        write was most of the trail's cost. So are binary fields (a photo,
        a file): their content is not legible in a trail, weighs as much
        as the file on every line, and the attachment that holds it keeps
        who stored it and when.
        The list depends on the model and the author's groups only: it is
        kept until the groups or the models change (Odoo then clears it)."""
        return list(self._defis_audited_fields(model._name, model.env.uid))

    @tools.ormcache("model_name", "uid")
    def _defis_audited_fields(self, model_name, uid):
        model = self.env[model_name].sudo(uid)
        return tuple(name for name in super().get_auditlog_fields(model)
                     if model._fields[name].type not in ("one2many", "binary")
                     and self._defis_readable_field(model, model._fields[name]))

    @api.model
    def _defis_readable_field(self, model, field):
        if field.groups and not model.user_has_groups(field.groups):
            return False
        return not field.relational or model.env[field.comodel_name].check_access_rights(
            "read", raise_exception=False)

    def _create_log_line_on_create(self, log, fields_list, new_values):
        """The lines of a created record in one INSERT rather than one ORM
        create each, with the values auditlog's own lines hold. Only the
        fields the creation filled are listed (a field absent from a
        creation's log was left empty): about 20 lines on a contact rather
        than 150."""
        values = new_values[log.res_id]
        rows = []
        for field_name in fields_list:
            if field_name in FIELDS_BLACKLIST or not self._defis_filled(values[field_name]):
                continue
            field = self._get_field(log.model_id, field_name)
            if field:
                rows.append(self._prepare_log_line_vals_on_create(log, field, new_values))
        self._defis_insert_log_lines(log, rows)

    @staticmethod
    def _defis_filled(value):
        """False for what a record holds when the field was left empty (an
        unticked box too); 0 is a value."""
        return not (value is False or value is None or value in ("", [], ()))

    def _defis_insert_log_lines(self, log, rows):
        if not rows:
            return
        lines = self.env["auditlog.log.line"]
        values = [tuple(lines._fields[column].convert_to_column(row[column], lines)
                        for column in LOG_LINE_COLUMNS) + (self.env.uid, self.env.uid)
                  for row in rows]
        # the columns are constants of this module, never user input
        self.env.cr.execute(
            "INSERT INTO auditlog_log_line (%s, create_uid, write_uid, create_date, "  # noqa
            "write_date) VALUES %s" % (  # pylint: disable=sql-injection
                ", ".join(LOG_LINE_COLUMNS), ", ".join(
                    ["(%s, %s, %s, %s, %s, %s, %s, %s, now() AT TIME ZONE 'UTC', "
                     "now() AT TIME ZONE 'UTC')"] * len(values))),
            [value for row in values for value in row])
        log.invalidate_cache(["line_ids"], log.ids)
