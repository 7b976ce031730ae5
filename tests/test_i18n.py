"""Every string a user may see in the Défis add-ons has a French translation."""
import os

from babel.messages.pofile import read_po

from odoo.tests.common import TransactionCase
from odoo.tools.translate import trans_generate

ADDONS = os.path.join(os.path.dirname(__file__), "..", "addons")
DEFIS_ADDONS = ("defis_network", "defis_reuse", "defis_training", "defis_security",
                "defis_demo")


def french_catalog(addon):
    with open(os.path.join(ADDONS, addon, "i18n", "fr.po"), "rb") as po_file:
        return read_po(po_file, locale="fr")


class TestFrenchTranslations(TransactionCase):

    def test_po_files_translate_every_entry(self):
        for addon in DEFIS_ADDONS:
            untranslated = [m.id for m in french_catalog(addon) if m.id and not m.string]
            self.assertFalse(untranslated, "%s/i18n/fr.po: %s" % (addon, untranslated))

    def test_every_exported_term_is_in_fr_po(self):
        """Terms of views, models, menus, code (_()) and reports, as Odoo exports them."""
        for addon in DEFIS_ADDONS:
            catalog = french_catalog(addon)
            terms = {row[4] for row in trans_generate(None, [addon], self.cr) if row[4]}
            missing = sorted(term for term in terms if term not in catalog)
            self.assertFalse(missing, "%s/i18n/fr.po lacks: %s" % (addon, missing))

    def test_french_is_loaded_in_the_database(self):
        self.cr.execute("""
            SELECT module, src FROM ir_translation
             WHERE lang = 'fr_FR' AND module IN %s AND coalesce(value, '') = ''
        """, (DEFIS_ADDONS,))
        self.assertFalse(self.cr.fetchall())
        self.assertEqual(self.env.ref("base.user_root").lang, "fr_FR")
