import time
import xmlrpc.client

from odoo import SUPERUSER_ID, api
from odoo.tests.common import HttpCase, SavepointCase
from odoo.tools import config


class GuardedSavepointCase(SavepointCase):
    """A SavepointCase whose class data, built in ``set_up_class_data``, is
    rolled back if building it fails: unittest skips tearDownClass then, and
    the open transaction would block every later test class."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        try:
            cls.set_up_class_data()
        except Exception:
            super().tearDownClass()
            raise

    @classmethod
    def set_up_class_data(cls):
        pass


class DefisCase(GuardedSavepointCase):
    """Users of each Défis group and a small network, for the add-ons' tests."""

    @classmethod
    def set_up_class_data(cls):
        cls.group_user = cls.env.ref("defis_network.group_defis_user")
        cls.group_manager = cls.env.ref("defis_network.group_defis_manager")
        cls.internal_user = cls.create_user("interne", [cls.env.ref("base.group_user")])
        cls.defis_user = cls.create_user("benevole", [cls.group_user])
        cls.defis_manager = cls.create_user("responsable", [cls.group_manager])
        cls.type_ccas = cls.env.ref("defis_network.structure_type_ccas")
        cls.type_caf = cls.env.ref("defis_network.structure_type_caf")
        cls.subnetwork = cls.env["defis.subnetwork"].create({"name": "Pays de Test"})
        cls.other_subnetwork = cls.env["defis.subnetwork"].create({"name": "Pays d'Essai"})

    @classmethod
    def create_user(cls, login, groups):
        return cls.env["res.users"].with_context(no_reset_password=True).create({
            "name": login.capitalize(),
            "login": login,
            "email": "%s@defis.example" % login,
            "lang": "fr_FR",
            "groups_id": [(6, 0, [group.id for group in groups])],
        })

    @classmethod
    def create_structure(cls, name, affiliation="2018-03-01", withdrawal=False, **values):
        values.setdefault("defis_structure_type_id", cls.type_ccas.id)
        values.setdefault("defis_subnetwork_id", cls.subnetwork.id)
        return cls.env["res.partner"].create(dict(
            name=name, is_company=True, defis_affiliation_date=affiliation,
            defis_withdrawal_date=withdrawal, **values))

    @classmethod
    def create_person(cls, name, structure=None, **values):
        return cls.env["res.partner"].create(dict(
            name=name, parent_id=structure.id if structure else False, **values))

    @classmethod
    def name_referent(cls, structure, name, date_start="2018-03-01"):
        person = cls.create_person(name, structure)
        return cls.env["defis.referent"].create({
            "structure_id": structure.id, "partner_id": person.id, "date_start": date_start})

    def visible_menus(self, user):
        return self.env["ir.ui.menu"].sudo(user)._visible_menu_ids()

    def menu_name(self, xmlid, lang="fr_FR"):
        return self.env.ref(xmlid).with_context(lang=lang).name


def create_structure(env, name, structure_type="defis_network.structure_type_ccas"):
    """A company partner of the network (its structure type sets its tag)."""
    return env["res.partner"].create({
        "name": name,
        "is_company": True,
        "defis_structure_type_id": env.ref(structure_type).id,
        "defis_affiliation_date": "2018-06-01",
    })


def create_portal_user(env, login, name, parent=None):
    """A portal user; its contact is a person of ``parent`` when given.
    Its password is ``login`` followed by ``-pw``."""
    partner = env["res.partner"].create({
        "name": name, "parent_id": parent.id if parent else False,
        "email": "%s@exemple.fr" % login, "lang": "fr_FR"})
    return env["res.users"].with_context(no_reset_password=True).create({
        "login": login,
        "password": login + "-pw",
        "partner_id": partner.id,
        "groups_id": [(6, 0, [env.ref("base.group_portal").id])],
    })


def create_referral(env, structure, person_name, service="training"):
    person = env["res.partner"].create({"name": person_name, "defis_is_household": True})
    return env["defis.referral"].create({
        "structure_id": structure.id, "person_id": person.id, "service": service})


def guarded_form(env, data, age=60):
    """``data`` posted as a person would: the consent ticked, the form shown
    ``age`` seconds ago (a stamp signed like the page's, made in the past)."""
    return dict(data, consent="1",
                form_stamp=env["defis.portal.form"].defis_stamp(time.time() - age))


def correct_through_wizard(record, values, reason):
    """``record`` corrected as a person does it, by its « Correct » button:
    the wizard opens filled with what the record holds, ``values`` are
    typed over it with the ``reason``. Returns the correction (the record
    the wizard opens, or the one that supersedes ``record``)."""
    action = record.action_defis_open_correction()
    Wizard = record.env[action["res_model"]].with_context(**action["context"])
    typed = dict(Wizard.default_get(list(Wizard._fields)), **values)
    opened = Wizard.create(dict(typed, reason=reason)).action_correct()
    if opened.get("res_id"):
        return record.env[opened["res_model"]].browse(opened["res_id"])
    return record.search([("defis_supersedes_res_id", "=", record.id)])


class DefisHttpCase(HttpCase):
    """HttpCase whose test works on the cursor of the HTTP requests (Odoo
    11's works on another one): what the test creates is seen by the
    requests, what they write is seen by the test, and everything is rolled
    back at the end. The test holds the cursor except during a request."""

    def setUp(self):
        super().setUp()
        case_cr, case_env = self.cr, self.env
        self.cr = self.registry.cursor()  # the test cursor, its lock held here
        self.env = api.Environment(self.cr, SUPERUSER_ID, {})

        def restore():
            self.cr.release()
            self.cr, self.env = case_cr, case_env
        self.addCleanup(restore)

    def authenticate(self, user, password):
        # the session token is cached by session id only: logging another
        # user in on the same session would get the previous user's token
        self.env["res.users"]._invalidate_session_cache()
        return super().authenticate(user, password)

    def url_open(self, url, data=None, timeout=30, **kwargs):
        """GET ``url``, or POST ``data`` (or ``json``); other ``kwargs``
        (``allow_redirects``…) go to requests."""
        if url.startswith("/"):
            url = "http://127.0.0.1:%d%s" % (config["http_port"], url)
        method = "POST" if data or "json" in kwargs else "GET"
        return self._while_requests_run(
            self.opener.request, method, url, data=data, timeout=timeout, **kwargs)

    def execute_kw(self, login, password, model, method, args, kwargs=None):
        """An XML-RPC call as ``login`` to the test's server."""
        url = "http://127.0.0.1:%d/xmlrpc/2/" % config["http_port"]

        def call():
            uid = xmlrpc.client.ServerProxy(url + "common").authenticate(
                self.cr.dbname, login, password, {})
            return xmlrpc.client.ServerProxy(url + "object").execute_kw(
                self.cr.dbname, uid, password, model, method, args, kwargs or {})
        return self._while_requests_run(call)

    def _while_requests_run(self, function, *args, **kwargs):
        # TestCursor.commit() only moves a savepoint: a request that fails
        # does not undo what the test has written so far
        self.cr.commit()  # pylint: disable=invalid-commit
        self.cr.release()
        try:
            return function(*args, **kwargs)
        finally:
            self.cr.acquire()
            self.env.cache.invalidate()
