# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields
from odoo.exceptions import UserError, ValidationError

from odoo.addons.defis_network.tests.common import DefisCase

from ..models.event_event import DefisRunFull
from .common import create_upcoming_run, create_web_programme


class TestRegistration(DefisCase):

    @classmethod
    def set_up_class_data(cls):
        result = super().set_up_class_data()
        cls.programme = create_web_programme(cls.env, "Numérique au quotidien (test)",
                                             audience="individuals")
        cls.course = create_upcoming_run(cls.env, cls.programme, seats=2)
        cls.structure = cls.create_structure("CCAS de Test")
        cls.template = cls.env.ref("defis_training.mail_template_registration")
        return result

    def register(self, run=None, **values):
        values.setdefault("name", "Yann Guégan")
        values.setdefault("phone", "06 12 34 56 78")
        values.setdefault("source", "portal")
        return (run or self.course)._defis_register(values)

    def count_written(self):
        return (self.env["res.partner"].search_count([]),
                self.env["event.registration"].search_count([]))

    def test_register_creates_the_learner(self):
        registration = self.register(email="yann@exemple.fr", heard_from=" Affiche ",
                                     structure_id=self.structure.id)
        self.assertEqual(registration.state, "open")
        self.assertEqual(registration.phone, "+33612345678")
        self.assertEqual(registration.partner_id.phone, "+33612345678")
        self.assertEqual(registration.partner_id.name, "Yann Guégan")
        self.assertEqual(registration.defis_source, "portal")
        self.assertEqual(registration.defis_heard_from, "Affiche")
        self.assertEqual(registration.defis_structure_id, self.structure)
        self.assertEqual(registration.defis_learner_type, "individuals")
        self.assertEqual(self.course._defis_seats_left(), 1)
        self.assertEqual(registration.partner_id.defis_last_activity_date,
                         fields.Date.context_today(registration))

    def test_same_person_found_not_registered_twice(self):
        first = self.register(name="Yann  Guégan")
        again = self.register(name="yann guégan", phone="+33 6 12 34 56 78")
        self.assertEqual(again, first)
        other = self.register(name="Maël Guégan")
        self.assertNotEqual(other.partner_id, first.partner_id)
        self.assertEqual(self.course._defis_seats_left(), 0)

    def test_bad_values_write_nothing(self):
        before = self.count_written()
        for values, field in (({"phone": "0612"}, "phone"), ({"name": " "}, "name"),
                              ({"email": "yann@"}, "email"),
                              ({"structure_id": self.defis_user.partner_id.id}, "structure_id")):
            errors = self.course._defis_registration_errors(dict(
                {"name": "Yann", "phone": "0612345678"}, **values))
            self.assertEqual(list(errors), [field])
            with self.assertRaises(ValidationError):
                self.register(**values)
        self.assertEqual(self.count_written(), before)

    def test_french_message(self):
        errors = self.course.with_context(lang="fr_FR")._defis_registration_errors(
            {"name": "Yann", "phone": "12"})
        self.assertIn("Ce numéro de téléphone n'est pas valide", errors["phone"])

    def test_full_run_refuses_and_writes_nothing(self):
        run = create_upcoming_run(self.env, self.programme, seats=1)
        self.register(run=run, name="Anne Le Bihan", phone="0297123456")
        before = self.count_written()
        with self.assertRaises(DefisRunFull):
            self.register(run=run)
        self.assertEqual(self.count_written(), before)
        self.assertEqual(run._defis_seats_left(), 0)

    def test_mail_only_with_an_address(self):
        mails = self.env["mail.mail"].search([])
        self.register(name="Sans Adresse", phone="0297000001")
        self.assertFalse(self.env["mail.mail"].search([]) - mails)
        self.register(name="Avec Adresse", phone="0297000002", email="avec@exemple.fr")
        sent = self.env["mail.mail"].search([]) - mails
        self.assertEqual(len(sent), 1)
        self.assertEqual(sent.email_to, "avec@exemple.fr")
        self.assertIn(self.course.name, sent.with_context(lang="fr_FR").subject)

    def test_cancelled_run_refuses(self):
        run = create_upcoming_run(self.env, self.programme, seats=3)
        run.button_cancel()
        with self.assertRaises(UserError):
            self.register(run=run)


