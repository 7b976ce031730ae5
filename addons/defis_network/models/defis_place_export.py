# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The file of places published on the national map, in the national standard
(columns, UTF-8, "|" between the values of a cell): built from the published
structures, stored as two public attachments (CSV and JSON) that the public
URLs serve and a daily job rebuilds."""
import base64
import csv
import io
import json
import re

from odoo import api, models

from ..tools import place_standard

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
        """One dict per partner: the standard's columns, in its order, with
        None for an empty cell and numbers for the coordinates."""
        source = self.env.user.company_id.name
        columns = place_standard.column_names()
        rows = []
        for partner in partners:
            cells = self.place_cells(partner, source)
            rows.append({column: cells.get(column) or None for column in columns})
        return rows

    @api.model
    def place_cells(self, partner, source=None):
        """The cells of ``partner`` that hold something: only public facts
        of the place, never its contact persons."""
        cells = {column: partner[field] for column, field in TEXT_FIELDS.items()}
        cells.update({
            "id": "defis-%d" % partner.id,
            "pivot": partner._defis_place_pivot(),
            "typologie": partner.defis_structure_type_id.place_typology,
            "telephone": self._place_phone(partner.phone),
            "courriels": self._place_emails(partner.email),
            "source": source,
            "structure_parente": partner.parent_id.name if partner.parent_id else None,
            "date_maj": (partner.write_date or "")[:10],
        })
        if partner.partner_latitude or partner.partner_longitude:
            cells["latitude"] = round(partner.partner_latitude, COORDINATE_DIGITS)
            cells["longitude"] = round(partner.partner_longitude, COORDINATE_DIGITS)
        for column, kind in place_standard.VOCABULARY_COLUMNS.items():
            values = partner["defis_place_%s_ids" % kind]
            cells[column] = place_standard.join(values.mapped("value")) if values else None
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
