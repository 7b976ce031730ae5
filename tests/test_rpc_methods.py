"""Integrators script the suite over XML-RPC, which cannot carry None: every
public method of our models returns a value (True, or an action)."""
import ast
import os
import xmlrpc.client

from odoo.addons.defis_network.tests.common import DefisHttpCase

# normalised: a "tests" folder in the path would hide every add-on
ADDONS = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "addons"))
# hooks a framework calls, not integrators: their contract returns nothing
FRAMEWORK_HOOKS = {"init", "generate_xlsx_report"}


def _ends_with_a_value(body):
    last = body[-1]
    if isinstance(last, ast.Raise):
        return True
    if isinstance(last, ast.Return):
        return last.value is not None
    if isinstance(last, ast.If):
        return bool(last.orelse) and _ends_with_a_value(last.body) \
            and _ends_with_a_value(last.orelse)
    if isinstance(last, (ast.With, ast.Try)):
        return _ends_with_a_value(last.body)
    return False


def _is_odoo_model(node):
    """A class of records (it names or extends a model): only their
    methods are reached through RPC."""
    return isinstance(node, ast.ClassDef) and any(
        isinstance(statement, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id in ("_name", "_inherit")
            for target in statement.targets)
        for statement in node.body)


def public_methods_returning_nothing():
    found = []
    for folder, _dirs, files in os.walk(ADDONS):
        if "tests" in folder.split(os.sep) or "migrations" in folder.split(os.sep):
            continue
        for name in (name for name in files if name.endswith(".py")):
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as source:
                tree = ast.parse(source.read())
            for cls in (node for node in tree.body if _is_odoo_model(node)):
                for method in (node for node in cls.body if isinstance(node, ast.FunctionDef)):
                    if method.name.startswith("_") or method.name in FRAMEWORK_HOOKS:
                        continue
                    bare = [node for node in ast.walk(method)
                            if isinstance(node, ast.Return) and node.value is None]
                    if bare or not _ends_with_a_value(method.body):
                        found.append("%s:%d %s.%s" % (
                            os.path.relpath(path, ADDONS), method.lineno, cls.name, method.name))
    return found


class TestRpcMethods(DefisHttpCase):

    def test_public_methods_return_a_value(self):
        self.assertEqual(public_methods_returning_nothing(), [])

    def call(self, model, method, ids, *args):
        return self.execute_kw("admin", "admin", model, method, [ids] + list(args))

    def create(self, model, values):
        return self.execute_kw("admin", "admin", model, "create", [values])

    def test_methods_named_by_integrators_answer_over_xml_rpc(self):
        wizard = self.create("defis.training.report.wizard", {})
        for method in ("action_export_funder_xlsx", "action_export_bpf_xlsx"):
            action = self.call("defis.training.report.wizard", method, [wizard])
            self.assertEqual(action["type"], "ir.actions.report", method)
        wizard = self.create("defis.reuse.report.wizard", {})
        self.assertEqual(self.call("defis.reuse.report.wizard", "action_export_xlsx",
                                   [wizard])["type"], "ir.actions.report")
        wizard = self.create("defis.network.growth.wizard", {})
        self.assertEqual(self.call("defis.network.growth.wizard", "action_export_xlsx",
                                   [wizard])["type"], "ir.actions.report")
        meeting = self.env["defis.meeting"].search([("state", "=", "planned")], limit=1)
        self.assertTrue(meeting, "the demo has a planned meeting")
        self.assertTrue(self.call("defis.meeting", "action_held", meeting.ids))
        config = self.env.ref("point_of_sale.pos_config_main")
        self.env["pos.session"]._defis_demo_setup_till(config)
        session = self.env["pos.session"].create({"config_id": config.id})
        session.action_pos_session_open()
        try:
            result = self.call("pos.session", "action_pos_session_closing_control", session.ids)
        except xmlrpc.client.Fault as fault:
            self.fail(fault.faultString[-300:])
        self.assertTrue(result)
