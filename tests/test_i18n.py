"""Every string a user may see in the Défis add-ons has a French translation."""
import io
import os

from babel.messages.pofile import read_po

from odoo.tests.common import TransactionCase
from odoo.tools.translate import PoFile, trans_generate

ADDONS = os.path.join(os.path.dirname(__file__), "..", "addons")
DEFIS_ADDONS = ("defis_network", "defis_website", "defis_reuse", "defis_training",
                "defis_security", "defis_demo")


def french_catalog(addon):
    with open(os.path.join(ADDONS, addon, "i18n", "fr.po"), "rb") as po_file:
        return read_po(po_file, locale="fr")


class TestFrenchTranslations(TransactionCase):

    def test_po_files_translate_every_entry(self):
        for addon in DEFIS_ADDONS:
            untranslated = [m.id for m in french_catalog(addon) if m.id and not m.string]
            self.assertFalse(untranslated, "%s/i18n/fr.po: %s" % (addon, untranslated))

    def test_odoo_reads_every_entry(self):
        """Odoo's own reader of catalogues: an entry glued to the previous one
        (no blank line, no ``#. module:``, as a merge may leave it) is read as
        part of the previous translation and lost."""
        for addon in DEFIS_ADDONS:
            with open(os.path.join(ADDONS, addon, "i18n", "fr.po"), "rb") as po_file:
                content = po_file.read()
            read = {row[3]: row[4] for row in PoFile(io.BytesIO(content))}
            catalog = read_po(io.BytesIO(content), locale="fr")
            wrong = sorted(message.id for message in catalog
                           if message.id and read.get(message.id) != message.string)
            self.assertFalse(wrong, "%s/i18n/fr.po: Odoo misreads %s" % (addon, wrong))

    def test_every_exported_term_is_in_fr_po(self):
        """Terms of views, models, menus, code (_()) and reports, as Odoo exports them.
        A term of the code is looked up among the translations of code only:
        its entry must name a file of code (``#: code:...``), or it stays English."""
        for addon in DEFIS_ADDONS:
            catalog = french_catalog(addon)
            rows = [row for row in trans_generate(None, [addon], self.cr) if row[4]]
            missing = sorted({row[4] for row in rows if row[4] not in catalog})
            self.assertFalse(missing, "%s/i18n/fr.po lacks: %s" % (addon, missing))
            not_as_code = sorted({
                row[4] for row in rows if row[1] == "code" and not any(
                    location.startswith("code:") for location, _line in catalog[row[4]].locations)})
            self.assertFalse(not_as_code, "%s/i18n/fr.po: give these terms their file of code "
                                          "(#: code:...): %s" % (addon, not_as_code))

    def test_french_is_loaded_in_the_database(self):
        self.cr.execute("""
            SELECT module, src FROM ir_translation
             WHERE lang = 'fr_FR' AND module IN %s AND coalesce(value, '') = ''
        """, (DEFIS_ADDONS,))
        self.assertFalse(self.cr.fetchall())
        admin = self.env.ref("base.user_root")
        self.assertEqual((admin.lang, admin.name), ("fr_FR", "Administrateur"))

    def test_every_field_label_shipped_is_loaded(self):
        """A label of a field that a mixin of defis_network gives to a model of
        another add-on (a correction's reason, a consent's date) is named by
        defis_network's catalogue, read before that model existed: each label
        a catalogue ships is in the database for its field."""
        missing = []
        for addon in DEFIS_ADDONS:
            with open(os.path.join(ADDONS, addon, "i18n", "fr.po"), "rb") as po_file:
                rows = list(PoFile(io.BytesIO(po_file.read())))
            for kind, name, xmlid, source, french, _comments in rows:
                if kind != "model" or name != "ir.model.fields,field_description":
                    continue
                field = self.env.ref(xmlid, raise_if_not_found=False)
                if field and field.with_context(lang="fr_FR").field_description != french:
                    missing.append("%s: %s" % (xmlid, source))
        self.assertFalse(sorted(missing))
