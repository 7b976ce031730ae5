"""The first page of every list a user opens, at 1×, 10× (and with
``BENCH_SCALE=100``, 100×) the demo's volume: the demo's records plus as
many generated structures, households, devices and course runs as make the
scale (``generator``). A page is what the web client asks for: the action's
domain and default filters, the list view's fields, 80 rows, and the count
of all the rows when the page is full; read as the person whose job the
list is. Printed: the queries a page costs and its time at each volume.
The queries must not grow with the volume (that would be one query per row
somewhere): the test checks they stay within a few of the demo's."""
import time
from datetime import date, datetime, timedelta

from lxml import etree

from odoo.tools.safe_eval import safe_eval

from odoo.addons.defis_network.tests.common import GuardedSavepointCase

from . import generator
from .generator import classes_by_scale
from .harness import BenchCase, record_page

# (action, login of the person who opens it)
LISTS = (
    ("defis_network.action_defis_structures", "maelle.lecorre"),
    ("defis_network.action_defis_households", "maelle.lecorre"),
    ("defis_network.action_defis_referral", "maelle.lecorre"),
    ("defis_reuse.action_defis_device", "erwan.jego"),
    ("defis_reuse.action_defis_intake", "erwan.jego"),
    ("defis_reuse.action_defis_loan", "maelle.lecorre"),
    ("defis_reuse.action_defis_recycling_batch", "erwan.jego"),
    ("defis_training.action_defis_training_event", "gwenaelle.legoff"),
    ("defis_training.action_defis_training_session", "gwenaelle.legoff"),
)
PAGE = 80
# a page may cost a few more queries on a bigger volume (a second batch of
# a prefetch), never one per row
FLAT_MARGIN = 3
FAST = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}
QUERIES_AT_1X = {}


class ListsBench(GuardedSavepointCase, BenchCase):
    """SavepointCase first: a scale's volume is built once for every list.
    The subclasses below set the scale."""

    __test__ = False
    repeat = 3
    scale = 1

    @classmethod
    def set_up_class_data(cls):
        env = cls.env(context=dict(cls.env.context, **FAST))
        extra = cls.scale - 1
        if extra:
            structures = env["res.partner"].search_count([("defis_is_structure", "=", True)])
            generator.add_structures(env, structures * extra, date(2007, 1, 1), 4700)
            generator.add_households(env, generator.HOUSEHOLDS * extra)
            generator.add_devices(env, generator.DEVICES * extra,
                                  generator.HOUSEHOLDS * extra, "2019-01-01", 5 * 365)
            generator.add_training(env, generator.TRAINING_RUNS_A_YEAR * extra,
                                   generator.TRAINING_LEARNERS * extra)
        generator.analyze(env)

    # what the web client asks for -------------------------------------------
    def page_reader(self, xmlid, login):
        user = self.env["res.users"].search([("login", "=", login)])
        self.assertTrue(user, login)
        action = self.env.ref(xmlid)
        model = self.env[action.res_model].sudo(user)
        context = safe_eval(action.context or "{}", self.eval_context(user))
        domain = safe_eval(action.domain or "[]", self.eval_context(user)) + (
            self.default_filters(model, action, context, user))
        fields = list(model.fields_view_get(
            view_id=self.list_view(action), view_type="tree")["fields"])
        model = model.with_context(lang="fr_FR")

        def read_page():
            rows = model.search_read(domain, fields, limit=PAGE)
            if len(rows) == PAGE:
                model.search_count(domain)
            return rows
        return read_page

    @staticmethod
    def eval_context(user):
        return {"uid": user.id, "user": user, "time": time, "datetime": datetime,
                "context_today": date.today, "timedelta": timedelta}

    @staticmethod
    def list_view(action):
        views = [view.view_id.id for view in action.view_ids if view.view_mode == "tree"]
        if views:
            return views[0]
        return action.view_id.id if action.view_id.type == "tree" else None

    def default_filters(self, model, action, context, user):
        """The domains of the search view's filters the action turns on."""
        arch = etree.fromstring(model.fields_view_get(
            view_id=action.search_view_id.id or None, view_type="search")["arch"])
        domain = []
        for key in context:
            if key.startswith("search_default_") and context[key]:
                for node in arch.iter("filter"):
                    if node.get("name") == key[len("search_default_"):] and node.get("domain"):
                        domain += safe_eval(node.get("domain"), self.eval_context(user))
        return domain

    def queries_of(self, read_page):
        read_page()  # a first page fills Odoo's caches (views, rules, translations)
        self.env.cache.invalidate()
        before = self.cr.sql_log_count
        rows = read_page()
        return self.cr.sql_log_count - before, rows

    def test_first_pages(self):
        for xmlid, login in LISTS:
            read_page = self.page_reader(xmlid, login)
            queries, rows = self.queries_of(read_page)
            self.assertTrue(rows, xmlid)
            seconds = min(self.timed_run(read_page) for _round in range(self.repeat))
            record_page(xmlid.split(".")[1], self.scale, queries, seconds, len(rows))
            if self.scale == 1:
                QUERIES_AT_1X[xmlid] = queries
            elif xmlid in QUERIES_AT_1X:
                self.assertLessEqual(queries, QUERIES_AT_1X[xmlid] + FLAT_MARGIN, xmlid)


(TestBenchLists1x, TestBenchLists10x,
 TestBenchLists100x) = classes_by_scale(ListsBench, "TestBenchLists")
