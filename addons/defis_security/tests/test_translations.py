"""Translations of the interface are the administrators' (CVE-2019-11786)."""
import base64

from .common import SecurityHttpCase

PO = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

#. module: base
#: code:addons/base/res/res_users.py:0
#, python-format
msgid "%s"
msgstr "Traduction remplacée"
'''


class TestInterfaceTranslations(SecurityHttpCase):

    def setUp(self):
        super().setUp()
        self.term = self.env["ir.translation"].search([
            ("type", "=", "code"), ("lang", "=", "fr_FR"), ("value", "!=", False),
            ("module", "=", "base")], limit=1)
        self.value = self.term.value

    def test_employee_cannot_change_a_term_of_the_interface(self):
        self.login_as(self.create_internal_user("benevole.traduction"))
        _result, error = self.call_kw("ir.translation", "write", [self.term.ids, {
            "value": "Traduction remplacée"}])
        self.assertEqual(error, "odoo.exceptions.AccessError")
        _result, error = self.call_kw("ir.translation", "unlink", [self.term.ids])
        self.assertEqual(error, "odoo.exceptions.AccessError")
        self.assertEqual(self.term.value, self.value)

    def test_portal_user_cannot_import_translations(self):
        self.login_as(self.create_portal_user("attaquant.traduction"))
        wizard_id, error = self.call_kw("base.language.import", "create", [{
            "name": "Français", "code": "fr_FR", "filename": "fr.po", "overwrite": True,
            "data": base64.b64encode((PO % self.term.src.replace('"', '\\"')).encode())
            .decode()}])
        self.assertIsNone(error)
        _result, error = self.call_kw("base.language.import", "import_lang", [[wizard_id]])
        self.assertEqual(error, "odoo.exceptions.AccessError")
        self.assertEqual(self.term.value, self.value)
