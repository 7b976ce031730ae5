"""The patched sandbox (patches/odoo/): what the fixes forbid is refused, what
Odoo's and the Défis' expressions use still works. No escape is attempted
here: each forbidden name or object is checked on its own."""
import datetime as raw_datetime
import os
import time as raw_time

import dateutil
import importlib

from odoo.tests.common import TransactionCase
from odoo.tools.safe_eval import safe_eval

from odoo.addons.mail.models.mail_template import mako_template_env

# the module (odoo.tools.safe_eval, as an attribute, is the function)
sandbox = importlib.import_module("odoo.tools.safe_eval")

# CVE-2018-14860: names added to the six of the 11.0.7 wheel
ADDED_UNSAFE_ATTRIBUTES = (
    "f_code", "func_code", "mro", "tb_frame", "gi_code", "gi_yieldfrom",
    "cr_await", "cr_code", "cr_frame", "ag_await", "ag_code", "ag_frame")
# opcodes no expression may use (already outside 11.0's lists; kept refused)
FORBIDDEN_STATEMENTS = ("import math", "from math import pi", "value.name = 1",
                        "del value.name", "global value\nvalue = 1")


class TestSandbox(TransactionCase):

    def test_frame_code_and_generator_attributes_are_refused(self):
        for name in ADDED_UNSAFE_ATTRIBUTES + ("gi_frame", "f_globals", "co_code"):
            with self.assertRaises(NameError, msg=name):
                safe_eval("value.%s" % name, {"value": object()})

    def test_import_and_attribute_writes_are_refused(self):
        for statement in FORBIDDEN_STATEMENTS:
            with self.assertRaises(ValueError, msg=statement):
                safe_eval(statement, {"value": object()}, mode="exec")

    def test_registries_of_other_databases_are_refused(self):
        # CVE-2021-23186
        with self.assertRaises(NameError):
            safe_eval("env.registry.registries", {"env": self.env})
        self.assertEqual(safe_eval("env.cr.dbname", {"env": self.env}), self.cr.dbname)

    def test_modules_are_wrapped_or_refused(self):
        # CVE-2020-29396: a module in an evaluation context is replaced by its
        # whitelist; any other module is refused
        context = {"datetime": raw_datetime, "time": raw_time, "dateutil": dateutil}
        self.assertEqual(safe_eval(
            "datetime.date(2018, 11, 13) + dateutil.relativedelta.relativedelta(days=1)",
            context), raw_datetime.date(2018, 11, 14))
        self.assertEqual(safe_eval("time.strftime('%Y', time.gmtime(0))", context), "1970")
        with self.assertRaises(ValueError):
            safe_eval("datetime.datetime_CAPI", context)
        with self.assertRaises(ValueError):
            safe_eval("dateutil.tz.gettz", context)
        with self.assertRaises(TypeError):
            safe_eval("1", {"os": os})

    def test_wrapped_modules_expose_their_list_only(self):
        public = {name for name in vars(sandbox.datetime) if not name.startswith("_")}
        self.assertEqual(public, {"date", "datetime", "time", "timedelta", "timezone",
                                  "tzinfo", "MAXYEAR", "MINYEAR"})
        self.assertEqual({name for name in vars(sandbox.dateutil) if not name.startswith("_")},
                         {"parser", "relativedelta", "rrule", "tz"})

    def test_mail_templates_get_the_wrapped_datetime(self):
        self.assertIs(mako_template_env.globals["datetime"], sandbox.datetime)
        template = mako_template_env.from_string("${datetime.date(2018, 11, 13).year}")
        self.assertEqual(template.render(), "2018")

    def test_server_action_still_runs_with_dates(self):
        action = self.env["ir.actions.server"].create({
            "name": "Date", "model_id": self.env.ref("base.model_res_partner").id,
            "state": "code",
            "code": "action = {'day': (datetime.date(2018, 11, 13)"
                    " + dateutil.relativedelta.relativedelta(days=1)).isoformat(),"
                    " 'year': time.strftime('%Y')}"})
        result = action.with_context(active_model="res.partner", active_id=1).run()
        self.assertEqual(result["day"], "2018-11-14")
        self.assertEqual(result["year"], raw_time.strftime("%Y"))
