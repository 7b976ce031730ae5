"""The national map on 2,000 published places (inserted in SQL, with their
services, fees, access and accompaniment modes):

1. Export: the file of places (CSV) built through the ORM, against one SQL
   query reading the same columns written by the same CSV writer; both files
   are checked equal first.
2. Import of 200 of those rows as new places (other SIRETs and names):
   check against the standard, matching, review lines and the creation of the
   200 candidates, against ``res.partner.create`` of the same values alone;
   time per row printed.
3. Import of the same 2,000 rows as they are: each place found by its SIRET,
   nothing differs; against frictionless's validation of the file alone."""
import base64
import copy
import csv
import io
import json

import frictionless

from odoo.addons.defis_network.tests.common import GuardedSavepointCase
from odoo.addons.defis_network.tests.common_place import make_siret
from odoo.addons.defis_network.tools import place_standard

from .harness import BenchCase

PLACES = 2000
# new places imported: each is a structure created, 0.2 s a row; the time a
# row takes is what is compared
NEW_PLACES = 200
FAST = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}
VOCABULARY = ("service", "fee", "access", "accompaniment")

PLACES_INSERT = """
    INSERT INTO res_partner (
        name, display_name, is_company, active, type, company_id, invoice_warn, picking_warn,
        street, zip, city, country_id, phone, defis_phone_e164, email, website, siren, nic,
        siret,
        defis_insee_code, defis_opening_hours, defis_place_summary, partner_latitude,
        partner_longitude, defis_place_published, defis_place_complete,
        defis_structure_type_id, defis_is_structure, defis_affiliation_date,
        create_uid, write_uid, create_date, write_date)
    SELECT 'Lieu ' || to_char(i, 'FM0000') || ' (bench)',
           'Lieu ' || to_char(i, 'FM0000') || ' (bench)', TRUE, TRUE, 'contact',
           %(company)s, 'no-message', 'no-message',
           i || ' rue de la Gare', '56100', 'Lorient', %(france)s,
           '+3329700' || to_char(i, 'FM0000'), '+3329700' || to_char(i, 'FM0000'),
           'contact@lieu' || i || '.example',
           'https://lieu' || i || '.example', substr(s, 1, 9), substr(s, 10, 5), s, '56121',
           'Mo-Fr 09:00-12:00,14:00-17:00',
           'Un lieu de médiation numérique du banc d''essai.',
           47.7 + i / 100000.0, -3.3 - i / 100000.0, TRUE, TRUE,
           %(type)s, TRUE, '2018-06-01',
           %(uid)s, %(uid)s, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM unnest(%(sirets)s::text[]) WITH ORDINALITY AS t(s, i)
"""
# a few values of each list, chosen by the place's rank
VOCABULARY_INSERT = """
    INSERT INTO defis_partner_place_{kind}_rel (partner_id, vocabulary_id)
    SELECT p.id, v.id
      FROM res_partner p
      JOIN defis_place_vocabulary v ON v.kind = %(kind)s AND (p.id + v.id) %% 3 = 0
     WHERE p.name LIKE 'Lieu %%(bench)'
"""

# the same columns as the export, from one query
EXPORT_QUERY = """
    SELECT 'defis-' || p.id, CASE WHEN p.siren IS NOT NULL AND p.nic IS NOT NULL
                                  THEN p.siren || p.nic ELSE p.defis_rna END,
           p.name, p.city, p.zip, p.defis_insee_code, p.street, p.street2,
           CASE WHEN p.partner_latitude <> 0 OR p.partner_longitude <> 0
                THEN round(p.partner_latitude::numeric, 5)::float END,
           CASE WHEN p.partner_latitude <> 0 OR p.partner_longitude <> 0
                THEN round(p.partner_longitude::numeric, 5)::float END,
           t.place_typology,
           CASE WHEN p.defis_phone_e164 ~ %(phone)s THEN p.defis_phone_e164 END,
           NULLIF(trim(BOTH '|' FROM regexp_replace(p.email, '[,;\\s]+', '|', 'g')), ''),
           p.website, p.defis_opening_hours, p.defis_place_summary, p.defis_place_description,
           %(source)s, {vocabularies_itinerance}, parent.name,
           to_char(p.write_date, 'YYYY-MM-DD'), {vocabularies_service}, {vocabularies_public},
           {vocabularies_support}, {vocabularies_fee}, {vocabularies_programme},
           {vocabularies_label}, p.defis_place_other_labels, {vocabularies_access},
           {vocabularies_accompaniment}, p.defis_place_accessibility_url,
           p.defis_place_booking_url
      FROM res_partner p
      LEFT JOIN defis_structure_type t ON t.id = p.defis_structure_type_id
      LEFT JOIN res_partner parent ON parent.id = p.parent_id
     WHERE p.defis_place_published AND p.active
  ORDER BY p.id
"""
VOCABULARY_COLUMN = """
    (SELECT string_agg(v.value, '|' ORDER BY v.kind, v.sequence, v.id)
       FROM defis_partner_place_{kind}_rel r
       JOIN defis_place_vocabulary v ON v.id = r.vocabulary_id
      WHERE r.partner_id = p.id)"""


