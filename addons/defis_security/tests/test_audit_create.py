"""The audit trail of a created contact: every stored field the author may
read and the creation filled, as auditlog logs it, written in one query
rather than one per field."""
import base64

from odoo.modules.module import get_module_resource
from odoo.tests.common import TransactionCase

from odoo.addons.auditlog.models.rule import AuditlogRule as OcaAuditlogRule

LINE_FIELDS = ("field_id", "old_value", "new_value", "old_value_text", "new_value_text")


class TestAuditOfACreation(TransactionCase):

    def setUp(self):
        super().setUp()
        self.rule = self.env.ref("defis_security.auditlog_rule_partner").sudo()
        self.tag = self.env["res.partner.category"].create({"name": "Quartier du Centre"})

    def create_contact(self, name):
        return self.env["res.partner"].create({
            "name": name, "city": "Lanester", "zip": "56600",
            "email": "foyer@example.org", "category_id": [(6, 0, self.tag.ids)]})

    def creation_log(self, partner):
        return self.env["auditlog.log"].search([
            ("model_id.model", "=", "res.partner"), ("res_id", "=", partner.id),
            ("method", "=", "create")])

    def lines(self, log):
        return sorted(tuple(line[name] if name != "field_id" else line.field_id.name
                            for name in LINE_FIELDS) for line in log.line_ids)

    def new_values(self, partner):
        fields = self.rule.get_auditlog_fields(partner)
        return {partner.id: {name: partner._fields[name].convert_to_read(partner[name], partner)
                             for name in fields}}

    def test_a_created_contact_is_logged_field_by_field(self):
        partner = self.create_contact("Foyer Audit")
        lines = {line[0]: line for line in self.lines(self.creation_log(partner))}
        self.assertEqual(lines["name"][2:], ("Foyer Audit", False, "Foyer Audit"))
        self.assertEqual(lines["city"][2], "Lanester")
        self.assertEqual(lines["category_id"][2], str(self.tag.ids))
        self.assertIn("Quartier du Centre", lines["category_id"][4])
        self.assertNotIn("create_date", lines)
        # the other records' links to it are logged on them, not here
        self.assertNotIn("child_ids", lines)
        self.assertNotIn("message_ids", lines)
        # left empty, or a picture: not listed
        self.assertNotIn("mobile", lines)
        self.assertNotIn("image", lines)
        self.assertEqual(lines["customer"][2], "True")
        self.assertGreater(len(lines), 10, len(lines))

    def test_a_photo_is_not_copied_into_the_trail(self):
        with open(get_module_resource("base", "static/src/img", "avatar.png"), "rb") as photo:
            image = base64.b64encode(photo.read())
        partner = self.env["res.partner"].create({"name": "Foyer Photo", "image": image})
        self.assertTrue(partner.image)
        lines = {line[0] for line in self.lines(self.creation_log(partner))}
        self.assertIn("name", lines)
        self.assertFalse({"image", "image_medium", "image_small"} & lines)
        partner.write({"image": False, "city": "Lorient"})
        changes = self.env["auditlog.log"].search([
            ("model_id.model", "=", "res.partner"), ("res_id", "=", partner.id),
            ("method", "=", "write")])
        self.assertEqual(changes.mapped("line_ids.field_id.name"), ["city"])

    def test_lines_are_those_auditlog_writes_one_by_one(self):
        partner = self.create_contact("Foyer Audit")
        new_values = self.new_values(partner)
        fields = list(new_values[partner.id])
        logs = [self.env["auditlog.log"].create({
            "name": partner.name, "model_id": self.rule.model_id.id, "res_id": partner.id,
            "method": "create", "log_type": "full"}) for _twice in range(2)]
        before = self.cr.sql_log_count
        self.rule._create_log_line_on_create(logs[0], fields, new_values)
        one_insert = self.cr.sql_log_count - before
        before = self.cr.sql_log_count
        OcaAuditlogRule._create_log_line_on_create(self.rule, logs[1], fields, new_values)
        one_by_one = self.cr.sql_log_count - before
        filled = [line for line in self.lines(logs[1]) if line[2] not in (False, "", "[]")]
        self.assertEqual(self.lines(logs[0]), filled)
        self.assertGreater(len(logs[0].line_ids), 10)
        # besides the insert: the name_get of the relations set (tag, follower)
        self.assertLess(one_insert, 10)
        self.assertGreaterEqual(one_by_one, len(logs[1].line_ids))

    def test_the_fields_listed_follow_the_authors_groups(self):
        partner = self.env["res.partner"].create({"name": "Foyer Audit"})
        as_admin = self.rule.get_auditlog_fields(partner)
        office = self.env["res.users"].create({
            "name": "Accueil Audit", "login": "accueil.audit",
            "groups_id": [(6, 0, self.env.ref("base.group_user").ids)]})
        as_office = self.rule.get_auditlog_fields(partner.sudo(office))
        self.assertIn("signup_token", as_admin)
        self.assertNotIn("signup_token", as_office)
        office.groups_id |= self.env.ref("base.group_erp_manager")
        self.assertIn("signup_token",
                      self.rule.get_auditlog_fields(partner.sudo(office)))
