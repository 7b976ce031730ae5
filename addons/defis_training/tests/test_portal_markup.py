# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the training pages say and how they are marked up, for everyone:
titles, dates, the phone to call, fields tied to their errors."""
import html
import re
from datetime import date, timedelta

import lxml.html

from odoo.addons.defis_network.tests.common import DefisHttpCase
from odoo.addons.http_routing.models.ir_http import slug

from .common import create_upcoming_run, create_web_programme

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def days_to_next_first_of_month():
    today = date.today()
    first = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    return (first - today).days


class TestPortalMarkup(DefisHttpCase):

    def setUp(self):
        super().setUp()
        self.env.ref("website.default_website").company_id.phone = "02 97 12 34 56"
        self.programme = create_web_programme(self.env, "Numérique au quotidien (balisage)")
        self.run = create_upcoming_run(self.env, self.programme, seats=2, name="Premiers pas",
                                       days=days_to_next_first_of_month())
        self.url = "/formations/%s" % slug(self.run)

    def page(self, url, data=None):
        response = self.url_open(url, data=data)
        self.assertEqual(response.status_code, 200, url)
        return lxml.html.fromstring(response.text)

    def test_titles_and_footer_link(self):
        page = self.page("/formations")
        self.assertEqual(page.findtext(".//title").strip(), "Formations | Défis")
        self.assertTrue(page.xpath("//footer//a[@href='/formations']"))
        page = self.page(self.url)
        self.assertEqual(page.findtext(".//title").strip(), "Premiers pas | Défis")

    def test_first_of_the_month(self):
        for text in (self.page("/formations").text_content(), self.page(self.url).text_content()):
            self.assertRegex(" ".join(text.split()), r"\w+ 1er \w+ \d{4}")
            self.assertNotRegex(text, r"\b1 (janvier|février|mars|avril|mai|juin|juillet|août|"
                                      r"septembre|octobre|novembre|décembre)\b")

    def test_full_page_gives_the_phone(self):
        token = CSRF.search(self.url_open(self.url).text).group(1)
        for name, phone in (("Anne Le Bihan", "06 12 34 56 71"),
                            ("Paul Le Gall", "06 12 34 56 72")):
            self.run._defis_register({"name": name, "phone": phone})
        for page in (self.page(self.url), self.page(self.url + "/inscription", data={
                "csrf_token": token, "name": "Maël Tanguy", "phone": "06 11 22 33 44"})):
            full = page.xpath("//*[contains(concat(' ', @class, ' '), ' o_defis_full ')]")[0]
            self.assertIn("Appelez Défis au 02 97 12 34 56", " ".join(full.text_content().split()))
            self.assertEqual(full.xpath(".//a[contains(@class, 'o_defis_call')]/@href"),
                             ["tel:+33297123456"])

    def test_required_fields_and_errors_tied_to_them(self):
        form = self.page(self.url).xpath("//form[contains(@class, 'o_defis_registration_form')]")[0]
        for field in ("name", "phone"):
            element = form.xpath(".//*[@name='%s']" % field)[0]
            self.assertEqual((element.get("required"), element.get("aria-required")),
                             ("required", "true"))
            label = form.xpath(".//label[@for='%s']" % element.get("id"))[0]
            self.assertIn("(obligatoire)", label.text_content())
        self.assertIsNone(form.xpath(".//*[@name='email']")[0].get("aria-invalid"))

        page = self.page(self.url + "/inscription", data={
            "csrf_token": CSRF.search(self.url_open(self.url).text).group(1),
            "name": "Maël Tanguy", "phone": "0612", "email": "pas-une-adresse"})
        summary = page.xpath("//*[contains(@class, 'o_defis_form_error')]")[0]
        self.assertEqual(summary.get("role"), "alert")
        self.assertNotIn("rouge", summary.text_content())
        links = {a.get("href"): a.text_content() for a in summary.xpath(".//a")}
        self.assertEqual(set(links), {"#defis_reg_phone", "#defis_reg_email"})
        for field, element_id in (("phone", "defis_reg_phone"), ("email", "defis_reg_email")):
            element = page.get_element_by_id(element_id)
            self.assertEqual(element.get("aria-invalid"), "true")
            error = page.get_element_by_id(element.get("aria-describedby"))
            self.assertEqual(error.get("data-field"), field)
            self.assertEqual(html.unescape(links["#" + element_id]), error.text_content())
        self.assertIsNone(page.get_element_by_id("defis_reg_name").get("aria-invalid"))
