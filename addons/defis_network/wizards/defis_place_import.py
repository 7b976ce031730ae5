# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Import of a file of places in the national standard (e.g. the
département's extract of the national data): the file is checked against the
standard first and refused as a whole, row by row in French, when it does not
follow it; each place is then matched to a structure (SIRET or RNA, then name
and postcode); staff review the differences and accept them one by one; the
places not found are created as candidates, not affiliated."""
import base64
import json
import unicodedata
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.defis_place_export import TEXT_FIELDS
from ..models.res_partner_place import RNA_PATTERN, URL_PATTERN, place_pivot, siret_key_valid
from ..tools import phone as phone_tools
from ..tools import place_standard

MAX_MESSAGES = 30
COORDINATES = {"latitude": "partner_latitude", "longitude": "partner_longitude"}
IMPORTED_COLUMNS = [
    column for column in place_standard.column_names()
    if column in TEXT_FIELDS or column in COORDINATES
    or column in place_standard.VOCABULARY_COLUMNS
    or column in ("pivot", "telephone", "courriels")]


def name_key(name):
    """A name compared without case, accents or punctuation."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    return " ".join("".join(char if char.isalnum() else " " for char in text).split())


class DefisPlaceImport(models.TransientModel):
    _name = "defis.place.import"
    _description = "Import of a file of places in the national standard"

    file = fields.Binary(string="File of places (CSV)", required=True, attachment=False)
    filename = fields.Char()
    state = fields.Selection([
        ("draft", "File to check"),
        ("review", "Differences to review"),
        ("done", "Imported"),
    ], default="draft", readonly=True)
    line_ids = fields.One2many("defis.place.import.line", "wizard_id", string="Changes")
    warnings = fields.Text(readonly=True)
    summary = fields.Text(readonly=True)

    # step 1: check the file and compare it --------------------------------------------
    def action_analyse(self):
        self.ensure_one()
        rows = self._checked_rows()
        lines, warnings = self._compare(rows)
        self.write({
            "state": "review", "line_ids": [(5, 0, 0)] + [(0, 0, line) for line in lines],
            "warnings": "\n".join(warnings) or False,
        })
        return self._reopen()

    def _checked_rows(self):
        """The rows of the file as dicts (column: cell), or a UserError
        listing in French every place where it departs from the standard."""
        try:
            header, rows = place_standard.read_csv(base64.b64decode(self.file or b""))
        except place_standard.FileProblem as problem:
            raise UserError(self._file_problem_message(problem.kind))
        # _() reads the language in its caller's frame: not in a comprehension
        missing = _("Line 1: the column \"%s\" is missing; the standard requires it.")
        messages = [missing % column for column in place_standard.missing_columns(header)]
        if not messages:
            rows = place_standard.in_schema_order(header, rows)
            messages = [self._error_message(error) for error in place_standard.validate(rows)
                        if error["code"] != "primary-key-error"]
        if messages:
            raise UserError(self._refusal(messages))
        columns = place_standard.column_names()
        return [dict(zip(columns, row)) for row in rows]

    def _file_problem_message(self, kind):
        return {
            place_standard.NOT_UTF8: _(
                "The file is not in UTF-8: save it as CSV with the UTF-8 character set "
                "(LibreOffice: Text CSV, Unicode UTF-8)."),
            place_standard.EMPTY: _("The file is empty."),
            place_standard.NOT_COMMA: _(
                "The columns of the file are separated by semicolons: the standard "
                "separates them with commas."),
        }[kind]

    def _refusal(self, messages):
        shown = messages[:MAX_MESSAGES]
        if len(messages) > MAX_MESSAGES:
            shown.append(_("… and %d other errors.") % (len(messages) - MAX_MESSAGES))
        return _("Nothing was imported: the file does not follow the national standard "
                 "of digital-inclusion places.\n%s") % "\n".join(shown)

    def _error_message(self, error):
        return _("Line %(row)s, column \"%(column)s\": %(detail)s") % {
            "row": error["row"], "column": error["column"], "detail": self._error_detail(error)}

    def _error_detail(self, error):
        column, cell, constraint = error["column"], error["cell"], error["constraint"]
        if error["code"] == "unique-error":
            return _("\"%s\" is already the identifier of an earlier line.") % cell
        if error["code"] == "type-error":
            if column == "date_maj":
                return _("\"%s\" is not a date written YYYY-MM-DD.") % cell
            return _("\"%s\" is not a number (with a decimal point: 47.7486).") % cell
        if constraint == "required":
            return _("the cell is empty; the standard requires it.")
        if constraint == "maxLength":
            return _("%d characters, more than the standard allows.") % len(cell or "")
        if column in place_standard.VOCABULARY_COLUMNS:
            return self._vocabulary_detail(column, cell)
        return {
            "code_postal": _("\"%s\" is not a postcode of 5 digits."),
            "pivot": _("\"%s\" is not a SIRET (14 digits) nor an RNA number (W and 9 "
                       "characters)."),
            "code_insee": _("\"%s\" is not the INSEE code of a town (5 characters)."),
            "telephone": _("\"%s\" is not a phone number in international format "
                           "(+33 then the number without its first 0)."),
        }.get(column, _("\"%s\" does not follow the format of the standard.")) % cell

    def _vocabulary_detail(self, column, cell):
        allowed = place_standard.vocabulary_values(column)
        unknown = [value for value in place_standard.split(cell) if value not in allowed]
        if not unknown:
            return _("separate the values with \"|\", without spaces around it.")
        return _("\"%(values)s\": not a value of the standard. Allowed values, separated "
                 "by \"|\": %(allowed)s.") % {
            "values": place_standard.join(unknown), "allowed": ", ".join(allowed)}

    # matching ---------------------------------------------------------------------
    def _structures_index(self):
        """Companies by their pivot (SIRET or RNA) and by name and postcode."""
        by_pivot, by_name = defaultdict(list), defaultdict(list)
        companies = self.env["res.partner"].search_read(
            [("is_company", "=", True)], ["siren", "nic", "defis_rna", "name", "zip"])
        for company in companies:
            pivot = place_pivot(company["siren"], company["nic"], company["defis_rna"])
            if pivot:
                by_pivot[pivot].append(company["id"])
            by_name[(name_key(company["name"]), (company["zip"] or "").strip())].append(
                company["id"])
        return by_pivot, by_name

    @staticmethod
    def _match(row, by_pivot, by_name):
        same_pivot = by_pivot.get(row["pivot"].strip().upper(), [])
        if len(same_pivot) == 1:
            return same_pivot[0]
        same_name = by_name.get((name_key(row["nom"]), row["code_postal"].strip()), [])
        # several places share one SIRET (a town's library, its hall): the name decides
        both = [partner_id for partner_id in same_name if partner_id in same_pivot]
        return (both or same_name or [False])[0]

    def _compare(self, rows):
        """The lines to review and the warnings on values left out."""
        by_pivot, by_name = self._structures_index()
        matches = [self._match(row, by_pivot, by_name) for row in rows]
        # one recordset: the fields of all the known places are read together
        known = self.env["res.partner"].browse(
            sorted({partner_id for partner_id in matches if partner_id}))
        current = dict(zip(known.ids, self.env["defis.place.export"].place_rows(known)))
        vocabulary = self._vocabulary_ids()
        lines, warnings, seen = [], [], {}
        for number, (row, partner_id) in enumerate(zip(rows, matches), 2):
            values = self._row_values(row, number, vocabulary, warnings)
            if partner_id in seen:
                warnings.append(_("Line %(row)d: same structure as line %(first)d (%(name)s); "
                                  "line left out.") % {
                    "row": number, "first": seen[partner_id], "name": row["nom"]})
            elif partner_id:
                seen[partner_id] = number
                lines += self._update_lines(
                    partner_id, current[partner_id], row, values, number)
            else:
                lines.append(self._create_line(row, values, number))
        return lines, warnings

    def _vocabulary_ids(self):
        return {(value.kind, value.value): value.id
                for value in self.env["defis.place.vocabulary"].search([])}

    # values of a row ----------------------------------------------------------------
    def _row_values(self, row, number, vocabulary, warnings):
        """Column: partner values of the non-empty cells that can be kept;
        a warning for each one that cannot."""
        values = {}
        for column in IMPORTED_COLUMNS:
            cell = (row[column] or "").strip()
            if not cell:
                continue
            column_values, problem = self._cell_values(column, cell, vocabulary)
            if problem:
                warnings.append(_("Line %(row)d, column \"%(column)s\": %(problem)s; value "
                                  "not imported.") % {
                    "row": number, "column": column, "problem": problem})
            else:
                values[column] = column_values
        return values

    def _cell_values(self, column, cell, vocabulary):
        """(partner values, False) for one cell, or (False, why it is left out)."""
        if column == "pivot":
            return self._pivot_values(cell)
        if column in place_standard.VOCABULARY_COLUMNS:
            kind = place_standard.VOCABULARY_COLUMNS[column]
            ids = [vocabulary[(kind, value)] for value in place_standard.split(cell)]
            return {"defis_place_%s_ids" % kind: [(6, 0, ids)]}, False
        if column in COORDINATES:
            return {COORDINATES[column]: float(cell)}, False
        if column == "telephone":
            try:
                return {"phone": phone_tools.to_e164(cell)}, False
            except phone_tools.InvalidPhone:
                return False, _("\"%s\" is not a valid phone number") % cell
        if column == "courriels":
            return {"email": ", ".join(place_standard.split(cell))}, False
        return self._text_values(column, cell)

    def _text_values(self, column, cell):
        field = TEXT_FIELDS[column]
        if column == "site_web":
            cell = place_standard.split(cell)[0]
        if column == "horaires":
            problem = self.env["res.partner"].defis_opening_hours_error(cell)
            if problem:
                return False, problem.rstrip(".")
        if field in ("defis_place_accessibility_url", "defis_place_booking_url") \
                and not URL_PATTERN.match(cell):
            return False, _("\"%s\" is not a web address") % cell
        return {field: cell}, False

    @staticmethod
    def _pivot_values(cell):
        pivot = cell.upper()
        if pivot.isdigit() and len(pivot) == 14:
            if not siret_key_valid(pivot):
                return False, _("the SIRET %s has a wrong check digit") % pivot
            return {"siren": pivot[:9], "nic": pivot[9:]}, False
        if RNA_PATTERN.match(pivot):
            return {"defis_rna": pivot}, False
        return False, _("\"%s\" is neither a SIRET nor an RNA number") % cell

    # review lines ---------------------------------------------------------------------
    def _update_lines(self, partner_id, current, row, values, number):
        """One line per column where the file says something else than the
        structure's ``current`` cells; ticked when it only fills an empty
        field, never when it would replace what staff entered."""
        lines = []
        for column, column_values in values.items():
            ours, theirs = current.get(column), row[column].strip()
            if self._comparable(column, ours) == self._comparable(column, theirs):
                continue
            lines.append({
                "kind": "update", "line_number": number, "partner_id": partner_id,
                "name": current["nom"], "column": column,
                "current_value": self._shown(ours), "new_value": theirs,
                "accept": ours in (None, False, ""), "values": json.dumps(column_values),
            })
        return lines

    def _create_line(self, row, values, number):
        partner_values = {"is_company": True, "defis_place_imported": True,
                          "country_id": self.env.ref("base.fr").id}
        for column_values in values.values():
            partner_values.update(column_values)
        return {
            "kind": "create", "line_number": number, "name": row["nom"],
            "new_value": "%s %s" % (row["code_postal"], row["commune"]),
            "accept": True, "values": json.dumps(partner_values),
        }

    @staticmethod
    def _comparable(column, cell):
        if cell in (None, False, ""):
            return None
        if column in COORDINATES:
            return round(float(cell), 5)
        if column in place_standard.VOCABULARY_COLUMNS or column == "courriels":
            return frozenset(value.casefold() for value in place_standard.split(cell))
        if column == "site_web":
            return place_standard.split(cell)[0]
        if column == "telephone":
            try:
                return phone_tools.to_e164(cell)
            except phone_tools.InvalidPhone:
                return cell
        return " ".join(str(cell).split()).upper() if column == "pivot" \
            else " ".join(str(cell).split())

    @staticmethod
    def _shown(cell):
        return "" if cell in (None, False) else str(cell)

    # step 2: apply what staff accepted ---------------------------------------------------
    def action_apply(self):
        self.ensure_one()
        if self.state != "review":
            raise UserError(_("Check the file first."))
        partners = self.env["res.partner"]
        created = partners
        updates = defaultdict(dict)
        for line in self.line_ids.filtered("accept"):
            values = json.loads(line.values)
            if line.kind == "create":
                created |= partners.create(values)
            else:
                updates[line.partner_id].update(values)
        for partner, values in updates.items():
            partner.write(values)
        self.write({"state": "done", "summary": _(
            "%(created)d structures created as candidates (not affiliated), %(updated)d "
            "structures updated.") % {"created": len(created), "updated": len(updates)}})
        return self._reopen()

    def action_accept_all(self):
        self.line_ids.write({"accept": True})
        return self._reopen()

    def action_accept_none(self):
        self.line_ids.write({"accept": False})
        return self._reopen()

    @api.multi
    def _reopen(self):
        return {
            "type": "ir.actions.act_window", "res_model": self._name, "res_id": self.id,
            "view_mode": "form", "target": "new", "name": _("Import places"),
        }
