import csv
import io

from .common import DefisHttpCase
from .common_place import create_place, report_errors, standard_report


class TestPlacesHttp(DefisHttpCase):
    """The file of places as the national aggregator (an anonymous visitor)
    harvests it, through HTTP."""

    def setUp(self):
        super().setUp()
        self.published = create_place(self.env, "CCAS publié de Test", 1, published=True,
                                      email="accueil@ccas-publie.example")
        referent = self.env["res.partner"].create({
            "name": "Maëlle Le Goff", "parent_id": self.published.id,
            "email": "maelle.legoff@example.org", "phone": "06 99 88 77 66"})
        self.env["defis.referent"].create({
            "structure_id": self.published.id, "partner_id": referent.id,
            "date_start": "2018-03-01"})
        self.hidden = create_place(self.env, "CCAS caché de Test", 2)

    def get(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200, url)
        return response

    def test_csv_serves_only_published_places_and_public_facts(self):
        response = self.get("/reseau/lieux.csv")
        self.assertEqual(response.headers["Content-Type"], "text/csv; charset=utf-8")
        self.assertEqual(response.headers["Content-Disposition"], 'inline; filename="lieux.csv"')
        text = response.content.decode("utf-8")
        names = [row["nom"] for row in csv.DictReader(io.StringIO(text))]
        self.assertIn("CCAS publié de Test", names)
        self.assertIn("Défis", names)
        self.assertNotIn("CCAS caché de Test", names)
        for secret in ("Maëlle", "maelle.legoff@example.org", "+33699887766"):
            self.assertNotIn(secret, text)
        published = self.env["res.partner"].search_count([("defis_place_published", "=", True)])
        self.assertEqual(len(names), published)
        self.assertEqual(report_errors(standard_report(response.content)), [])

    def test_json_serves_the_same_places(self):
        rows = self.get("/reseau/lieux.json").json()
        names = [row["nom"] for row in rows]
        self.assertIn("CCAS publié de Test", names)
        self.assertNotIn("CCAS caché de Test", names)
        self.assertNotIn("maelle.legoff@example.org", str(rows))

    def test_a_place_withdrawn_leaves_the_file_at_once(self):
        self.assertIn("CCAS publié de Test", self.get("/reseau/lieux.csv").text)
        self.published.defis_place_published = False
        self.assertNotIn("CCAS publié de Test", self.get("/reseau/lieux.csv").text)

    def test_download_asks_the_browser_to_save_the_file(self):
        response = self.get("/reseau/lieux.csv?download=1")
        self.assertEqual(response.headers["Content-Disposition"],
                         'attachment; filename="lieux.csv"')

    def test_other_methods_and_names_are_refused(self):
        self.assertEqual(self.url_open("/reseau/lieux.xml").status_code, 404)
        response = self.url_open("/reseau/lieux.csv", data={"nom": "Intrus"})
        self.assertEqual(response.status_code, 405)
