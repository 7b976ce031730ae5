from lxml import etree

from .common import DefisCase


class TestContactAsStaffSeeIt(DefisCase):

    def test_new_contacts_are_french(self):
        """The association's database (scripts/create_db.py) speaks French."""
        self.assertEqual(self.env["res.partner"].with_context(lang="en_US").default_get(
            ["lang"]), {"lang": "fr_FR"})
        partner = self.env["res.partner"].with_context(lang="en_US").create({"name": "Nouveau"})
        self.assertEqual(partner.lang, "fr_FR")
        other = self.env["res.partner"].create({"name": "Autre", "lang": "en_US"})
        self.assertEqual(other.lang, "en_US")

    def test_structure_tags_show_their_short_name(self):
        structure = self.create_structure("CCAS de Lorient")
        view = self.env["res.partner"].fields_view_get(
            view_id=self.env.ref("base.view_partner_form").id, view_type="form")
        tags = etree.fromstring(view["arch"]).xpath("//sheet//field[@name='category_id']")
        context = tags[0].get("context")
        self.assertIn("'partner_category_display': 'short'", context)
        names = dict(structure.category_id.with_context(
            partner_category_display="short", lang="fr_FR").name_get())
        self.assertIn("CCAS", names.values())
        self.assertFalse([name for name in names.values() if "/" in name])
