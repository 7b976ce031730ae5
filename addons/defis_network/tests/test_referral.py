from odoo.exceptions import AccessError, UserError, ValidationError

from .common import DefisCase


class TestReferral(DefisCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.structure = cls.create_structure("Mission locale du Pays de Lorient")
        cls.referent = cls.create_person("Gaëlle Le Roux", cls.structure)
        cls.person = cls.create_person("Kévin Le Moing")

    def refer(self, **values):
        return self.env["defis.referral"].create(dict({
            "structure_id": self.structure.id, "referent_id": self.referent.id,
            "person_id": self.person.id, "service": "training"}, **values))

    def test_reference_and_counts(self):
        first = self.refer()
        self.assertTrue(first.name.startswith("ORI/"))
        second = self.refer(service="equipment_loan")
        second.action_done_with(self.person)
        self.structure.invalidate_cache()
        self.assertEqual(self.structure.defis_referral_count, 2)
        self.assertEqual(self.structure.defis_referral_done_count, 1)
        self.assertEqual(second.result_ref, self.person)
        self.assertTrue(self.person.defis_last_activity_date)

    def test_state_flow(self):
        referral = self.refer()
        referral.action_accept()
        self.assertEqual(referral.state, "accepted")
        referral.action_refuse()
        with self.assertRaises(UserError):
            referral.action_accept()
        referral.action_reset()
        referral.action_cancel()
        self.assertEqual(referral.state, "cancelled")
        with self.assertRaises(UserError):
            referral.action_done_with(self.person)

    def test_only_network_structures_refer(self):
        company = self.env["res.partner"].create({"name": "Boulangerie", "is_company": True})
        with self.assertRaises(ValidationError):
            self.refer(structure_id=company.id, referent_id=False)
        with self.assertRaises(ValidationError):
            self.refer(referent_id=self.create_person("Intrus").id)

    def test_plain_internal_user_cannot_read(self):
        referral = self.refer()
        with self.assertRaises(AccessError):
            referral.sudo(self.internal_user).read(["name"])
        self.assertEqual(referral.sudo(self.defis_user).read(["name"])[0]["name"], referral.name)
