"""Erasures, validated intakes, handed-over recycling batches and the Pass
numérique vouchers of paid orders are proofs: nobody deletes them or changes
their facts, the administrator included; a correction supersedes them."""
import psycopg2

from odoo.exceptions import AccessError, UserError
from odoo.tools import mute_logger

from odoo.addons.defis_network.tests.common import correct_through_wizard

from .common import LoanCase, ReuseCase, create_device
from .common_pos import DefisPosCase

KEPT = "conservé comme preuve"
# or refused to who may not change it at all (a manager writing an erasure)
NOT_ALLOWED = "pas autorisé à modifier"
# the intake's own workflow refuses first with its message
INTAKE_KEPT = "validée ou annulée : elle ne peut plus être modifiée"


class ProofAssertions:

    def assert_kept(self, records, values, message=KEPT):
        """Neither ``values`` nor a deletion goes through, as the
        administrator and as a Défis manager; nothing changes."""
        before = records.read(list(values))
        for user in (self.env.user, self.defis_manager):
            with self.assertRaisesRegex((UserError, AccessError),
                                        message + "|" + NOT_ALLOWED), self.cr.savepoint():
                records.sudo(user).write(values)
            # a manager may not delete an erasure at all (access rights)
            with self.assertRaisesRegex((UserError, AccessError),
                                        message + "|pas autorisé à supprimer"), \
                    self.cr.savepoint():
                records.sudo(user).unlink()
        records.invalidate_cache()
        self.assertEqual(records.exists(), records)
        self.assertEqual(records.read(list(values)), before)

    def assert_admin_refused(self, records, values, message=KEPT):
        with self.assertRaisesRegex(UserError, message), self.cr.savepoint():
            records.write(values)
        with self.assertRaisesRegex(UserError, message), self.cr.savepoint():
            records.unlink()


class TestErasureProof(ReuseCase, ProofAssertions):

    @classmethod
    def set_up_reuse_data(cls):
        cls.lots = cls.receive_devices(2)
        cls.lots.action_defis_refurbish()
        cls.erase(cls.lots)
        cls.erasure = cls.lots[0].defis_erasure_id

    def test_erasure_cannot_be_changed_or_deleted(self):
        self.assert_admin_refused(self.erasure, {"tool": "autre outil"})
        self.assert_kept(self.erasure, {"tool": "autre outil", "result": "failure"})
        self.assertEqual(self.lots[0].defis_erasure_id, self.erasure)
        # writing back what it holds is no change (Odoo's own flows do it)
        self.erasure.write({"tool": self.erasure.tool, "date": self.erasure.date})

    def test_device_with_an_erasure_is_not_deleted(self):
        with self.assertRaises(psycopg2.IntegrityError), self.cr.savepoint(), \
                mute_logger("odoo.sql_db"):
            self.lots[0].unlink()
        self.assertTrue(self.erasure.exists())

    def test_correction_supersedes_the_erasure(self):
        old = self.erasure
        new = old.sudo(self.manager).action_defis_supersede(
            {"tool": "nwipe 0.35"}, "Version de l'outil mal saisie")
        self.assertFalse(old.active)
        self.assertEqual(old.tool, "nwipe 0.34")
        self.assertEqual(new.tool, "nwipe 0.35")
        self.assertEqual(new.defis_supersedes_res_id, old.id)
        self.assertEqual(new.defis_correction_reason, "Version de l'outil mal saisie")
        self.assertEqual(new.defis_correction_user_id, self.manager)
        self.assertEqual(self.lots[0].defis_erasure_ids, new)
        self.assertEqual(self.lots[0].defis_erasure_id, new)
        with self.assertRaisesRegex(UserError, "déjà été corrigé"):
            old.action_defis_supersede({"tool": "x"}, "encore")
        with self.assertRaisesRegex(UserError, "raison"):
            new.action_defis_supersede({"tool": "x"}, "  ")
        with self.assertRaisesRegex(UserError, "ne peut changer que"):
            new.action_defis_supersede({"lot_id": self.lots[1].id}, "autre appareil")
        with self.assertRaisesRegex(UserError, KEPT):
            old.write({"active": True})

    def test_correction_through_its_button(self):
        old = self.erasure
        wizard = old.sudo(self.manager).action_defis_open_correction()
        defaults = self.env[wizard["res_model"]].with_context(**wizard["context"]).default_get(
            ["tool", "method", "date", "result"])
        self.assertEqual(defaults, {"tool": old.tool, "method": old.method, "date": old.date,
                                    "result": old.result})
        new = correct_through_wizard(old.sudo(self.manager), {"tool": "nwipe 0.35"},
                                     "Version mal saisie")
        self.assertEqual((new.tool, new.method, new.lot_id), ("nwipe 0.35", old.method, old.lot_id))
        self.assertEqual(new.defis_correction_user_id, self.manager)
        self.assertFalse(old.active)
        with self.assertRaisesRegex(UserError, "Rien n'a été changé"):
            correct_through_wizard(new.sudo(self.manager), {}, "rien")
        # the superseded one is named by its device and day
        with self.assertRaisesRegex(UserError, r"%s \(.*\) a déjà été corrigé" % old.lot_id.name):
            correct_through_wizard(old.sudo(self.manager), {}, "encore")
        with self.assertRaisesRegex(UserError, "depuis l'enregistrement"):
            self.env["defis.erasure.correction"].with_context(
                active_model="defis.intake", active_id=new.id).default_get(["tool"])


