"""Each role gets what the role matrix (defis_network/readme/ROLES.csv, shown
in its README) says, and no more: through the ORM as that user on real
records, and for the portal and the public through HTTP, JSON-RPC and
XML-RPC. A model of the Défis add-ons without a row fails."""
import importlib.util
import os

from odoo.exceptions import AccessError
from odoo.tests.common import SavepointCase
from odoo.tools import config

from odoo.addons.defis_network.tests.common import DefisHttpCase

from role_matrix import (
    FIELD_VALUES, FIXTURES, PORTAL_ROLES, RoleWorld, Tries, import_line_values, load_matrix)

ROOT = os.path.join(os.path.dirname(__file__), "..")


def _gen_readme():
    spec = importlib.util.spec_from_file_location(
        "gen_readme", os.path.join(ROOT, "scripts", "gen_readme.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestRoleMatrixRows(SavepointCase):
    """The matrix covers every model of ours, and the readme shows it."""

    def test_every_model_of_ours_has_a_row(self):
        _roles, rows = load_matrix()
        listed = {row.model for row in rows}
        ours = {name for name, model in self.env.items()
                if model._original_module.startswith("defis_") and not model._abstract}
        # abstract models (mixins, report renderers, demo builders) hold no
        # records: there is nothing to grant on them
        self.assertFalse(sorted(ours - listed), "models of ours without a row in ROLES.csv")
        self.assertFalse(sorted(name for name in listed if name not in self.env),
                         "rows of ROLES.csv naming no model")
        for row in rows:
            self.assertTrue(row.key in FIXTURES, "no records to try %s on" % row)
            if row.field:
                self.assertIn(row.field, self.env[row.model]._fields, str(row))

    def test_readme_shows_the_matrix(self):
        path = os.path.join(ROOT, "addons", "defis_network", "README.rst")
        with open(path, encoding="utf-8") as readme:
            self.assertEqual(readme.read(), _gen_readme().readme_text("defis_network"),
                             "README.rst is not built from readme/ (scripts/gen_readme.py)")


class TestRoleMatrix(SavepointCase):
    """Every right of every role, tried on the records of RoleWorld."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.roles, cls.rows = load_matrix()
        cls.world = RoleWorld(cls.env)
        cls.tries = Tries(cls.world)

    # what a role gets ----------------------------------------------------------
    def check_role(self, role):
        differences = []
        for row in self.rows:
            for operation, side, attempt in self.role_attempts(row, role):
                expected = side != "outside" and side != "forbidden"
                if (attempt.allowed if expected else attempt.refused):
                    continue
                differences.append("%s %s %s on %s: expected %s, got %s" % (
                    role, operation, str(row), side, "allowed" if expected else "refused",
                    attempt))
        if differences:
            print("\n".join(["%s differs from the matrix:" % role] + differences))
        self.assertFalse(differences, "\n".join(differences))

    def role_attempts(self, row, role):
        """(operation, side, Attempt) for each operation of the row: side is
        "sample" or "inside" (expected allowed), "outside" or "forbidden"
        (expected refused)."""
        fixture = FIXTURES[row.key]
        rights = row.rights[role]
        user = self.world.users[role]
        if fixture.run:
            yield from self.wizard_attempts(fixture, rights.get("run", False), user)
            return
        operations = ("read", "write") if row.field else ("read", "write", "create", "unlink")
        for operation in operations:
            rule = rights.get(operation, False)
            for side, target in self.targets(row, fixture, role, operation, rule):
                yield operation, side, self.attempt(row, fixture, user, operation, target)

    def wizard_attempts(self, fixture, rule, user):
        if rule is False:
            yield "run", "forbidden", self.tries.wizard(user, fixture, "inside")
            return
        yield "run", "inside", self.tries.wizard(user, fixture, "inside")
        if rule:
            yield "run", "outside", self.tries.wizard(user, fixture, "outside")

    def targets(self, row, fixture, role, operation, rule):
        """(side, records or create values) to try ``operation`` on."""
        world = self.world
        if rule is None or rule is False:
            side = "sample" if rule is None else "forbidden"
            if operation == "create":
                yield side, fixture.values(world)
            elif operation == "unlink" and side == "sample":
                yield side, fixture.fresh(world, row.model)
            else:
                # a refusal is tried on the sample: a deletion that should
                # not happen is rolled back with its savepoint anyway
                yield side, fixture.sample(world, role)
            return
        if operation == "create":
            inside, outside = fixture.create_rules[rule](world, role)
            if inside is not None:
                yield "inside", inside
            yield "outside", outside
            return
        inside, outside = fixture.rules[rule](world, role)
        if inside:
            yield "inside", inside
        for record in outside:
            yield "outside", record

    def attempt(self, row, fixture, user, operation, target):
        if operation == "create":
            return self.tries.record(user, None, "create", row, values=target)
        values = None
        if operation == "write":
            values = fixture.write
            if row.field:
                value = FIELD_VALUES[(row.model, row.field)]
                values = {row.field: value(self.world) if callable(value) else value}
        return self.tries.record(user, target, operation, row, values=values)

    # one test per role -----------------------------------------------------------
    def test_public(self):
        self.check_role("public")

    def test_referent(self):
        self.check_role("referent")

    def test_learner(self):
        self.check_role("learner")

    def test_cashier(self):
        self.check_role("cashier")

    def test_technician(self):
        self.check_role("technician")

    def test_trainer(self):
        self.check_role("trainer")

    def test_office(self):
        self.check_role("office")

    def test_manager(self):
        self.check_role("manager")

    def test_admin(self):
        self.check_role("admin")


class TestRoleMatrixOverHttp(DefisHttpCase):
    """The portal users and the public visitor, from outside: what a real
    session reads and creates over JSON-RPC and XML-RPC."""

    def setUp(self):
        super().setUp()
        self.roles, self.rows = load_matrix()
        self.world = RoleWorld(self.env)

    def json_call(self, model, method, args, kwargs=None):
        """A JSON-RPC call through the web client's route, in this session:
        (result, None) or (None, error name)."""
        url = "http://127.0.0.1:%d/web/dataset/call_kw/%s/%s" % (
            config["http_port"], model, method)
        payload = {"jsonrpc": "2.0", "method": "call", "id": 1, "params": {
            "model": model, "method": method, "args": args, "kwargs": kwargs or {}}}
        response = self._while_requests_run(self.opener.post, url, json=payload, timeout=60)
        self.assertEqual(response.status_code, 200, url)
        answer = response.json()
        if "error" in answer:
            return None, answer["error"]["data"]["name"]
        return answer["result"], None

    def xml_call(self, login, model, method, args, kwargs=None):
        try:
            return self.execute_kw(login, login + "-pw", model, method, args, kwargs), None
        except Exception as error:  # pylint: disable=broad-except
            return None, str(error).split(":")[0][:120]

    def visible(self, row, role):
        """The records of the row the matrix lets ``role`` read, and those
        it tries to read."""
        fixture = FIXTURES[row.key]
        rule = row.rights[role].get("read", False)
        tried = fixture.sample(self.world, role)
        if rule is None:
            return tried, tried
        if rule is False:
            return tried.browse(), tried
        inside, outside = fixture.rules[rule](self.world, role)
        return inside, (inside | outside)

    def check_reads(self, role, call):
        differences = []
        for row in self.rows:
            fixture = FIXTURES[row.key]
            if fixture.run:
                continue
            expected, tried = self.visible(row, role)
            fields = [row.field] if row.field else ["display_name"]
            result, error = call(row.model, "search_read", [[("id", "in", tried.ids)]],
                                 {"fields": fields})
            got = sorted(record["id"] for record in result or [])
            if got != sorted(expected.ids) or (expected and error):
                differences.append("%s read %s: expected ids %s, got %s %s" % (
                    role, row, sorted(expected.ids), got, error or ""))
        return differences

    def login_as(self, role):
        user = self.world.users[role]
        self.authenticate(user.login, user.login + "-pw")
        return user.login

    def test_portal_roles_over_json_rpc_and_xml_rpc(self):
        differences = []
        for role in PORTAL_ROLES:
            login = self.login_as(role)
            differences += self.check_reads(role, self.json_call)
            differences += self.check_reads(
                role, lambda *args, login=login: self.xml_call(login, *args))
            differences += self.check_referral_creation(role)
            differences += self.check_nothing_written(role)
            differences += self.check_no_map_work(role)
        if differences:
            print("\n".join(["portal roles differ from the matrix:"] + differences))
        self.assertFalse(differences, "\n".join(differences))

    def check_referral_creation(self, role):
        """A referent creates referrals for their structure only; a portal
        user who is not a referent, for none."""
        world = self.world
        own = world.users[role].commercial_partner_id
        structures = [(world.structure, own == world.structure), (world.other_structure, False)]
        if own != world.structure:
            structures.append((own, False))  # a portal user's own contact
        differences = []
        for structure, allowed in structures:
            _result, error = self.json_call("defis.referral", "create", [{
                "structure_id": structure.id, "person_id": world.other_household.id,
                "service": "training", "reason": "Par JSON-RPC"}])
            if allowed != (error is None):
                differences.append("%s create a referral of %s: expected %s, got %s" % (
                    role, structure.name, "allowed" if allowed else "refused",
                    error or "created"))
        return differences

    def check_nothing_written(self, role):
        """The portal may change none of the records it reads."""
        world = self.world
        targets = [("res.partner", world.structure, {"city": "Ailleurs"}),
                   ("event.registration", world.own_registrations[role], {"name": "Autre"}),
                   ("defis.referral", world.referral, {"reason": "Changé"})]
        differences = []
        for model, record, values in targets:
            for method, args in (("write", [record.ids, values]), ("unlink", [record.ids])):
                _result, error = self.json_call(model, method, args)
                if error is None:
                    differences.append("%s %s %s: allowed" % (role, method, model))
        return differences

    def check_no_map_work(self, role):
        """The portal neither rebuilds the file of places nor imports one."""
        calls = [("defis.place.export", "defis_refresh_files", []),
                 ("defis.place.export", "action_defis_download_places", []),
                 ("defis.place.import", "create", [{"file": "Y3N2", "filename": "lieux.csv"}]),
                 ("defis.place.import.line", "create", [
                     import_line_values(self.world, self.world.place_import)])]
        differences = []
        for model, method, args in calls:
            _result, error = self.json_call(model, method, args)
            if error != "odoo.exceptions.AccessError":
                differences.append("%s %s %s: %s" % (role, model, method, error or "done"))
        return differences

    def test_public_visitor_reads_only_the_published_places(self):
        world = self.world
        world.other_structure.defis_place_published = True
        for path in ("/reseau/lieux.csv", "/reseau/lieux.json"):
            page = self.url_open(path)
            self.assertEqual(page.status_code, 200, path)
            self.assertIn(world.other_structure.name, page.text, path)
            # no structure that is not published, no person of a structure
            for name in (world.structure.name, world.colleague.name, world.household.name):
                self.assertNotIn(name, page.text, path)

    def test_public_visitor_reads_the_website_only(self):
        world = self.world
        page = self.url_open("/formations")
        self.assertEqual(page.status_code, 200)
        self.assertIn(world.run.name, page.text)
        self.assertNotIn(world.other_run.name, page.text)
        # the device's public passport says nothing of the household that has it
        passport = self.url_open("/appareil/%s" % world.device.defis_passport_token)
        self.assertEqual(passport.status_code, 200)
        self.assertNotIn(world.other_household.name, passport.text)
        differences = []
        for row in self.rows:
            result, error = self.json_call(row.model, "search_read", [[]], {"fields": ["id"]})
            if result is not None or error != "odoo.http.SessionExpiredException":
                differences.append("anonymous call_kw on %s: %s" % (row.model, result or error))
        self.assertFalse(differences, "\n".join(differences))


class TestDemoTrainer(SavepointCase):
    """What a trainer of the demo read and changed before the roles were
    written down: every attendance line, funding amounts, loans, till
    orders, devices, households and referrals; deleting a household."""

    def setUp(self):
        super().setUp()
        self.trainer = self.env.ref("defis_demo.user_trainer_gwenaelle_demo")
        self.as_trainer = self.env(user=self.trainer.id)

    def test_attendance_and_learners_of_their_runs_only(self):
        attendance = self.as_trainer["defis.training.attendance"].search([])
        everything = self.env["defis.training.attendance"].search([])
        self.assertTrue(attendance)
        self.assertLess(len(attendance), len(everything))
        self.assertEqual(attendance.mapped("session_id.trainer_id"), self.trainer)
        households = self.as_trainer["res.partner"].search([("defis_is_household", "=", True)])
        runs = households.mapped("defis_registration_ids.event_id")
        self.assertTrue(households)
        self.assertIn(self.trainer, runs.mapped("defis_session_ids.trainer_id"))
        self.assertLess(len(households), self.env["res.partner"].search_count(
            [("defis_is_household", "=", True)]))

    def test_no_funding_amount_loan_till_order_device_or_referral(self):
        for model in ("defis.loan", "pos.order", "stock.production.lot", "defis.referral"):
            with self.assertRaises(AccessError, msg=model):
                self.as_trainer[model].search([])
        funding = self.as_trainer["defis.training.funding"]
        self.assertFalse(funding.check_access_rights("read", raise_exception=False))
        with self.assertRaises(AccessError):
            self.env["defis.training.funding"].search([], limit=1).sudo(
                self.trainer).read(["amount"])

    def test_deletes_nothing_they_did_not_create(self):
        household = self.env["res.partner"].search([("defis_is_household", "=", True)], limit=1)
        registration = self.as_trainer["event.registration"].search(
            [("create_uid", "!=", self.trainer.id)], limit=1)
        self.assertTrue(registration)
        for record in (household.sudo(self.trainer), registration):
            with self.assertRaises(AccessError, msg=record._name):
                record.unlink()