class TestBenchPlace(GuardedSavepointCase, BenchCase):
    """SavepointCase first: the places are inserted once for all the cases."""

    repeat = 3

    @classmethod
    def set_up_class_data(cls):
        env = cls.env(context=dict(cls.env.context, **FAST))
        env.cr.execute(PLACES_INSERT, {
            "company": env.user.company_id.id, "france": env.ref("base.fr").id,
            "type": env.ref("defis_network.structure_type_ccas").id, "uid": env.uid,
            "sirets": [make_siret(index) for index in range(PLACES)]})
        for kind in VOCABULARY:
            env.cr.execute(VOCABULARY_INSERT.format(kind=kind), {"kind": kind})
        env.cache.invalidate()
        cls.export = env["defis.place.export"]

    # export -----------------------------------------------------------------------
    def export_by_orm(self):
        return self.export.place_csv(self.export.place_rows(self.export._published_places()))

    def export_by_sql(self):
        vocabularies = {"vocabularies_%s" % kind: VOCABULARY_COLUMN.format(kind=kind)
                        for kind in place_standard.VOCABULARY_COLUMNS.values()}
        phone = next(field["constraints"]["pattern"] for field in place_standard.fields()
                     if field["name"] == "telephone")
        self.cr.execute(EXPORT_QUERY.format(**vocabularies), {
            "phone": phone, "source": self.env.user.company_id.name})
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow(place_standard.column_names())
        writer.writerows([["" if cell is None else cell for cell in row]
                          for row in self.cr.fetchall()])
        return text.getvalue().encode("utf-8")

    def test_export(self):
        content = self.export_by_orm()
        self.assertEqual(content.count(b"(bench)"), PLACES)
        self.assertEqual(content, self.export_by_sql())
        self.compare("national map: export of 2,000 places vs one SQL query",
                     self.export_by_orm, self.export_by_sql, PLACES)

    # import -----------------------------------------------------------------------
    def bench_rows(self):
        """Header and rows of the 2,000 places in the export."""
        rows = list(csv.reader(io.StringIO(self.export_by_orm().decode("utf-8"))))
        return rows[0], [row for row in rows[1:] if "(bench)" in row[2]]

    @staticmethod
    def to_file(header, rows):
        text = io.StringIO()
        csv.writer(text).writerows([header] + rows)
        return text.getvalue().encode("utf-8")

    def new_places_file(self):
        """The export's first rows as places the database does not know."""
        header, rows = self.bench_rows()
        rows = rows[:NEW_PLACES]
        for index, row in enumerate(rows):
            row[1] = make_siret(PLACES + index)
            row[2] = row[2].replace("(bench)", "(import)")
        return self.to_file(header, rows)

    def import_wizard(self, content):
        return self.env["defis.place.import"].create({
            "file": base64.b64encode(content), "filename": "lieux.csv"})

    def test_import_new_places(self):
        self.repeat = 1  # NEW_PLACES creations a run
        content = self.new_places_file()
        wizard = self.import_wizard(content)

        def import_file():
            wizard.write({"state": "draft", "line_ids": [(5, 0, 0)]})
            wizard.action_analyse()
            wizard.action_apply()
            assert wizard.summary.startswith("%d " % NEW_PLACES), wizard.summary

        def create_only():
            partners = self.env["res.partner"]
            for line in values:
                partners.create(line)

        wizard.action_analyse()
        values = [json.loads(line.values) for line in wizard.line_ids]
        self.assertEqual(len(values), NEW_PLACES)
        result = self.compare("national map: import of %d new places vs create alone" % NEW_PLACES,
                              import_file, create_only, NEW_PLACES)
        print("bench national map: import %.1f ms a row (create alone %.1f ms)" % (
            1000 * result["candidate_s"] / NEW_PLACES,
            1000 * result["baseline_s"] / NEW_PLACES))

    def test_import_known_places(self):
        content = self.to_file(*self.bench_rows())
        wizard = self.import_wizard(content)

        def analyse():
            wizard.write({"state": "draft", "line_ids": [(5, 0, 0)]})
            wizard.action_analyse()
            assert not wizard.line_ids, wizard.line_ids[:3].mapped("column")

        def validate_only():
            data = list(csv.reader(io.StringIO(content.decode("utf-8"))))
            report = frictionless.validate(frictionless.Resource(
                data=data, schema=frictionless.Schema(copy.deepcopy(place_standard.schema()))))
            assert report.valid

        result = self.compare("national map: check 2,000 known places vs frictionless alone",
                              analyse, validate_only, PLACES)
        print("bench national map: check of a known place %.2f ms a row" % (
            1000 * result["candidate_s"] / PLACES))