class TestIntakeProof(ReuseCase, ProofAssertions):

    @classmethod
    def set_up_reuse_data(cls):
        cls.lots = cls.receive_devices(1)
        cls.intake = cls.lots.mapped("defis_intake_line_id.intake_id")

    def test_validated_intake_is_kept(self):
        self.assertEqual(self.intake.state, "done")
        # its status alone was writable before: now kept as the other facts
        self.assert_admin_refused(self.intake, {"state": "draft"}, KEPT + "|" + INTAKE_KEPT)
        with self.assertRaisesRegex(UserError, KEPT), self.cr.savepoint():
            self.intake.write({"state": "draft"})
        self.assert_kept(self.intake, {"state": "draft", "note": "changée"}, INTAKE_KEPT)
        # its chatter stays open
        self.intake.message_post(body="Reçu signé remis au donateur")

    def test_draft_intake_is_still_deleted(self):
        intake = self.create_intake([(self.cat_laptop, 1, 2.0, [])])
        intake.unlink()
        self.assertFalse(intake.exists())


class TestRecyclingBatchProof(LoanCase, ProofAssertions):

    @classmethod
    def set_up_reuse_data(cls):  # pylint: disable=missing-return
        super().set_up_reuse_data()
        recycler = cls.env["res.partner"].create({"name": "Envie 56 DEEE", "is_company": True})
        lot = create_device(cls.env, "T-PREUVE-1", state="recycled")
        cls.batch = cls.env["defis.recycling.batch"].create({
            "partner_id": recycler.id, "date": "2018-12-14",
            "line_ids": [(0, 0, {"category_id": cls.cat_laptop.id, "weight_kg": 2.5,
                                 "lot_ids": [(6, 0, lot.ids)]})]})
        cls.batch.action_validate()

    def test_handed_over_batch_and_lines_are_kept(self):
        self.assertEqual(self.batch.state, "done")
        self.assert_admin_refused(self.batch, {"note": "autre"})
        self.assert_kept(self.batch, {"state": "draft", "date": "2018-12-01"})
        self.assert_kept(self.batch.line_ids, {"weight_kg": 1.0})
        self.assertEqual(self.batch.total_weight_kg, 2.5)


class TestVoucherProof(DefisPosCase, ProofAssertions):

    def test_vouchers_of_a_paid_order_are_kept(self):
        order = self.sell(self.create_ready_device("DEF-T-0901"), self.member,
                          vouchers=["P-0001", "P-0002"])
        self.assertEqual(order.state, "paid")
        vouchers = order.defis_voucher_ids
        self.assertEqual(len(vouchers), 2)
        self.assert_admin_refused(vouchers[0], {"number": "P-9999"})
        self.assert_kept(vouchers, {"number": "P-9999"})
        # a mistyped number is corrected by a new voucher that supersedes it
        new = vouchers[0].action_defis_supersede({"number": "P-0003"}, "Numéro mal lu")
        self.assertEqual(order.defis_voucher_ids.mapped("number"), ["P-0002", "P-0003"])
        self.assertEqual(new.order_id, order)
        self.assertEqual(new.defis_correction_user_id, self.env.user)
        # the same through the voucher list's « Correct » button
        newer = correct_through_wizard(new, {"number": "P-0004"}, "Toujours mal lu")
        self.assertEqual(order.defis_voucher_ids.mapped("number"), ["P-0002", "P-0004"])
        self.assertEqual(newer.defis_supersedes_res_id, new.id)
