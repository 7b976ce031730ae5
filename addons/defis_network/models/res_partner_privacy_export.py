# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The right of access: everything the suite holds on a person, in one file."""
import json

from odoo import _, fields, models
from odoo.exceptions import AccessError
from odoo.tools import html2plaintext

STAFF_GROUP = "defis_network.group_defis_user"
CONTACT_FIELDS = [
    "name", "email", "phone", "mobile", "street", "street2", "zip", "city", "country_id",
    "function", "lang", "comment", "parent_id", "category_id", "create_date",
    "defis_is_household", "defis_household_size", "defis_minimum_benefit",
    "defis_referring_structure_id", "defis_consent_date", "defis_last_activity_date",
]
RELATIONAL = ("many2one", "many2many", "one2many")


# contacts are extended in one file per concern, on purpose
class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    def action_defis_export_personal_data(self):
        """Download the file of the person's data (the controller builds it)."""
        self.ensure_one()
        self._defis_check_export_rights()
        return {"type": "ir.actions.act_url", "target": "self",
                "url": "/defis/personal-data/%d" % self.id}

    def _defis_check_export_rights(self):
        if not self.env.user.has_group(STAFF_GROUP):
            raise AccessError(_("Only the association's staff can export a person's data."))
        self.check_access_rights("read")
        self.check_access_rule("read")

    def _defis_personal_data_file(self):
        """(file name, JSON bytes) of everything the suite holds on the person."""
        self.ensure_one()
        self._defis_check_export_rights()
        content = {
            _("Person"): self.display_name,
            _("Exported on"): fields.Datetime.now(),
            _("Exported by"): self.env.user.name,
            _("Data"): self.sudo()._defis_personal_data(),
        }
        text = json.dumps(content, ensure_ascii=False, indent=2, default=str)
        return "donnees-personnelles-%d.json" % self.id, text.encode("utf-8")

    def _defis_personal_data(self):
        """{section: rows}; the other add-ons add their sections
        (registrations and attendance, loans, purchases)."""
        self.ensure_one()
        messages = self.env["mail.message"].search([
            "|", "&", ("model", "=", "res.partner"), ("res_id", "=", self.id),
            ("author_id", "=", self.id)], order="date")
        return {
            _("Contact"): self._defis_export_rows(self, CONTACT_FIELDS),
            _("Memberships"): self._defis_export_rows(
                self.env["membership.membership_line"].search([("partner", "=", self.id)]),
                ["membership_id", "date", "date_from", "date_to", "state", "member_price"]),
            _("Referrals"): self._defis_export_rows(
                self.env["defis.referral"].search([("person_id", "=", self.id)]),
                ["name", "date", "structure_id", "service", "reason", "state", "result_date"]),
            _("Referent of a structure"): self._defis_export_rows(
                self.env["defis.referent"].search([("partner_id", "=", self.id)]),
                ["structure_id", "date_start", "date_end"]),
            _("Network meetings"): self._defis_export_rows(
                self.env["defis.meeting.attendance"].search([("partner_id", "=", self.id)]),
                ["meeting_id", "present"]),
            _("Messages"): self._defis_export_rows(
                messages, ["date", "model", "record_name", "author_id", "subject", "body"]),
        }

    def _defis_export_rows(self, records, names):
        """Rows of ``records`` with their fields' labels in the user's language."""
        labels = records.fields_get(names, ["string"])
        return [{labels[name]["string"]: self._defis_export_value(record, name)
                 for name in names} for record in records]

    @staticmethod
    def _defis_export_value(record, name):
        field, value = record._fields[name], record[name]
        if field.type in RELATIONAL:
            names = value.mapped("display_name")
            return (names[0] if names else None) if field.type == "many2one" else names
        if field.type == "html":
            return html2plaintext(value or "")
        if field.type == "selection" and value:
            return dict(field._description_selection(record.env)).get(value, value)
        if value is False and field.type != "boolean":
            return None
        return value
