from odoo.exceptions import UserError

from .common import DefisCase
from .common_place import EXAMPLE_PATH, PlaceMixin, example_rows, make_siret, to_csv


class TestPlaceImport(PlaceMixin, DefisCase):
    """Files of places in the national standard, imported by a Défis user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.header, cls.rows = example_rows()

    def row(self, **cells):
        """The example's row with some cells changed."""
        row = list(self.rows[0])
        for column, cell in cells.items():
            row[self.header.index(column)] = cell
        return row

    def analysed(self, content):
        wizard = self.import_wizard(content, self.defis_user)
        wizard.action_analyse()
        return wizard

    def partner_count(self):
        return self.env["res.partner"].with_context(active_test=False).search_count([])

    # the standard's own example -----------------------------------------------------------
    def test_the_standards_example_imports(self):
        with open(EXAMPLE_PATH, "rb") as example:
            content = example.read()
        wizard = self.analysed(content)
        self.assertEqual(wizard.state, "review")
        self.assertFalse(wizard.warnings)
        self.assertEqual(wizard.line_ids.mapped("kind"), ["create"])
        wizard.action_apply()
        self.assertEqual(wizard.state, "done")
        place = self.env["res.partner"].search([("siret", "=", "43493312300029")])
        self.assertEqual(place.name, "Anonymal")
        self.assertTrue(place.is_company and place.defis_place_imported)
        self.assertFalse(place.defis_is_structure or place.defis_affiliation_date)
        self.assertFalse(place.defis_place_published)
        self.assertEqual((place.zip, place.city, place.defis_insee_code),
                         ("51100", "Reims", "51454"))
        self.assertEqual(place.phone, "+33180059880")
        self.assertEqual(place.email, "contact@laquincaillerie.tl, responsable@laquincaillerie.tl")
        self.assertEqual(place.defis_opening_hours, "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00")
        self.assertEqual(set(place.defis_place_service_ids.mapped("value")), {
            "Maîtrise des outils numériques du quotidien",
            "Insertion professionnelle via le numérique", "Loisirs et créations numériques"})
        self.assertEqual(set(place.defis_place_label_ids.mapped("value")), {
            "Formé à « Mon Espace Santé »", "Arnia/MedNum BFC (Bourgogne-Franche-Comté)"})
        self.assertEqual(place.defis_place_other_labels, "Label et la bête")
        self.assertAlmostEqual(place.partner_latitude, 43.52609)
        candidates = self.env["res.partner"].search([
            ("defis_place_imported", "=", True), ("defis_affiliation_date", "=", False)])
        self.assertIn(place, candidates)
        # the same file again: found by its SIRET, nothing differs
        again = self.analysed(content)
        self.assertFalse(again.line_ids)

    # matching and consent --------------------------------------------------------------
    def test_differences_wait_for_consent(self):
        siret = make_siret(11)
        place = self.create_place("CCAS de Reims", 11, zip="51100", city="Reims",
                                  phone="03 26 00 00 00")
        content = to_csv(self.header, [self.row(pivot=siret, nom="CCAS de Reims")])
        wizard = self.analysed(content)
        lines = {line.column: line for line in wizard.line_ids}
        self.assertEqual(set(wizard.line_ids.mapped("kind")), {"update"})
        self.assertEqual(lines["telephone"].current_value, "+33326000000")
        self.assertFalse(lines["telephone"].accept, "what staff entered is kept by default")
        self.assertFalse(lines["adresse"].accept)
        self.assertTrue(lines["services"].accept, "an empty field is filled in")
        self.assertNotIn("nom", lines)
        count = self.partner_count()
        wizard.action_apply()
        self.assertEqual(self.partner_count(), count)
        self.assertEqual(place.defis_phone_e164, "+33326000000")
        self.assertEqual(place.street, "11 rue de la Gare")
        self.assertEqual(len(place.defis_place_service_ids), 3)
        # staff accept the phone number of the file
        wizard = self.analysed(content)
        wizard.line_ids.filtered(lambda line: line.column == "telephone").accept = True
        wizard.action_apply()
        self.assertEqual(place.phone, "+33180059880")
        self.assertEqual(place.street, "11 rue de la Gare")

    def test_matched_by_name_and_postcode_without_siret(self):
        structure = self.create_structure("CCAS de Saint-Rémi", street="1 rue Neuve",
                                          zip="51100", city="Reims")
        content = to_csv(self.header, [self.row(nom="ccas de saint remi")])
        wizard = self.analysed(content)
        self.assertEqual(set(wizard.line_ids.mapped("partner_id")), {structure})
        pivot = wizard.line_ids.filtered(lambda line: line.column == "pivot")
        self.assertTrue(pivot.accept)
        wizard.action_apply()
        self.assertEqual(structure.siret, "43493312300029")
        self.assertEqual(structure.name, "CCAS de Saint-Rémi")

    def test_candidates_can_be_left_out(self):
        content = to_csv(self.header, [self.row(), self.row(id="structure-2", pivot="W511002345",
                                                            nom="Atelier de Test")])
        wizard = self.analysed(content)
        self.assertEqual(wizard.line_ids.mapped("kind"), ["create", "create"])
        wizard.line_ids[0].accept = False
        count = self.partner_count()
        wizard.action_apply()
        self.assertEqual(self.partner_count(), count + 1)
        created = self.env["res.partner"].search([("defis_rna", "=", "W511002345")])
        self.assertEqual(created.name, "Atelier de Test")

    def test_values_outside_our_checks_are_left_out_with_a_warning(self):
        content = to_csv(self.header, [self.row(horaires="Jan-Jun Mo 09:00-12:00",
                                                prise_rdv="rdv.example")])
        wizard = self.analysed(content)
        self.assertIn("Ligne 2, colonne « horaires »", wizard.warnings)
        self.assertIn("« rdv.example » n'est pas une adresse web", wizard.warnings)
        wizard.action_apply()
        place = self.env["res.partner"].search([("siret", "=", "43493312300029")])
        self.assertFalse(place.defis_opening_hours or place.defis_place_booking_url)
        self.assertEqual(place.city, "Reims")

    # files refused -------------------------------------------------------------------------
    def assert_refused(self, content, *messages):
        count = self.partner_count()
        wizard = self.import_wizard(content, self.defis_user)
        with self.assertRaises(UserError) as caught:
            wizard.action_analyse()
        text = caught.exception.name
        self.assertIn("Rien n'a été importé", text)
        for message in messages:
            self.assertIn(message, text)
        self.assertEqual(self.partner_count(), count)
        self.assertEqual(wizard.state, "draft")
        return text

    def test_bad_postcode_is_refused_on_its_row(self):
        content = to_csv(self.header, [
            self.row(), self.row(id="structure-2", code_postal="5110", nom="Autre lieu")])
        self.assert_refused(
            content, "Ligne 3, colonne « code_postal » : « 5110 » n'est pas un code postal "
                     "à 5 chiffres.")

    def test_unknown_service_is_refused_naming_it(self):
        content = to_csv(self.header, [self.row(
            services="Maîtrise des outils numériques du quotidien|Réparation de vélos")])
        text = self.assert_refused(content, "Ligne 2, colonne « services » : "
                                            "« Réparation de vélos » : pas une valeur du standard")
        self.assertIn("Aide aux démarches administratives", text)

    def test_values_separated_by_semicolons_are_refused(self):
        content = to_csv(self.header, [self.row(publics_specifiquement_adresses="Jeunes;Femmes")])
        self.assert_refused(content, "Ligne 2, colonne « publics_specifiquement_adresses »",
                            "« Jeunes;Femmes »")

    def test_missing_required_column_is_refused(self):
        index = self.header.index("nom")
        header = self.header[:index] + self.header[index + 1:]
        row = self.rows[0][:index] + self.rows[0][index + 1:]
        self.assert_refused(to_csv(header, [row]),
                            "Ligne 1 : la colonne « nom » manque ; le standard l'exige.")

    def test_empty_required_cell_and_bad_date_are_refused(self):
        content = to_csv(self.header, [self.row(commune="", date_maj="02/04/2024")])
        self.assert_refused(content, "Ligne 2, colonne « commune » : la cellule est vide",
                            "Ligne 2, colonne « date_maj » : « 02/04/2024 » n'est pas une date")

    def test_file_not_in_utf8_or_with_semicolons_is_refused(self):
        content = to_csv(self.header, [self.row()])
        with self.assertRaisesRegex(UserError, "n'est pas en UTF-8"):
            self.import_wizard(content.decode("utf-8").encode("latin-1"),
                               self.defis_user).action_analyse()
        semicolons = content.decode("utf-8").replace(",", ";").encode("utf-8")
        with self.assertRaisesRegex(UserError, "séparées par des points-virgules"):
            self.import_wizard(semicolons, self.defis_user).action_analyse()

    def test_columns_in_another_order_are_read_by_name(self):
        order = list(reversed(range(len(self.header))))
        header = [self.header[index] for index in order]
        row = [self.rows[0][index] for index in order]
        wizard = self.analysed(to_csv(header, [row]))
        self.assertEqual(wizard.line_ids.mapped("name"), ["Anonymal"])
