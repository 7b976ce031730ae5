# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The file of places published on the national map, in the national standard
(columns, UTF-8, "|" between the values of a cell): built from the published
structures, stored as two public attachments (CSV and JSON) that the public
URLs serve and a daily job rebuilds.

The stored columns of the places are read in two queries (their own columns,
then the values of their lists): the file holds public facts only and is the
same for every reader, and the ORM's reading of 40 fields for thousands of
places cost ten times the query (``make bench``). What a cell holds is decided
in Python, in ``_place_cells``, the one place of that rule."""
import base64
import csv
import io
import json
import re

from odoo import api, models

from ..tools import place_standard
from .res_partner_place import place_pivot

FORMATS = {
    "csv": ("lieux.csv", "text/csv"),
    "json": ("lieux.json", "application/json"),
}
PHONE_PATTERN = re.compile(next(
    field["constraints"]["pattern"] for field in place_standard.fields()
    if field["name"] == "telephone"))
_EMAIL_SEPARATORS = re.compile(r"[,;\s]+")
COORDINATE_DIGITS = 5
# the columns that hold one field of the contact as it is
TEXT_FIELDS = {
    "nom": "name",
    "commune": "city",
    "code_postal": "zip",
    "code_insee": "defis_insee_code",
    "adresse": "street",
    "complement_adresse": "street2",
    "site_web": "website",
    "horaires": "defis_opening_hours",
    "presentation_resume": "defis_place_summary",
    "presentation_detail": "defis_place_description",
    "autres_formations_labels": "defis_place_other_labels",
    "fiche_acces_libre": "defis_place_accessibility_url",
    "prise_rdv": "defis_place_booking_url",
}
KINDS = list(place_standard.VOCABULARY_COLUMNS.values())
# the stored columns of res.partner a row of the file is made of
PLACE_COLUMNS = list(TEXT_FIELDS.values()) + [
    "siren", "nic", "defis_rna", "defis_structure_type_id", "defis_phone_e164", "email",
    "partner_latitude", "partner_longitude"]
PLACES_QUERY = (
    "SELECT p.id, " + ", ".join("p.%s" % column for column in PLACE_COLUMNS)
    + ", to_char(p.write_date, 'YYYY-MM-DD') AS date_maj, parent.name AS parent_name"
    " FROM res_partner p LEFT JOIN res_partner parent ON parent.id = p.parent_id"
    " WHERE p.id IN %s")
# the values of each list, in the lists' order (the vocabulary's _order)
VALUES_QUERY = " UNION ALL ".join(
    "SELECT '%(kind)s' AS kind, r.partner_id, v.value, v.sequence, v.id"
    " FROM defis_partner_place_%(kind)s_rel r"
    " JOIN defis_place_vocabulary v ON v.id = r.vocabulary_id"
    " WHERE r.partner_id IN %%(ids)s" % {"kind": kind} for kind in KINDS
) + " ORDER BY 1, 4, 5"


class DefisPlaceExport(models.AbstractModel):
    _name = "defis.place.export"
    _description = "File of the places published on the national map"

    # rows ---------------------------------------------------------------------------
    @api.model
    def _published_places(self):
        return self.env["res.partner"].sudo().search(
            [("defis_place_published", "=", True)], order="id")

    @api.model
    def place_rows(self, partners):
        """One dict per partner, in the order of ``partners``: the standard's
        columns, in its order, with None for an empty cell and numbers for
        the coordinates."""
        if not partners:
            return []
        source = self.env.user.company_id.name
        typologies = {kind["id"]: kind["place_typology"] for kind in self.env[
            "defis.structure.type"].sudo().with_context(active_test=False).search_read(
            [], ["place_typology"])}
        records = self._place_records(partners)
        columns = place_standard.column_names()
        rows = []
        for partner_id in partners.ids:
            cells = self._place_cells(records[partner_id], source, typologies)
            rows.append({column: cells.get(column) or None for column in columns})
        return rows

    def _place_records(self, partners):
        """Stored columns of ``partners`` by id, with ``date_maj``,
        ``parent_name`` and, for each list, its values (``values_<kind>``)."""
        ids = tuple(partners.ids)
        self.env.cr.execute(PLACES_QUERY, (ids,))
        records = {record["id"]: dict(record, **{"values_%s" % kind: [] for kind in KINDS})
                   for record in self.env.cr.dictfetchall()}
        self.env.cr.execute(VALUES_QUERY, {"ids": ids})
        for kind, partner_id, value, _sequence, _id in self.env.cr.fetchall():
            records[partner_id]["values_%s" % kind].append(value)
        return records

    def _place_cells(self, record, source, typologies):
        """The cells of one place that hold something: only public facts of
        the place, never its contact persons."""
        cells = {column: record[field] for column, field in TEXT_FIELDS.items()}
        cells.update({
            "id": "defis-%d" % record["id"],
            "pivot": place_pivot(record["siren"], record["nic"], record["defis_rna"]),
            "typologie": typologies.get(record["defis_structure_type_id"]),
            "telephone": self._place_phone(record["defis_phone_e164"]),
            "courriels": self._place_emails(record["email"]),
            "source": source,
            "structure_parente": record["parent_name"],
            "date_maj": record["date_maj"],
        })
        if record["partner_latitude"] or record["partner_longitude"]:
            cells["latitude"] = round(record["partner_latitude"], COORDINATE_DIGITS)
            cells["longitude"] = round(record["partner_longitude"], COORDINATE_DIGITS)
        for column, kind in place_standard.VOCABULARY_COLUMNS.items():
            cells[column] = place_standard.join(record["values_%s" % kind])
        return cells

    @staticmethod
    def _place_emails(email):
        return place_standard.join(
            address for address in _EMAIL_SEPARATORS.split(email or "") if address)

    @staticmethod
    def _place_phone(phone):
        """The phone in the standard's format (E.164 of France and its
        overseas territories), None otherwise."""
        return phone if phone and PHONE_PATTERN.match(phone) else None

    # files --------------------------------------------------------------------------
    @api.model
    def place_csv(self, rows):
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\r\n")
        columns = place_standard.column_names()
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if row[column] is None else row[column] for column in columns])
        return text.getvalue().encode(place_standard.ENCODING)

    @api.model
    def place_json(self, rows):
        return json.dumps(rows, ensure_ascii=False, indent=1).encode(place_standard.ENCODING)

    @api.model
    def defis_refresh_files(self):
        """Rebuild the published files from the published places."""
        rows = self.place_rows(self._published_places())
        contents = {"csv": self.place_csv(rows), "json": self.place_json(rows)}
        for file_format, content in contents.items():
            self._store_file(file_format, content)
        return True

    @api.model
    def _store_file(self, file_format, content):
        name, mimetype = FORMATS[file_format]
        values = {
            "name": name, "datas_fname": name, "mimetype": mimetype, "public": True,
            "datas": base64.b64encode(content), "res_model": self._name, "res_id": 0,
        }
        attachment = self._attachment(file_format)
        if attachment:
            attachment.write(values)
        else:
            self.env["ir.attachment"].sudo().create(values)

    @api.model
    def _attachment(self, file_format):
        return self.env["ir.attachment"].sudo().search([
            ("res_model", "=", self._name), ("name", "=", FORMATS[file_format][0])], limit=1)

    @api.model
    def published_file(self, file_format):
        """The attachment of the published file, built first if need be."""
        attachment = self._attachment(file_format)
        if not attachment:
            self.defis_refresh_files()
            attachment = self._attachment(file_format)
        return attachment

    @api.model
    def _cron_refresh_files(self):
        return self.defis_refresh_files()

    @api.model
    def action_defis_download_places(self):
        """The staff's button: rebuild the file now and download it."""
        self.defis_refresh_files()
        return {"type": "ir.actions.act_url", "url": "/reseau/lieux.csv?download=1",
                "target": "self"}
