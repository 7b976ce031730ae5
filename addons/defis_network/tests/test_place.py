from lxml import etree

from odoo.exceptions import ValidationError
from odoo.tools.safe_eval import safe_eval

from ..tools import opening_hours
from ..tools.place_standard import VOCABULARY_COLUMNS, vocabulary_values
from .common import DefisCase
from .common_place import PlaceMixin, make_siret


class TestPlace(PlaceMixin, DefisCase):

    def french(self, record):
        return record.with_context(lang="fr_FR")

    # vocabularies -----------------------------------------------------------------------
    def test_vocabularies_are_the_standards(self):
        """Each list holds exactly the values the schema's pattern allows, in its order."""
        vocabulary = self.env["defis.place.vocabulary"]
        for column, kind in VOCABULARY_COLUMNS.items():
            values = vocabulary.search([("kind", "=", kind)]).mapped("value")
            self.assertEqual(values, vocabulary_values(column), column)

    def test_vocabulary_labels_are_french(self):
        service = self.french(self.vocabulary("service_solidarity_equipment"))
        self.assertEqual(service.name, "Acquisition de matériel informatique à prix solidaire")
        self.assertEqual(self.vocabulary("service_solidarity_equipment").with_context(
            lang="en_US").name, "Computer equipment at a solidarity price")
        untranslated = self.french(self.env["defis.place.vocabulary"].search([])).filtered(
            lambda value: not value.name)
        self.assertFalse(untranslated)

    def test_a_value_of_another_list_is_refused(self):
        place = self.create_place("CCAS de Test", 1)
        with self.assertRaisesRegex(ValidationError, "n'appartient pas à la liste"):
            self.french(place).write({"defis_place_service_ids": [
                (6, 0, [self.vocabulary("programme_promeneurs").id])]})

    # opening hours ---------------------------------------------------------------------
    def test_opening_hours_of_the_standard_are_accepted(self):
        place = self.create_place("CCAS de Test", 1)
        for text in ("Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00", "24/7",
                     "Mo,We,Fr 14:00-17:00; PH off", "Tu-Sa 10:00-12:00, 14:00-19:00",
                     "09:00-18:00", "Mo-Fr 20:00-24:00"):
            place.defis_opening_hours = text
            self.assertEqual(place.defis_opening_hours, text)

    def test_wrong_opening_hours_are_refused_in_french(self):
        place = self.french(self.create_place("CCAS de Test", 1))
        cases = {
            "Lu-Ve 09:00-12:00": "« Lu » n'est pas un jour",
            "Mo-Fr 9h-12h": "« 9h-12h » n'est pas une plage horaire",
            "Mo-Fr 14:00-12:00": "l'heure de fermeture doit suivre l'heure d'ouverture",
            "Mo-Fr": "« Mo-Fr » ne donne pas d'heures",
            "Mo 09:00-12:00;; Tu 09:00-12:00": "une règle est vide",
            "Sa 25:00-26:00": "« 25:00-26:00 » n'est pas une plage horaire",
        }
        for text, message in cases.items():
            with self.assertRaisesRegex(ValidationError, message), self.cr.savepoint():
                place.write({"defis_opening_hours": text})
        place.invalidate_cache()
        self.assertFalse(place.defis_opening_hours)

    def test_opening_hours_parser(self):
        self.assertEqual(opening_hours.check(" Mo 09:00-12:00 "), "Mo 09:00-12:00")
        with self.assertRaises(opening_hours.InvalidOpeningHours) as caught:
            opening_hours.check("Mo-Fx 09:00-12:00")
        self.assertEqual((caught.exception.kind, caught.exception.fragment),
                         (opening_hours.UNKNOWN_DAY, "Fx"))

    # identifiers and texts ---------------------------------------------------------------
    def test_siret_key_is_checked(self):
        place = self.french(self.create_place("CCAS de Test", 1))
        siret = make_siret(2)
        wrong_nic = siret[9:13] + str((int(siret[13]) + 1) % 10)
        with self.assertRaisesRegex(ValidationError, "clé de contrôle"):
            place.write({"siren": siret[:9], "nic": wrong_nic})
        place.write({"siren": siret[:9], "nic": siret[9:]})
        self.assertEqual(place.siret, siret)

    def test_la_poste_siret_follows_its_own_rule(self):
        place = self.create_place("Bureau de poste de Test", 1)
        # digits adding up to a multiple of 5, not a Luhn key
        place.write({"siren": "356000000", "nic": "00010"})
        self.assertEqual(place._defis_place_pivot(), "35600000000010")
        with self.assertRaises(ValidationError):
            place.write({"nic": "00011"})

    def test_rna_insee_summary_and_addresses_are_checked(self):
        place = self.french(self.create_place("Association de Test", 1))
        with self.assertRaisesRegex(ValidationError, "numéro RNA « W12 »"):
            place.write({"defis_rna": "W12"})
        with self.assertRaisesRegex(ValidationError, "code INSEE « 5609 »"):
            place.write({"defis_insee_code": "5609"})
        with self.assertRaisesRegex(ValidationError, "281 caractères"):
            place.write({"defis_place_summary": "x" * 281})
        with self.assertRaisesRegex(ValidationError, "n'est pas une adresse web"):
            place.write({"defis_place_booking_url": "rdv-solidarites.fr"})
        place.write({"defis_rna": "W561001234", "defis_insee_code": "2A004",
                     "defis_place_summary": "x" * 280,
                     "defis_place_booking_url": "https://www.rdv-solidarites.fr/"})

    # completeness and publication -----------------------------------------------------
    def test_missing_fields_are_listed_in_french(self):
        structure = self.french(self.create_structure("CCAS sans rien", zip="5610"))
        self.assertFalse(structure.defis_place_complete)
        self.assertEqual(structure.defis_place_missing,
                         "numéro SIRET ou RNA, rue, code postal à 5 chiffres, ville")
        siret = make_siret(3)
        structure.write({"siren": siret[:9], "nic": siret[9:], "street": "1 rue Neuve",
                         "zip": "56100", "city": "Lorient"})
        self.assertTrue(structure.defis_place_complete)
        self.assertFalse(structure.defis_place_missing)
        structure.write({"siren": False, "nic": False, "defis_rna": "W561001234"})
        self.assertTrue(structure.defis_place_complete)

    def test_an_incomplete_place_cannot_be_published(self):
        structure = self.french(self.create_structure("CCAS incomplet"))
        with self.assertRaisesRegex(ValidationError,
                                    "CCAS incomplet ne peut pas être publié.*SIRET ou RNA"):
            structure.write({"defis_place_published": True})
        place = self.french(self.create_place("CCAS complet", 4, published=True))
        with self.assertRaisesRegex(ValidationError, "code postal à 5 chiffres"), \
                self.cr.savepoint():
            place.write({"zip": False})
        place.invalidate_cache()
        self.assertEqual(place.zip, "56100")

    def test_a_person_cannot_be_published(self):
        person = self.french(self.create_person("Anne Le Guen", street="1 rue Neuve",
                                                zip="56100", city="Lorient"))
        with self.assertRaisesRegex(ValidationError, "est une personne"):
            person.write({"defis_place_published": True, "defis_rna": "W561001234"})

    def test_filter_to_complete(self):
        """The search filter staff use lists the structures the standard cannot take yet."""
        complete = self.create_place("CCAS complet", 5)
        incomplete = self.create_structure("CCAS à appeler", street="1 rue Neuve",
                                           zip="56100", city="Lorient")
        arch = etree.fromstring(self.env["res.partner"].fields_view_get(
            view_type="search")["arch"])
        domain = safe_eval(arch.xpath("//filter[@name='defis_place_to_complete']")[0].get(
            "domain"))
        found = self.env["res.partner"].search(domain + [("defis_is_structure", "=", True)])
        self.assertIn(incomplete, found)
        self.assertNotIn(complete, found)
        action = self.env.ref("defis_network.action_defis_places_to_complete")
        self.assertEqual(safe_eval(action.context)["search_default_defis_place_to_complete"], 1)

    def test_defis_own_place_is_filled_in_the_demo(self):
        defis = self.french(self.env.ref("base.main_partner"))
        self.assertTrue(defis.defis_place_published)
        self.assertEqual(self.env.ref("base.main_company").siret, defis.siret)
        self.assertEqual(len(defis.siret), 14)
        services = defis.defis_place_service_ids.mapped("value")
        for service in ("Maîtrise des outils numériques du quotidien",
                        "Acquisition de matériel informatique à prix solidaire",
                        "Accès internet et matériel informatique"):
            self.assertIn(service, services)
        self.assertEqual(set(defis.defis_place_programme_ids.mapped("value")),
                         {"Promeneurs du net", "Grande école du numérique"})
