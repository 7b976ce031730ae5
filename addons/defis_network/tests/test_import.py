import csv
import io
from datetime import datetime

import xlsxwriter

from odoo.modules.module import get_module_resource

from .common import DefisCase

HEADERS = [
    "Nom", "Type de structure", "Sous-réseau", "Date d'adhésion au réseau", "Téléphone",
    "Courriel", "Référents (historique)/Nom", "Référents (historique)/Téléphone",
    "Référents (historique)/Courriel",
]
FIELDS = [
    "name", "defis_structure_type_id", "defis_subnetwork_id", "defis_affiliation_date",
    "phone", "email", "defis_referent_ids/name", "defis_referent_ids/phone",
    "defis_referent_ids/email",
]
CSV_OPTIONS = {"quoting": '"', "separator": ",", "headers": True, "encoding": "utf-8"}


def structure_rows(name, referents, subnetwork="Test Scorff", phone="02 61 91 00 00",
                   structure_type="CCAS", affiliation="2018-06-04"):
    """One structure and its referents (name, phone), one per line."""
    rows = []
    for index, (referent, referent_phone) in enumerate(referents):
        email = "%s@example.org" % referent.split()[0].lower()
        head = [name, structure_type, subnetwork, affiliation, phone, "accueil@example.org"] \
            if not index else [""] * 6
        rows.append(head + [referent, referent_phone, email])
    return rows


def to_csv(rows):
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(HEADERS)
    writer.writerows(rows)
    return text.getvalue().encode("utf-8")


