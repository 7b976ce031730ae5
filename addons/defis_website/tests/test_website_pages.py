# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import lxml.html

from odoo.addons.defis_network.tests.common import DefisHttpCase

# what Odoo's sample footer and copyright notice say
ODOO_FOOTER = ("passionate people", "passionnées", "PME", "website builder",
               "free website", "site web gratuit", "Odoo")


class TestWebsitePages(DefisHttpCase):
    """The association's public pages, as an anonymous visitor reads them."""

    def setUp(self):
        super().setUp()
        self.company = self.env.ref("website.default_website").company_id
        self.company.write({
            "name": "Défis", "street": "2 rue des Essais", "zip": "56600", "city": "Lanester",
            "phone": "02 97 12 34 56", "email": "accueil@defis.example",
        })
        self.company.partner_id.defis_opening_hours = "Tu 09:00-12:00; Fr 14:00-17:00"

    def page(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200, url)
        return lxml.html.fromstring(response.text)

    def test_header_and_footer_are_the_association(self):
        page = self.page("/confidentialite")
        self.assertEqual(page.findtext(".//title").strip(), "Confidentialité | Défis")
        logo = page.xpath("//header//a[contains(@class, 'navbar-brand')]/img")[0]
        self.assertEqual(logo.get("alt"), "Défis")
        self.assertEqual(logo.get("src"), "/logo.png?company=%d" % self.company.id)
        footer = page.xpath("//footer")[0]
        text = " ".join(footer.text_content().split())
        for fact in ("2 rue des Essais", "56600 Lanester", "02 97 12 34 56",
                     "accueil@defis.example", "Heures d'ouverture", "Mardi : 9 h – 12 h",
                     "Vendredi : 14 h – 17 h"):
            self.assertIn(fact, text)
        for sample in ODOO_FOOTER:
            self.assertNotIn(sample, text)
        hours = footer.xpath(".//*[contains(@class, 'o_defis_opening_hours')]//li")
        self.assertEqual(len(hours), 2)
        self.assertEqual(footer.xpath(".//a[starts-with(@href, 'tel:')]/@href"),
                         ["tel:+33297123456"])
        self.assertTrue(footer.xpath(".//a[@href='/confidentialite']"))

    def test_footer_without_opening_hours(self):
        self.company.partner_id.defis_opening_hours = False
        footer = self.page("/confidentialite").xpath("//footer")[0]
        self.assertFalse(footer.xpath(".//*[contains(@class, 'o_defis_opening_hours')]"))
        self.assertIn("02 97 12 34 56", footer.text_content())

    def test_zoom_allowed(self):
        viewport = self.page("/confidentialite").xpath("//meta[@name='viewport']")[0]
        self.assertEqual(viewport.get("content"), "width=device-width, initial-scale=1")

    def test_privacy_page_gives_the_retention_period(self):
        self.env["ir.config_parameter"].set_param("defis_network.retention_years", "5")
        page = self.page("/confidentialite")
        text = " ".join(page.get_element_by_id("wrap").text_content().split())
        self.assertIn("Vos données personnelles", text)
        self.assertIn("5 ans après votre dernière adhésion", text)
        self.assertIn("accueil@defis.example", text)
        self.assertIn("www.cnil.fr", text)

    def test_home_and_contact_pages_are_the_association(self):
        home = self.page("/")
        self.assertEqual(home.findtext(".//title").strip(), "Accueil | Défis")
        text = " ".join(home.get_element_by_id("wrap").text_content().split())
        for fact in ("Association d'inclusion numérique de Lanester", "1 200 familles",
                     "Venez nous voir", "02 97 12 34 56", "Mardi : 9 h – 12 h"):
            self.assertIn(fact, text)
        contact = self.page("/contactus")
        self.assertEqual(contact.findtext(".//title").strip(), "Contactez-nous | Défis")
        text = " ".join(contact.get_element_by_id("wrap").text_content().split())
        self.assertIn("02 97 12 34 56", text)
        self.assertIn("Heures d'ouverture", text)
        for sample in ("+33297123456", "notre société", "nos services"):
            self.assertNotIn(sample, text)
        self.assertEqual(self.page("/web/login").findtext(".//title").strip(), "Connexion | Défis")
        # Odoo's sample "About us" page is not published
        self.assertEqual(self.url_open("/aboutus").status_code, 404)
        self.assertNotIn("/aboutus", self.url_open("/sitemap.xml").text)
