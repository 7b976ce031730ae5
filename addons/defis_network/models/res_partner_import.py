# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Structures and their referents imported from a spreadsheet."""
from odoo import _, api, models

from ..tools import phone as phone_tools
from .res_partner_phone import PHONE_FIELDS


# contacts are extended in one file per concern, on purpose
class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _convert_records(self, records, log=lambda a: None):
        """A third referent is an error on its row, which is not imported
        (the import then rolls back as a whole). A phone number that does not
        parse is a warning: the row is imported with the number as it is and
        the contact is flagged « phone to check »; valid numbers are stored
        in E.164."""
        for dbid, xid, record, info in super()._convert_records(records, log=log):
            self._defis_import_defaults(record)
            for message in self._defis_import_phones(record):
                log(dict(info, type="warning", message=message))
            errors = self.browse(dbid)._defis_import_errors(record)
            for message in errors:
                log(dict(info, type="error", message=message))
            if not errors:
                yield dbid, xid, record, info

    @api.model
    def _defis_import_defaults(self, record):
        """A row with a structure type or sub-network is a company; its
        referents start on its affiliation date unless the row says otherwise."""
        if (record.get("defis_structure_type_id") or record.get("defis_subnetwork_id")) \
                and "is_company" not in record and "company_type" not in record:
            record["is_company"] = True
        if record.get("defis_affiliation_date"):
            for command in record.get("defis_referent_ids") or []:
                if command[0] == 0:
                    command[2].setdefault("date_start", record["defis_affiliation_date"])

    @staticmethod
    def _defis_new_referents(record):
        return [command[2] for command in record.get("defis_referent_ids") or []
                if command[0] == 0]

    @api.model
    def _defis_import_phones(self, record):
        """The valid numbers of ``record`` (a row and its new referents) in
        E.164; French messages on the ones that do not parse, kept as they are."""
        structure = record.get("name") or ""
        warnings = []
        for field in PHONE_FIELDS:
            if not self._defis_import_phone(record, field):
                warnings.append(_(
                    "%(structure)s: the phone number \"%(phone)s\" is not valid; it is "
                    "imported as it is, to check.") % {
                        "structure": structure, "phone": record[field]})
        for vals in self._defis_new_referents(record):
            if not self._defis_import_phone(vals, "phone"):
                warnings.append(_(
                    "%(structure)s, referent %(referent)s: the phone number \"%(phone)s\" "
                    "is not valid; it is imported as it is, to check.") % {
                        "structure": structure, "referent": vals.get("name") or "",
                        "phone": vals["phone"]})
        return warnings

    def _defis_import_phone(self, vals, field):
        """Put the number of ``vals[field]`` in E.164; False when it does not parse."""
        if not vals.get(field):
            return True
        country = self.env["res.country"].browse(vals.get("country_id") or [])
        number = phone_tools.normalized(vals[field], country.code)
        if number:
            vals[field] = number
        return bool(number)

    def _defis_import_errors(self, record):
        """French messages on what would fail in ``record`` (converted values
        of one imported row; ``self`` is the partner it updates, if any)."""
        structure = record.get("name") or self.name or ""
        referents = self._defis_new_referents(record)
        current = len(self.defis_current_referent_ids) + len(
            [vals for vals in referents if not vals.get("date_end")])
        maximum = self.env["defis.referent"].REFERENTS_PER_STRUCTURE
        if current > maximum:
            return [_("%(structure)s would have %(count)d current referents: a "
                      "structure names %(max)d at most.") % {
                "structure": structure, "count": current, "max": maximum}]
        return []
