from odoo.addons.defis_network.tests.common import DefisCase

from ..models.res_partner_privacy import ERASED


class TestAnonymisedAuditTrail(DefisCase):
    """The audit trail logs old and new values of contacts, registrations and
    referrals: anonymising a person leaves none of their former identifiers."""

    def audit_values(self):
        lines = self.env["auditlog.log.line"].search([])
        return " ".join(filter(None, lines.mapped("old_value_text")
                               + lines.mapped("new_value_text")
                               + lines.mapped("log_id.name")))

    def test_former_identifiers_leave_the_audit_trail(self):
        structure = self.env["res.partner"].create({
            "name": "CCAS d'Inzinzac", "is_company": True,
            "defis_structure_type_id": self.type_ccas.id, "defis_affiliation_date": "2018-01-01"})
        person = self.env["res.partner"].create({
            "name": "Foyer Quéméner", "defis_is_household": True,
            "email": "quemener@example.org", "city": "Inzinzac"})
        person.write({"email": "quemener.famille@example.org"})
        self.env["defis.referral"].create({
            "structure_id": structure.id, "person_id": person.id, "service": "training",
            "reason": "Mme Quéméner cherche un emploi"})
        self.assertIn("quemener@example.org", self.audit_values())
        person.sudo(self.defis_manager).action_defis_anonymize()
        values = self.audit_values()
        for former in ("Quéméner", "quemener@example.org", "quemener.famille@example.org"):
            self.assertNotIn(former, values)
        self.assertIn("Inzinzac", values, "what is not an identifier stays")
        self.assertIn(ERASED, values)
        logs = self.env["auditlog.log"].search([
            ("model_id.model", "=", "res.partner"), ("res_id", "=", person.id)])
        self.assertEqual(set(logs.mapped("method")), {"create", "write"})
