import base64
import copy
import csv
import io
import json

import frictionless

from ..tools.place_standard import column_names, schema
from .common import DefisCase
from .common_place import PlaceMixin, report_errors, standard_report


def csv_rows(content):
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"))))


class TestPlaceExport(PlaceMixin, DefisCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.export = cls.env["defis.place.export"]

    def export_csv(self):
        return self.export.place_csv(self.export.place_rows(self.export._published_places()))

    def test_export_validates_against_the_standard(self):
        """The file of the published places (the association's own, from the
        add-on's demo, and two structures), checked by frictionless 4.1 with
        the standard's schema."""
        self.create_place("CCAS de Plouay (export)", 11, published=True)
        self.create_place("Mairie de Caudan (export)", 12, published=True,
                          defis_place_service_ids=[(6, 0, self.vocabulary(
                              "service_access").ids)])
        content = self.export_csv()
        report = standard_report(content)
        self.assertEqual(report_errors(report), [])
        self.assertTrue(report.valid)
        rows = csv_rows(content)
        self.assertEqual(list(rows[0].keys()), column_names())
        published = self.env["res.partner"].search([("defis_place_published", "=", True)])
        self.assertEqual(len(rows), len(published))
        defis = next(row for row in rows if row["nom"] == "Défis")
        self.assertEqual(defis["commune"], "Lanester")
        self.assertEqual(defis["code_insee"], "56098")
        self.assertEqual(defis["pivot"], self.env.ref("base.main_partner").siret)
        self.assertEqual(defis["services"].split("|"), [
            "Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien",
            "Insertion professionnelle via le numérique",
            "Accès internet et matériel informatique",
            "Acquisition de matériel informatique à prix solidaire"])
        self.assertEqual(defis["dispositif_programmes_nationaux"],
                         "Grande école du numérique|Promeneurs du net")
        self.assertEqual(defis["telephone"], "+33297000000")
        self.assertEqual(defis["source"], "Défis")

    def test_only_public_facts_of_published_places(self):
        place = self.create_place("CCAS de Test", 1, published=True,
                                  email="accueil@ccas-test.example", phone="02 97 11 22 33")
        self.name_referent(place, "Gwenola Le Roux")
        referent = place.child_ids
        referent.write({"email": "gwenola.leroux@example.org", "phone": "06 11 22 33 44"})
        household = self.create_person("Foyer Personne", defis_is_household=True,
                                       email="foyer@example.org")
        hidden = self.create_place("CCAS non publié", 2)
        content = self.export_csv()
        text = content.decode("utf-8")
        for secret in ("Gwenola", "gwenola.leroux@example.org", "+33611223344",
                       "Foyer Personne", "foyer@example.org", hidden.name):
            self.assertNotIn(secret, text)
        row = next(row for row in csv_rows(content) if row["nom"] == "CCAS de Test")
        self.assertEqual(row["courriels"], "accueil@ccas-test.example")
        self.assertEqual(row["telephone"], "+33297112233")
        self.assertEqual(row["typologie"], "CCAS")
        self.assertFalse(row["latitude"])
        self.assertEqual(household.defis_place_published, False)

    def test_several_values_are_separated_by_a_bar(self):
        self.create_place("Médiathèque de Test", 3, published=True,
                          email="a@test.example, b@test.example",
                          defis_place_public_ids=[(6, 0, [self.vocabulary("public_young").id,
                                                          self.vocabulary("public_seniors").id])],
                          partner_latitude=47.7483, partner_longitude=-3.37)
        content = self.export_csv()
        self.assertTrue(standard_report(content).valid)
        row = next(row for row in csv_rows(content) if row["nom"] == "Médiathèque de Test")
        self.assertEqual(row["publics_specifiquement_adresses"], "Jeunes|Seniors")
        self.assertEqual(row["courriels"], "a@test.example|b@test.example")
        self.assertEqual((row["latitude"], row["longitude"]), ("47.7483", "-3.37"))

    def test_json_file_validates_against_the_standard(self):
        rows = json.loads(self.export.place_json(
            self.export.place_rows(self.export._published_places())).decode("utf-8"))
        self.assertEqual(list(rows[0].keys()), column_names())
        resource = frictionless.Resource(
            data=rows, schema=frictionless.Schema(copy.deepcopy(schema())))
        report = frictionless.validate(resource)
        self.assertEqual(report_errors(report), [])
        self.assertIsInstance(rows[0]["latitude"], float)

    def test_the_daily_job_stores_public_files(self):
        self.create_place("CCAS de Test", 4, published=True)
        self.env.ref("defis_network.cron_refresh_place_files").method_direct_trigger()
        attachment = self.export._attachment("csv")
        self.assertTrue(attachment.public)
        self.assertEqual(base64.b64decode(attachment.datas), self.export_csv())
        self.assertTrue(self.export._attachment("json").public)

    def test_publishing_or_withdrawing_rebuilds_the_file(self):
        place = self.create_place("CCAS de Test", 5, published=True)
        self.assertIn("CCAS de Test", self.stored_csv())
        place.sudo(self.defis_user).write({"defis_place_published": False})
        self.assertNotIn("CCAS de Test", self.stored_csv())

    def stored_csv(self):
        return base64.b64decode(self.export._attachment("csv").datas).decode("utf-8")

    def test_staff_button_downloads_a_fresh_file(self):
        place = self.create_place("CCAS de Test", 6)
        # published without the write() that rebuilds the file
        self.cr.execute("UPDATE res_partner SET defis_place_published = TRUE WHERE id = %s",
                        (place.id,))
        self.assertNotIn("CCAS de Test", self.stored_csv())
        action = self.export.sudo(self.defis_user).action_defis_download_places()
        self.assertEqual(action["url"], "/reseau/lieux.csv?download=1")
        self.assertIn("CCAS de Test", self.stored_csv())

    def test_export_queries_do_not_grow_with_the_places(self):
        def queries():
            self.env.cache.invalidate()
            before = self.cr.sql_log_count
            self.export_csv()
            return self.cr.sql_log_count - before
        for number in range(10, 15):
            self.create_place("Lieu %d" % number, number, published=True, defis_place_service_ids=[
                (6, 0, [self.vocabulary("service_admin").id])])
        few = queries()
        for number in range(20, 40):
            self.create_place("Lieu %d" % number, number, published=True, defis_place_service_ids=[
                (6, 0, [self.vocabulary("service_admin").id])])
        self.assertEqual(queries(), few)
