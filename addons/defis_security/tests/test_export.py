"""Password hashes are never read nor exported (CVE-2018-14861: closed in
11.0.7 already, which answers asterisks; kept as a regression test)."""
from .common import SecurityHttpCase

PASSWORD_FIELDS = ["password", "password_crypt"]


class TestPasswordExport(SecurityHttpCase):

    def test_employee_exports_no_password_hash(self):
        self.login_as(self.create_internal_user("benevole.export"))
        admin = self.env.ref("base.user_root")
        result, error = self.call_kw("res.users", "export_data", [[admin.id], PASSWORD_FIELDS])
        self.assertIsNone(error)
        for value in result["datas"][0]:
            self.assertIn(value, ("********", "", False))
        result, error = self.call_kw("res.users", "read", [[admin.id], PASSWORD_FIELDS])
        self.assertNotIn("pbkdf2", str(result))
