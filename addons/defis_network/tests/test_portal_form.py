from .common import DefisCase, create_structure


class TestPortalFormValidator(DefisCase):
    """The one validator of the person forms (referral portal, registration)."""

    def errors(self, free_texts=("reason",), **values):
        values = dict({"name": "Yann Guégan", "phone": "06 12 34 56 78"}, **values)
        return self.env["defis.portal.form"].with_context(lang="fr_FR").defis_errors(
            values, free_texts=free_texts)

    def test_valid_values(self):
        structure = create_structure(self.env, "CCAS de Test")
        self.assertEqual(self.errors(email="yann@exemple.fr", structure_id=structure.id,
                                     reason="Ligne 1\nLigne 2"), {})

    def test_each_refusal_names_its_field(self):
        cases = [
            ({"name": " "}, "name", "Saisissez le nom de la personne."),
            ({"phone": ""}, "phone", "Saisissez un numéro de téléphone"),
            ({"phone": "0612"}, "phone", "Ce numéro de téléphone n'est pas valide"),
            ({"email": "yann@"}, "email", "Cette adresse e-mail n'est pas valide"),
            ({"structure_id": self.defis_user.partner_id.id}, "structure_id",
             "Choisissez une structure du réseau"),
            ({"name": "N" * 129}, "name", "128 caractères au plus"),
            ({"email": "e" * 250 + "@exemple.fr"}, "email", "254 caractères au plus"),
            ({"reason": "r" * 501}, "reason", "500 caractères au plus"),
            ({"name": "Yann\x00"}, "name", "caractères de contrôle"),
            ({"email": "yann@exemple.fr\r\nBcc: x@y.fr"}, "email", "caractères de contrôle"),
            ({"reason": "\x07"}, "reason", "caractères de contrôle"),
        ]
        for values, field, message in cases:
            errors = self.errors(**values)
            self.assertEqual(list(errors), [field], values)
            self.assertIn(message, errors[field], values)

    def test_cleaned_values(self):
        cleaned = self.env["defis.portal.form"].defis_cleaned(
            {"name": "  Yann   Guégan ", "phone": "06 12 34 56 78", "email": " "})
        self.assertEqual((cleaned["name"], cleaned["phone"], cleaned["email"]),
                         ("Yann Guégan", "+33612345678", False))