class TestAssistedRegistration(DefisCase):

    @classmethod
    def set_up_class_data(cls):
        result = super().set_up_class_data()
        cls.programme = create_web_programme(cls.env, "Démarches en ligne (test)",
                                             audience="benefit")
        cls.course = create_upcoming_run(cls.env, cls.programme, seats=5)
        cls.structure = cls.create_structure("CCAS de Test")
        cls.trainer = cls.defis_user  # reception staff register people
        cls.person = cls.env["res.partner"].create({
            "name": "Louise Le Goff", "phone": "02 97 76 00 00", "defis_is_household": True})
        cls.referral = cls.env["defis.referral"].create({
            "structure_id": cls.structure.id, "person_id": cls.person.id,
            "service": "training"})
        return result

    def wizard(self, **values):
        return self.env["defis.training.register.wizard"].sudo(self.trainer).create(
            dict({"event_id": self.course.id}, **values))

    def test_assisted_registration_of_a_contact(self):
        wizard = self.wizard(partner_id=self.person.id)
        wizard._onchange_partner_id()
        self.assertEqual(wizard.phone, "02 97 76 00 00")
        self.assertEqual(wizard.seats_left, "5")
        action = wizard.action_register()
        registration = self.env["event.registration"].browse(action["res_id"])
        self.assertEqual(registration.partner_id, self.person)
        self.assertEqual(registration.defis_source, "assisted")
        self.assertEqual(registration.phone, "+33297760000")

    def test_assisted_registration_bad_phone(self):
        wizard = self.wizard(name="Paul", phone="0297")
        with self.assertRaises(ValidationError):
            wizard.action_register()
        self.assertFalse(self.course.registration_ids)

    def test_referral_in_one_click(self):
        action = self.referral.sudo(self.trainer).action_defis_training_register()
        self.assertEqual(action["res_model"], "defis.training.register.wizard")
        wizard = self.env["defis.training.register.wizard"].sudo(self.trainer).with_context(
            **action["context"]).create({"event_id": self.course.id})
        self.assertEqual(wizard.referral_id, self.referral)
        self.assertEqual(wizard.structure_id, self.structure)
        registration = self.env["event.registration"].browse(
            wizard.action_register()["res_id"])
        self.assertEqual(registration.defis_referral_id, self.referral)
        self.assertEqual(registration.defis_source, "referral")
        self.assertEqual(registration.defis_structure_id, self.structure)
        self.assertEqual(self.referral.state, "done")
        self.assertEqual(self.referral.result_ref, registration)
        with self.assertRaises(UserError):
            self.referral.action_defis_training_register()

    def test_referral_of_a_structure_that_left_since(self):
        # referred while in the network: the referral is still registered
        # (the public form no longer offers the structure: test_portal)
        self.structure.defis_withdrawal_date = "2019-01-01"
        action = self.referral.sudo(self.trainer).action_defis_training_register()
        wizard = self.env["defis.training.register.wizard"].sudo(self.trainer).with_context(
            **action["context"]).create({"event_id": self.course.id})
        registration = self.env["event.registration"].browse(
            wizard.action_register()["res_id"])
        self.assertEqual(registration.defis_structure_id, self.structure)

    def test_referral_to_another_service(self):
        self.referral.service = "equipment_loan"
        with self.assertRaises(UserError):
            self.referral.action_defis_training_register()

    def test_register_from_a_contact(self):
        action = self.env.ref("defis_training.action_defis_training_register_contact")
        self.assertEqual(action.binding_model_id.model, "res.partner")
        wizards = self.env["defis.training.register.wizard"].sudo(self.trainer).with_context(
            default_partner_id=self.person.id)
        wizard = wizards.new(dict(wizards.default_get(list(wizards._fields)),
                                  event_id=self.course.id))
        wizard._onchange_partner_id()
        self.assertEqual((wizard.name, wizard.phone), ("Louise Le Goff", "02 97 76 00 00"))