class TestImport(DefisCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # staff hold the standard "Contact Creation" right besides their Défis group
        cls.staff = cls.create_user("saisie", [
            cls.group_user, cls.env.ref("base.group_partner_manager")])
        cls.staff.email = "saisie@defis.example"  # the author of the creation messages
        cls.scorff = cls.find_or_create_subnetwork("Test Scorff")
        cls.ccas = cls.env.ref("defis_network.structure_type_ccas")
        cls.good = structure_rows("CCAS de Test", [
            ("Anne Le Guen", "02 61 91 00 01"), ("Yann Le Floch", "07 81 22 33 44")])

    @classmethod
    def find_or_create_subnetwork(cls, name):
        subnetworks = cls.env["defis.subnetwork"]
        return subnetworks.search([("name", "=", name)], limit=1) \
            or subnetworks.create({"name": name})

    def importer(self, content, file_type="text/csv"):
        return self.env["base_import.import"].sudo(self.staff).with_context(
            lang="fr_FR").create({
                "res_model": "res.partner", "file": content, "file_type": file_type,
                "file_name": "structures"})

    def run_import(self, content, file_type="text/csv"):
        """Import as staff do: French headers matched by the preview, then
        imported with the options the preview found. Returns the messages."""
        importer = self.importer(content, file_type)
        preview = importer.parse_preview(dict(CSV_OPTIONS))
        self.assertNotIn("error", preview)
        fields = ["/".join(preview["matches"].get(index) or []) or False
                  for index in range(len(preview["headers"]))]
        self.assertNotIn(False, fields, preview["headers"])
        return importer.do(fields, preview["options"])

    def counts(self):
        return (self.env["res.partner"].with_context(active_test=False).search_count([]),
                self.env["defis.referent"].search_count([]))

    def assert_nothing_imported(self, rows, message_part):
        before = self.counts()
        messages = self.run_import(to_csv(rows))
        self.assertEqual(self.counts(), before)
        errors = [message["message"] for message in messages if message["type"] == "error"]
        self.assertTrue(any(message_part in error for error in errors), errors)
        return errors

    def test_french_headers_match_the_fields(self):
        preview = self.importer(to_csv(self.good)).parse_preview(dict(CSV_OPTIONS))
        matches = ["/".join(preview["matches"][index]) for index in range(len(HEADERS))]
        self.assertEqual(matches, FIELDS)

    def test_good_file(self):
        rows = self.good + structure_rows("CAF de Test", [
            ("Maëlle Guillou", "02 61 91 30 10"), ("Pierre Le Bihan", "02 61 91 30 11")],
            structure_type="CAF", affiliation="2018-09-12")
        self.assertFalse(self.run_import(to_csv(rows)))
        ccas = self.env["res.partner"].search([("name", "=", "CCAS de Test")])
        self.assertEqual(len(ccas), 1)
        self.assertTrue(ccas.is_company)
        self.assertTrue(ccas.defis_is_structure)
        self.assertEqual(ccas.defis_structure_type_id, self.ccas)
        self.assertEqual(ccas.defis_subnetwork_id, self.scorff)
        self.assertEqual(ccas.defis_affiliation_date, "2018-06-04")
        self.assertEqual(ccas.phone, "+33261910000")
        self.assertEqual(ccas.defis_missing_referent_count, 0)
        referents = ccas.defis_referent_ids
        self.assertEqual(referents.mapped("partner_id.name"), ["Anne Le Guen", "Yann Le Floch"])
        self.assertEqual(referents.mapped("partner_id.phone"), ["+33261910001", "+33781223344"])
        self.assertEqual(referents.mapped("email"), ["anne@example.org", "yann@example.org"])
        self.assertEqual(set(referents.mapped("date_start")), {"2018-06-04"})
        self.assertEqual(referents.mapped("partner_id.parent_id"), ccas)
        self.assertFalse(any(referents.mapped("partner_id.is_company")))
        caf = self.env["res.partner"].search([("name", "=", "CAF de Test")])
        self.assertEqual(caf.defis_structure_type_id, self.env.ref(
            "defis_network.structure_type_caf"))
        self.assertEqual(len(caf.defis_current_referent_ids), 2)

    def test_example_file(self):
        path = get_module_resource("defis_network", "static", "import", "structures_exemple.csv")
        with open(path, "rb") as example:
            content = example.read()
        for name in ("Pays de Lorient", "Pays de Vannes"):
            self.find_or_create_subnetwork(name)
        before = self.env["res.partner"].search_count([("defis_is_structure", "=", True)])
        self.assertFalse(self.run_import(content))
        structures = self.env["res.partner"].search([
            ("defis_is_structure", "=", True), ("create_uid", "=", self.staff.id)])
        self.assertEqual(len(structures), 3)
        self.assertEqual(self.env["res.partner"].search_count([
            ("defis_is_structure", "=", True)]), before + 3)
        for structure in structures:
            self.assertEqual(len(structure.defis_current_referent_ids), 2, structure.name)

    def test_xlsx_file_with_date_cells(self):
        content = io.BytesIO()
        workbook = xlsxwriter.Workbook(content)
        sheet = workbook.add_worksheet()
        date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
        for row, values in enumerate([HEADERS] + self.good):
            for col, value in enumerate(values):
                if row and col == 3 and value:
                    sheet.write_datetime(
                        row, col, datetime.strptime(value, "%Y-%m-%d"), date_format)
                else:
                    sheet.write(row, col, value)
        workbook.close()
        xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        self.assertFalse(self.run_import(content.getvalue(), xlsx))
        structure = self.env["res.partner"].search([("name", "=", "CCAS de Test")])
        self.assertEqual(structure.defis_affiliation_date, "2018-06-04")
        self.assertEqual(len(structure.defis_current_referent_ids), 2)

    def test_unknown_subnetwork(self):
        rows = self.good + structure_rows("CCAS Inconnu", [("Jean Kerbrat", "02 61 91 00 02")],
                                          subnetwork="Nulle part")
        errors = self.assert_nothing_imported(rows, "Nulle part")
        self.assertIn("Aucun enregistrement", errors[0])
        self.assertIn("Sous-réseau", errors[0])

    def assert_imported_with_warning(self, rows, message_part):
        messages = self.run_import(to_csv(rows))
        self.assertEqual({message["type"] for message in messages}, {"warning"})
        warnings = [message["message"] for message in messages]
        self.assertTrue(any(message_part in warning for warning in warnings), warnings)
        return messages

    def test_invalid_phone_of_a_referent_is_flagged(self):
        rows = self.good + structure_rows("CCAS Mauvais numéro", [
            ("Jean Kerbrat", "02 61 91 00 02"), ("Soizic Morvan", "12 34")])
        messages = self.assert_imported_with_warning(
            rows, "CCAS Mauvais numéro, référent Soizic Morvan : le numéro de téléphone "
                  "« 12 34 » n'est pas valide")
        self.assertEqual(len(messages), 1)
        self.assertEqual(messages[0]["rows"], {"from": 2, "to": 3})
        referent = self.env["res.partner"].search([("name", "=", "Soizic Morvan")])
        self.assertEqual(referent.phone, "12 34")
        self.assertTrue(referent.defis_phone_to_check)
        self.assertEqual(len(self.env["res.partner"].search(
            [("name", "=", "CCAS Mauvais numéro")]).defis_current_referent_ids), 2)

    def test_invalid_phone_of_the_structure_is_flagged(self):
        rows = structure_rows("CCAS Mauvais standard", [("Jean Kerbrat", "02 61 91 00 02")],
                              phone="02 97 1") + self.good
        self.assert_imported_with_warning(
            rows, "CCAS Mauvais standard : le numéro de téléphone « 02 97 1 » n'est pas valide")
        structure = self.env["res.partner"].search([("name", "=", "CCAS Mauvais standard")])
        self.assertTrue(structure.defis_phone_to_check)
        self.assertTrue(self.env["res.partner"].search([("name", "=", "CCAS de Test")]))

    def test_third_referent(self):
        rows = self.good + structure_rows("CCAS Trois référents", [
            ("Jean Kerbrat", "02 61 91 00 02"), ("Soizic Morvan", "02 61 91 00 03"),
            ("Loïc Le Gall", "02 61 91 00 04")])
        self.assert_nothing_imported(
            rows, "CCAS Trois référents aurait 3 référents en cours : une structure en "
                  "nomme 2 au plus.")

    def test_errors_are_on_their_rows(self):
        rows = self.good + structure_rows("CCAS Trois référents", [
            ("Jean Kerbrat", "02 61 91 00 02"), ("Soizic Morvan", "02 61 91 00 03"),
            ("Loïc Le Gall", "02 61 91 00 04")])
        messages = self.run_import(to_csv(rows))
        self.assertEqual([message["rows"] for message in messages], [{"from": 2, "to": 4}])
