"""The role matrix of defis_network/readme/ROLES.csv, the records it is tried
on, and the tries themselves (used by test_role_matrix.py).

A cell lists rights, each optionally limited by a record rule:
``rwc@own-runs d@own-runs-created``. A right without a rule must work on
the row's sample record; a right with a rule must work on the records inside
the rule and be refused on those outside; a right the cell does not list must
be refused, by the access rights or the record rules (not only by the
model's own checks)."""
import base64
import csv
import json
import os
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.defis_network.tests.common import (
    create_portal_user, create_referral, create_structure)
from odoo.addons.defis_network.tests.common_place import EXAMPLE_PATH, make_siret
from odoo.addons.defis_reuse.tests.common import add_membership, create_device
from odoo.addons.defis_reuse.tests.common_probe import sample, sample_snapshot
from odoo.addons.defis_training.tests.common import create_upcoming_run, create_web_programme

MATRIX = os.path.join(os.path.dirname(__file__), "..", "addons", "defis_network", "readme",
                      "ROLES.csv")
OPERATIONS = {"r": "read", "w": "write", "c": "create", "d": "unlink", "x": "run"}
QUIET = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True,
         "no_reset_password": True}
PORTAL_ROLES = ("referent", "learner")


# the matrix -----------------------------------------------------------------
class Row:
    """A row of the matrix: a model (its records of one kind, or one field)
    and, for each role, the rights {operation: rule or None}."""

    def __init__(self, values, roles):
        self.model = values["model"]
        self.records = values["records"]
        self.field = values["field"]
        self.rights = {role: parse_cell(values[role]) for role in roles}

    @property
    def key(self):
        return (self.model, self.records)

    def __str__(self):
        details = [text for text in (self.records, self.field) if text]
        return "%s (%s)" % (self.model, ", ".join(details)) if details else self.model


def parse_cell(cell):
    """``rwc@own-runs d@own-runs-created`` -> {read: own-runs, ..., unlink: ...}."""
    rights = {}
    for token in cell.split():
        letters, _sep, rule = token.partition("@")
        for letter in letters.replace("-", ""):
            rights[OPERATIONS[letter]] = rule or None
    return rights


def load_matrix(path=MATRIX):
    with open(path, encoding="utf-8", newline="") as table:
        reader = csv.DictReader(table)
        roles = reader.fieldnames[3:]
        return roles, [Row(values, roles) for values in reader]


# the records ------------------------------------------------------------------
class RoleWorld:
    """One user per role and the records each row is tried on, built as
    superuser: two structures, a referent, two trainers and their course
    runs, households and learners inside and outside a trainer's runs,
    devices, a loan, a till order..."""

    def __init__(self, env):
        self.env = env = env(context=dict(env.context, lang="fr_FR", **QUIET))
        self.today = fields.Date.context_today(env.user)
        self._serials = {}
        self._network()
        self._users()
        self._training()
        self._reuse()
        self._map()
        env["res.partner"].recompute()

    # people ---------------------------------------------------------------
    def _network(self):
        env = self.env
        self.subnetwork = env["defis.subnetwork"].create({"name": "Pays des Rôles"})
        self.structure = create_structure(env, "CCAS de Rôlebourg")
        self.structure.defis_subnetwork_id = self.subnetwork
        self.other_structure = create_structure(
            env, "CAF de Rôleville", "defis_network.structure_type_caf")
        self.colleague = env["res.partner"].create({
            "name": "Marc Collègue", "parent_id": self.other_structure.id})
        self.household = self.person("Foyer Inscrit", defis_is_household=True)
        self.other_household = self.person("Foyer Ailleurs", defis_is_household=True)
        self.learner_partner = self.person("Lucie Apprenante")
        self.other_learner_partner = self.person("Luc Apprenant Ailleurs")
        self.membership_product = env["product.product"].create({
            "name": "Adhésion des rôles", "membership": True, "list_price": 10.0,
            "type": "service"})
        self.membership = add_membership(env, self.other_household)
        self.referral = create_referral(env, self.structure, "Personne orientée ici")
        self.other_referral = create_referral(env, self.other_structure, "Personne orientée là")
        self.meeting = env["defis.meeting"].create({
            "name": "Réunion des rôles", "kind": "subnetwork",
            "subnetwork_id": self.subnetwork.id})

    def serial(self, key):
        """1, 2, 3... for each ``key``: what a unique value of a record needs."""
        self._serials[key] = self._serials.get(key, 0) + 1
        return self._serials[key]

    def person(self, name, **values):
        return self.env["res.partner"].create(dict(values, name=name))

    def _users(self):
        env = self.env
        ref = env.ref

        def user(login, *groups):
            return env["res.users"].create({
                "name": login.replace(".", " ").title(), "login": login,
                "email": "%s@roles.example" % login, "lang": "fr_FR",
                "groups_id": [(6, 0, [ref(group).id for group in groups])]})

        referent = create_portal_user(env, "referente.roles", "Anne Référente",
                                      parent=self.structure)
        learner = create_portal_user(env, "apprenant.roles", "Paul Apprenant")
        self.users = {
            "public": ref("base.public_user"),
            "referent": referent,
            "learner": learner,
            "cashier": user("caisse.roles", "base.group_user", "point_of_sale.group_pos_user"),
            "technician": user("atelier.roles", "defis_reuse.group_defis_technician"),
            "trainer": user("formatrice.roles", "defis_training.group_defis_trainer"),
            "office": user("accueil.roles", "defis_network.group_defis_user"),
            "manager": user("responsable.roles", "defis_network.group_defis_manager"),
            "admin": user("admin.roles", "base.group_system",
                          "defis_network.group_defis_manager"),
        }
        self.other_trainer = user("formateur.roles", "defis_training.group_defis_trainer")
        self.referent = env["defis.referent"].create({
            "structure_id": self.structure.id, "partner_id": referent.partner_id.id,
            "date_start": "2018-06-01"})
        self.meeting_line = env["defis.meeting.attendance"].create({
            "meeting_id": self.meeting.id, "partner_id": referent.partner_id.id})
        self.own_memberships = {role: add_membership(env, self.users[role].partner_id)
                                for role in PORTAL_ROLES}

    # training -------------------------------------------------------------
    def _training(self):
        env = self.env
        self.programme = create_web_programme(env, "Programme des rôles")
        self.hidden_programme = create_web_programme(env, "Programme non publié")
        self.hidden_programme.website_published = False
        self.run = create_upcoming_run(env, self.programme, seats=0, name="Session A",
                                       sittings=1)
        self.other_run = create_upcoming_run(env, self.programme, seats=0, name="Session B",
                                             sittings=1, published=False)
        self.sitting = self.run.defis_session_ids
        self.sitting.trainer_id = self.users["trainer"]
        self.other_sitting = self.other_run.defis_session_ids
        self.other_sitting.trainer_id = self.other_trainer
        self.registration = self.register(self.run, self.household)
        self.learner_registration = self.register(self.run, self.learner_partner)
        self.other_registration = self.register(self.other_run, self.other_learner_partner)
        self.own_registrations = {
            role: self.register(self.other_run, self.users[role].partner_id)
            for role in PORTAL_ROLES}
        Attendance = env["defis.training.attendance"]
        self.attendance = Attendance.create({
            "session_id": self.sitting.id, "registration_id": self.registration.id})
        self.other_attendance = Attendance.create({
            "session_id": self.other_sitting.id,
            "registration_id": self.other_registration.id})
        start = fields.Date.from_string(self.today)
        self.funding = env["defis.training.funding"].create({
            "name": "Convention des rôles", "funder_id": self.other_structure.id,
            "programme_ids": [(6, 0, self.programme.ids)],
            "date_start": fields.Date.to_string(start - timedelta(days=30)),
            "date_end": fields.Date.to_string(start + timedelta(days=120)),
            "contracted_hours": 100.0, "amount": 4200.0, "state": "active"})
        self.training_history = env["defis.training.history"].create({
            "year": 2006, "programme_id": self.programme.id, "learner_count": 12,
            "learner_hours": 96.0})

    def register(self, run, partner):
        return self.env["event.registration"].create({
            "event_id": run.id, "partner_id": partner.id, "name": partner.name,
            "email": partner.email, "state": "open"})

    # national map ---------------------------------------------------------
    def _map(self):
        """The other structure can be published (it has all the standard
        requires); an import of the standard's example, by someone else than
        the roles, with one change proposed."""
        siret = make_siret(9876)
        self.other_structure.write({
            "siren": siret[:9], "nic": siret[9:], "street": "1 rue des Rôles",
            "zip": "56100", "city": "Lorient", "country_id": self.env.ref("base.fr").id})
        self.place_import = place_import(self.env)
        self.import_line = self.env["defis.place.import.line"].create(
            import_line_values(self, self.place_import))

    # reuse ----------------------------------------------------------------
    def _reuse(self):
        env = self.env
        ref = env.ref
        self.laptop = ref("defis_reuse.device_category_laptop")
        self.device = create_device(env, "ROLES-0001")
        self.device.sudo().write({"defis_partner_id": self.other_household.id})
        self.diagnosed_device = create_device(
            env, "ROLES-0002", state="diagnosed")
        self.intake = env["defis.intake"].create({
            "partner_id": self.other_structure.id, "date": "2018-03-15", "place": "Lanester",
            "line_ids": [(0, 0, {"category_id": self.laptop.id, "quantity": 1,
                                 "weight_kg": 2.0})]})
        self.erasure = self.erase(self.diagnosed_device)
        self.snapshot = env["defis.device.snapshot"].create({"lot_id": self.device.id})
        self.snapshot_diff = self.snapshot_difference(self.snapshot)
        self.disk = env["defis.device.disk"].create({
            "lot_id": self.device.id, "serial": "WD-ROLES-1", "size_gb": 256})
        # the workshop walked the device through its checklist
        self.check = self.device.defis_check_ids.filtered(
            lambda check: check.item_id == self.checklist_item)[:1] or env[
                "defis.device.check"].create({
                    "lot_id": self.device.id, "item_id": self.checklist_item.id})
        self.recycler = env["res.partner"].create({"name": "Recycleur DEEE", "is_company": True})
        self.batch = env["defis.recycling.batch"].create({
            "partner_id": self.recycler.id,
            "line_ids": [(0, 0, {"category_id": self.laptop.id, "weight_kg": 12.0})]})
        add_membership(env, self.household)
        self.loan = self.lend(create_device(env, "ROLES-0003"))
        self.till_session = self._open_till()
        self.order = self.till_order()
        self.voucher = env["defis.pos.voucher"].create({
            "number": "ROLES-PN-0001", "order_id": self.order.id})
        self.reuse_history = env["defis.reuse.history"].create({
            "year": "2006", "category_id": self.laptop.id, "collected_count": 10})

    @property
    def checklist_item(self):
        return self.env["defis.checklist.item"].search(
            [("category_id", "=", self.laptop.id)], limit=1)

    def new_checklist_item(self):
        """An item the diagnosis did not put on the devices' checklists yet."""
        return self.env["defis.checklist.item"].create({
            "category_id": self.laptop.id, "name": "Point ajouté (rôles)", "mandatory": False})

    def erase(self, lot):
        return self.env["defis.erasure"].create({
            "lot_id": lot.id, "method": "overwrite", "passes": 1,
            "standard": "NIST SP 800-88 r1", "tool": "nwipe 0.34", "result": "success"})

    def snapshot_difference(self, snapshot):
        return self.env["defis.device.snapshot.diff"].create({
            "snapshot_id": snapshot.id, "field_name": "defis_brand", "label": "Marque",
            "device_value": "Lenovo", "probe_value": '"LENOVO"'})

    def lend(self, lot):
        return self.env["defis.loan"].create({
            "partner_id": self.household.id, "lot_id": lot.id, "date_start": self.today})

    def _open_till(self):
        config = self.env.ref("point_of_sale.pos_config_main")
        self.env["pos.session"]._defis_demo_setup_till(config)
        session = self.env["pos.session"].search(
            [("config_id", "=", config.id), ("state", "=", "opened")], limit=1)
        if not session:
            session = self.env["pos.session"].create({"config_id": config.id})
            session.action_pos_session_open()
        return session

    def till_order(self):
        return self.env["pos.order"].create({
            "session_id": self.till_session.id, "partner_id": self.household.id})

    def new_registration(self, run, name, user=None):
        """A registration of a new person on ``run``, created by ``user``."""
        person = self.person(name)
        env = self.env(user=user.id) if user else self.env
        return env["event.registration"].create({
            "event_id": run.id, "partner_id": person.id, "name": name, "state": "open"})


# how each row is tried ----------------------------------------------------------
class Fixture:
    """How a row's records are found and made.

    ``sample(world, role)``: the record tried for rights without a rule;
    ``values(world)``: values to create one; ``write``: values to write;
    ``fresh(world)``: a record to delete (default: created from ``values``);
    ``rules[rule](world, role)``: (records inside, records outside) the rule;
    ``create_rules[rule](world, role)``: (values inside or None, values
    outside); ``run(world, user, rule_side)``: what a wizard does."""

    def __init__(self, sample=None, values=None, write=None, fresh=None, rules=None,
                 create_rules=None, run=None):
        self.sample = sample
        self.values = values
        self.write = write
        self._fresh = fresh
        self.rules = rules or {}
        self.create_rules = create_rules or {}
        self.run = run

    def fresh(self, world, model):
        if self._fresh:
            return self._fresh(world)
        return world.env[model].create(self.values(world))


def _own_partner(world, role):
    return world.users[role].commercial_partner_id


def _rule_own_contacts(world, role):
    return _own_partner(world, role), world.other_structure


def _none(world, role):
    return world.env["res.partner"].browse(), None


def _household_values(world):
    return {"name": "Foyer créé", "defis_is_household": True}


def _learner(world):
    return world.new_registration(world.other_run, "Apprenant à effacer").partner_id


def _membership_values(world):
    return {"partner": world.other_household.id, "membership_id": world.membership_product.id,
            "date": "2018-01-01", "date_from": "2018-01-01", "date_to": "2018-12-31",
            "member_price": 10.0, "state": "paid"}


def _referral_values(world, structure):
    return {"structure_id": structure.id, "person_id": world.other_household.id,
            "service": "training", "reason": "Besoin d'un ordinateur"}


def _referral_create_rule(world, role):
    own = _own_partner(world, role)
    inside = _referral_values(world, own) if own.defis_is_structure else None
    outside = _referral_values(world, world.other_structure if own.defis_is_structure
                               else own)
    return inside, outside


def _referent_values(world):
    person = world.person("Nouvelle Référente", parent_id=world.other_structure.id)
    return {"structure_id": world.other_structure.id, "partner_id": person.id,
            "date_start": "2018-06-01"}


def _attendance_values(session, registration):
    return {"session_id": session.id, "registration_id": registration.id}


def _attendance_created(world, role):
    """Lines of the trainer's sitting created by them / by someone else."""
    user = world.users[role]
    mine = world.env(user=user.id)["defis.training.attendance"].create(_attendance_values(
        world.sitting, world.new_registration(world.run, "Présente du formateur")))
    theirs = world.env["defis.training.attendance"].create(_attendance_values(
        world.sitting, world.new_registration(world.run, "Présente d'un autre")))
    return mine, theirs | world.other_attendance


def _registration_created(world, role):
    mine = world.new_registration(world.run, "Inscrite par le formateur", world.users[role])
    theirs = world.new_registration(world.run, "Inscrite par un autre")
    return mine, theirs | world.other_registration


def _registration_values(run, name):
    return {"event_id": run.id, "name": name, "phone": "0612345678", "state": "open"}


def _register_through_wizard(world, env, run):
    wizard = env["defis.training.register.wizard"].create({
        "event_id": run.id, "name": "Inscrite par l'assistant", "phone": "06 11 22 33 44"})
    wizard.action_register()


def _run_register_wizard(world, env, side):
    run = world.other_run if side == "outside" else world.run
    _register_through_wizard(world, env, run)


def _render_xlsx(world, env, report_xmlids, wizard_model, values=None):
    wizard = env[wizard_model].create(values or {})
    for xmlid in report_xmlids:
        world.env.ref(xmlid).sudo(env.uid).render_xlsx(wizard.ids, {})


def _run_growth(world, env, side):
    _render_xlsx(world, env, ["defis_network.action_report_network_growth_xlsx"],
                 "defis.network.growth.wizard",
                 {"date_from": "2018-01-01", "date_to": "2018-12-31"})


def _run_reuse_report(world, env, side):
    _render_xlsx(world, env, ["defis_reuse.action_report_reuse_xlsx"],
                 "defis.reuse.report.wizard")


def _run_training_report(world, env, side):
    _render_xlsx(world, env, ["defis_training.action_report_training_funder_xlsx",
                              "defis_training.action_report_training_bpf_xlsx"],
                 "defis.training.report.wizard")


def _run_referent_replace(world, env, side):
    person = world.person("Relève", parent_id=world.structure.id)
    wizard = env["defis.referent.replace"].create({
        "referent_id": world.referent.id, "new_partner_id": person.id})
    wizard.action_replace()


def place_import(env):
    """An import of the standard's own example file, as ``env``'s user."""
    with open(EXAMPLE_PATH, "rb") as example:
        content = base64.b64encode(example.read())
    return env["defis.place.import"].create({"file": content, "filename": "lieux.csv"})


def import_line_values(world, wizard):
    hours = "Mo-Fr 09:00-12:00"
    return {"wizard_id": wizard.id, "kind": "update", "line_number": 2,
            "partner_id": world.other_structure.id, "name": world.other_structure.name,
            "column": "horaires", "new_value": hours,
            "values": json.dumps({"defis_opening_hours": hours})}


def _own_import(world, role):
    return place_import(world.env(user=world.users[role].id))


def _import_line_rule(world, role):
    """A change of the role's own import / of someone else's."""
    wizard = _own_import(world, role)
    line = world.env["defis.place.import.line"].sudo(world.users[role]).create(
        import_line_values(world, wizard))
    return line, world.import_line


def _run_place_import(world, env, side):
    wizard = place_import(env)
    wizard.action_analyse()
    wizard.action_apply()


def _run_correction(record):
    """A ``run`` of the correction wizard of the proof ``record`` (the sample
    of the given side), typed over with a change of one of its facts."""
    def run(world, env, side):
        target = env[record(world)._name].browse(record(world, side).id)
        action = target.action_defis_open_correction()
        Wizard = env[action["res_model"]].with_context(**action["context"])
        values = dict(Wizard.default_get(list(Wizard._fields)), reason="Erreur de saisie")
        change = {"defis.erasure": {"tool": "nwipe 0.35"},
                  "defis.pos.voucher": {"number": "ROLES-PN-C%04d" % world.serial("voucher")},
                  "defis.training.attendance": {"state": "excused"}}[target._name]
        Wizard.create(dict(values, **change)).action_correct()
    return run


def _run_place_export(world, env, side):
    env["defis.place.export"].action_defis_download_places()


def _run_snapshot_import(world, env, side):
    """The snapshot the probe left on the stick, uploaded from the device's form."""
    content = json.dumps(sample_snapshot(
        world.device.name, lshw=sample("lshw-hp-probook-430-g4.json"))).encode()
    wizard = env["defis.snapshot.import"].create({
        "lot_id": world.device.id, "snapshot_file": base64.b64encode(content),
        "snapshot_filename": "releve.json"})
    wizard.action_import()


def _grade_values(world):
    return {"name": "Grade créé", "code": "Z%d" % world.serial("grade")}


def _lot_name(world):
    return "ROLES-9%03d" % world.serial("lot")


def _first(model):
    return lambda world, role: world.env[model].search([], limit=1)


def _xmlid(xmlid):
    return lambda world, role: world.env.ref(xmlid)


def _attr(name):
    return lambda world, role: getattr(world, name)


FIXTURES = {
    ("res.partner", "contacts"): Fixture(
        sample=_attr("other_structure"),
        values=lambda world: {"name": "Entreprise créée", "is_company": True},
        write={"city": "Lanester"},
        rules={"own": _rule_own_contacts}),
    ("res.partner", "households"): Fixture(
        sample=_attr("other_household"), values=_household_values,
        write={"city": "Lanester"},
        rules={"own-runs": lambda world, role: (world.household, world.other_household)}),
    ("res.partner", "learners"): Fixture(
        sample=_attr("other_learner_partner"),
        values=lambda world: {"name": "Personne créée"}, fresh=_learner,
        write={"city": "Lanester"},
        rules={"own-runs": lambda world, role: (world.learner_partner,
                                                world.other_learner_partner)}),
    ("res.users", ""): Fixture(
        sample=_attr("other_trainer"),
        values=lambda world: {"name": "Compte créé",
                              "login": "compte.cree.roles%d" % world.serial("login")},
        write={"signature": "<p>Signature</p>"},
        rules={"own": lambda world, role: (world.users[role], world.other_trainer)}),
    ("membership.membership_line", ""): Fixture(
        sample=_attr("membership"), values=_membership_values, write={"member_price": 12.0},
        rules={"own": lambda world, role: (
            world.own_memberships.get(role, world.membership.browse()), world.membership)}),
    ("defis.structure.type", ""): Fixture(
        sample=_xmlid("defis_network.structure_type_ccas"),
        values=lambda world: {"name": "Type créé"}, write={"name": "Type renommé"}),
    ("defis.subnetwork", ""): Fixture(
        sample=_attr("subnetwork"), values=lambda world: {"name": "Pays créé"},
        write={"name": "Pays renommé"}),
    ("defis.referent", ""): Fixture(
        sample=_attr("referent"), values=_referent_values, write={"date_start": "2018-06-02"}),
    ("defis.referral", ""): Fixture(
        sample=_attr("other_referral"),
        values=lambda world: _referral_values(world, world.other_structure),
        write={"reason": "Motif précisé"},
        rules={"own-structure": lambda world, role: (
            world.referral if _own_partner(world, role) == world.structure
            else world.referral.browse(), world.other_referral)},
        create_rules={"own-structure": _referral_create_rule}),
    ("defis.meeting", ""): Fixture(
        sample=_attr("meeting"),
        values=lambda world: {"name": "Réunion créée", "kind": "committee"},
        write={"location": "Lorient"}),
    ("defis.meeting.attendance", ""): Fixture(
        sample=_attr("meeting_line"),
        values=lambda world: {"meeting_id": world.meeting.id,
                              "partner_id": world.colleague.id},
        write={"present": True}),
    ("defis.network.growth", ""): Fixture(
        sample=_first("defis.network.growth"), values=lambda world: {}, write={}),
    ("defis.network.growth.wizard", ""): Fixture(run=_run_growth),
    ("defis.referent.replace", ""): Fixture(run=_run_referent_replace),
    ("defis.place.vocabulary", ""): Fixture(
        sample=_xmlid("defis_network.place_service_admin"),
        values=lambda world: {"kind": "service", "value": "Valeur créée", "name": "Créée"},
        write={"name": "Libellé changé"}),
    ("defis.place.export", ""): Fixture(run=_run_place_export),
    ("defis.place.import", ""): Fixture(run=_run_place_import),
    ("defis.place.import.line", ""): Fixture(
        sample=_attr("import_line"),
        values=lambda world: import_line_values(world, world.place_import),
        write={"accept": True},
        rules={"own-import": _import_line_rule},
        create_rules={"own-import": lambda world, role: (
            import_line_values(world, _own_import(world, role)),
            import_line_values(world, world.place_import))}),
    ("defis.device.category", ""): Fixture(
        sample=_attr("laptop"),
        values=lambda world: {"name": "Catégorie créée",
                              "code": "ROLES%d" % world.serial("category")},
        write={"name": "Portables renommés"}),
    ("defis.device.grade", ""): Fixture(
        sample=_xmlid("defis_reuse.device_grade_a"),
        values=_grade_values, write={"name": "A+"}),
    ("defis.price.grid", ""): Fixture(
        sample=_first("defis.price.grid"),
        values=lambda world: {
            "category_id": world.env.ref("defis_reuse.device_category_printer").id,
            "grade_id": world.env["defis.device.grade"].create(_grade_values(world)).id,
            "price": 5.0},
        write={"price": 99.0}),
    ("defis.checklist.item", ""): Fixture(
        sample=lambda world, role: world.checklist_item,
        values=lambda world: {"category_id": world.laptop.id, "name": "Vérification créée"},
        write={"name": "Vérification renommée"}),
    ("defis.co2.factor", ""): Fixture(
        sample=_first("defis.co2.factor"),
        values=lambda world: {"category_id": world.laptop.id,
                              "year": str(1989 + world.serial("co2")),
                              "kg_co2e_per_year": 50.0, "source_name": "Étude des rôles"},
        write={"source_name": "Source renommée"}),
    ("defis.intake", ""): Fixture(
        sample=_attr("intake"),
        values=lambda world: {"partner_id": world.other_structure.id, "date": "2018-03-16",
                              "place": "Lorient"},
        write={"place": "Hennebont"}),
    ("defis.intake.line", ""): Fixture(
        sample=lambda world, role: world.intake.line_ids,
        values=lambda world: {"intake_id": world.intake.id, "category_id": world.laptop.id,
                              "quantity": 2, "weight_kg": 4.0},
        write={"weight_kg": 3.0}),
    ("stock.production.lot", "devices"): Fixture(
        sample=_attr("device"),
        values=lambda world: {"name": _lot_name(world),
                              "product_id": world.env.ref("defis_reuse.product_laptop").id},
        write={"defis_brand": "Dell"}),
    ("defis.erasure", ""): Fixture(
        sample=_attr("erasure"),
        values=lambda world: {"lot_id": world.diagnosed_device.id, "method": "crypto",
                              "tool": "hdparm 9.58", "result": "success"},
        fresh=lambda world: world.erase(create_device(
            world.env, _lot_name(world), state="diagnosed")),
        write={"notes": "Note ajoutée"}),
    ("defis.device.snapshot", ""): Fixture(
        sample=_attr("snapshot"), values=lambda world: {"lot_id": world.device.id},
        write={"state": "review"}),
    ("defis.device.snapshot.diff", ""): Fixture(
        sample=_attr("snapshot_diff"),
        values=lambda world: {"snapshot_id": world.snapshot.id, "field_name": "defis_model",
                              "device_value": "T440", "probe_value": '"T440p"'},
        write={"state": "kept"}),
    ("defis.snapshot.import", ""): Fixture(run=_run_snapshot_import),
    ("defis.device.disk", ""): Fixture(
        sample=_attr("disk"),
        values=lambda world: {"lot_id": world.device.id, "serial": "WD-ROLES-2"},
        write={"smart_passed": True}),
    ("defis.device.check", ""): Fixture(
        sample=_attr("check"),
        values=lambda world: {"lot_id": world.diagnosed_device.id,
                              "item_id": world.new_checklist_item().id},
        write={"note": "Écran vérifié"}),
    ("defis.recycling.batch", ""): Fixture(
        sample=_attr("batch"), values=lambda world: {"partner_id": world.recycler.id},
        write={"date": "2018-04-02"}),
    ("defis.recycling.batch.line", ""): Fixture(
        sample=lambda world, role: world.batch.line_ids,
        values=lambda world: {"batch_id": world.batch.id, "category_id": world.env.ref(
            "defis_reuse.device_category_monitor").id, "weight_kg": 8.0},
        write={"weight_kg": 13.0}),
    ("defis.loan", ""): Fixture(
        sample=_attr("loan"),
        values=lambda world: {"partner_id": world.household.id, "date_start": world.today,
                              "lot_id": create_device(world.env, _lot_name(world)).id},
        write={"note": "Prêt pour la rentrée"}),
    ("pos.order", "till orders"): Fixture(
        sample=_attr("order"),
        values=lambda world: {"session_id": world.till_session.id,
                              "partner_id": world.household.id},
        fresh=lambda world: world.till_order(), write={"note": "Vente au comptoir"}),
    ("defis.pos.voucher", ""): Fixture(
        sample=_attr("voucher"),
        values=lambda world: {"number": "ROLES-PN-%04d" % (1000 + world.serial("voucher")),
                              "order_id": world.order.id},
        write={"number": "ROLES-PN-0003"}),
    ("defis.reuse.history", ""): Fixture(
        sample=_attr("reuse_history"),
        values=lambda world: {"year": str(1989 + world.serial("history")),
                              "category_id": world.laptop.id,
                              "collected_count": 3},
        write={"collected_count": 11}),
    ("defis.reuse.report", ""): Fixture(
        sample=_first("defis.reuse.report"), values=lambda world: {}, write={}),
    ("defis.reuse.report.wizard", ""): Fixture(run=_run_reuse_report),
    ("defis.training.programme", ""): Fixture(
        sample=_attr("programme"),
        values=lambda world: {"name": "Programme créé", "planned_hours": 6.0},
        write={"topics": "Courriel, démarches"},
        rules={"published": lambda world, role: (world.programme, world.hidden_programme)}),
    ("event.event", "course runs"): Fixture(
        sample=_attr("other_run"),
        values=lambda world: {"name": "Session créée", "date_begin": "2030-01-07 09:00:00",
                              "date_end": "2030-01-07 11:00:00", "date_tz": "Europe/Paris"},
        write={"name": "Session B renommée"},
        rules={"published": lambda world, role: (world.run, world.other_run)}),
    ("defis.training.session", ""): Fixture(
        sample=_attr("other_sitting"),
        values=lambda world: {"event_id": world.run.id, "date_begin": world.run.date_begin,
                              "date_end": world.run.date_end},
        write={"room": "Salle Ti Douar"},
        rules={"own-sessions": lambda world, role: (world.sitting, world.other_sitting)}),
    ("defis.training.attendance", ""): Fixture(
        sample=_attr("other_attendance"),
        values=lambda world: _attendance_values(world.other_sitting, world.new_registration(
            world.other_run, "Présente créée")),
        write={"state": "absent"},
        rules={"own-sessions": lambda world, role: (world.attendance, world.other_attendance),
               "own-sessions-created": _attendance_created},
        create_rules={"own-sessions": lambda world, role: (
            _attendance_values(world.sitting, world.learner_registration),
            _attendance_values(world.other_sitting, world.own_registrations["learner"]))}),
    ("event.registration", ""): Fixture(
        sample=_attr("other_registration"),
        values=lambda world: _registration_values(world.other_run, "Inscrite créée"),
        write={"defis_heard_from": "Le CCAS"},
        rules={"own-runs": lambda world, role: (world.registration, world.other_registration),
               "own-runs-created": _registration_created,
               "own": lambda world, role: (world.own_registrations.get(
                   role, world.registration.browse()), world.registration)},
        create_rules={"own-runs": lambda world, role: (
            _registration_values(world.run, "Inscrite ici"),
            _registration_values(world.other_run, "Inscrite là"))}),
    ("defis.training.register.wizard", ""): Fixture(run=_run_register_wizard),
    ("defis.training.attendance.correction", ""): Fixture(run=_run_correction(
        lambda world, side=None: world.other_attendance if side == "outside"
        else world.attendance)),
    ("defis.erasure.correction", ""): Fixture(run=_run_correction(
        lambda world, side=None: world.erasure)),
    ("defis.pos.voucher.correction", ""): Fixture(run=_run_correction(
        lambda world, side=None: world.voucher)),
    ("defis.training.funding", ""): Fixture(
        sample=_attr("funding"),
        values=lambda world: {"name": "Convention créée", "funder_id": world.structure.id,
                              "date_start": "2018-01-01", "date_end": "2018-12-31"},
        write={"contracted_learners": 12}),
    ("defis.training.history", ""): Fixture(
        sample=_attr("training_history"),
        values=lambda world: {"year": 2050 + world.serial("history"),
                              "programme_id": world.programme.id,
                              "learner_count": 3, "learner_hours": 30.0},
        write={"learner_count": 13}),
    ("defis.training.report", ""): Fixture(
        sample=_first("defis.training.report"), values=lambda world: {}, write={}),
    ("defis.training.report.wizard", ""): Fixture(run=_run_training_report),
}
# field rows: the value written
FIELD_VALUES = {
    ("res.partner", "defis_household_size"): 3,
    ("res.partner", "defis_place_published"): True,
    ("res.users", "login"): "login.change.roles",
    ("stock.production.lot", "defis_partner_id"): lambda world: world.household.id,
    ("defis.training.funding", "amount"): 99.0,
}


# the tries ------------------------------------------------------------------------
class Attempt:
    """What happened when a user tried an operation on a record."""

    def __init__(self, rights, outcome, error=None, creation=False):
        self.rights = rights      # did access rights and record rules allow it
        self.outcome = outcome    # "done", "refused" (AccessError) or "failed"
        self.error = error
        self.creation = creation

    @property
    def allowed(self):
        return self.rights and self.outcome == "done"

    @property
    def refused(self):
        """Refused by the access rights or the record rules: for a creation,
        whose record rules Odoo checks once the record is made, a refusal of
        the creation itself counts."""
        if self.outcome == "done":
            return False
        return not self.rights or (self.creation and self.outcome == "refused")

    def __str__(self):
        rights = "rights allow" if self.rights else "rights refuse"
        detail = " (%s)" % self.error if self.error else ""
        return "%s, %s%s" % (rights, self.outcome, detail)


class Tries:
    """Each operation as one user on one record, in a savepoint rolled back."""

    def __init__(self, world):
        self.world = world
        self.env = world.env

    def _in_savepoint(self, function):
        try:
            with self.env.cr.savepoint():
                function()
                raise _Rollback()
        except _Rollback:
            return "done", None
        except AccessError as error:
            return "refused", _short(error)
        except ValidationError as error:
            # a constraint that could not read what it checks: refused too
            if isinstance(error.__context__, AccessError):
                return "refused", _short(error)
            return "failed", "ValidationError: %s" % _short(error)
        except Exception as error:  # pylint: disable=broad-except
            return "failed", "%s: %s" % (type(error).__name__, _short(error))
        finally:
            # what the try left in the cache or to recompute is gone with it
            self.env.clear()

    @staticmethod
    def _rights(check):
        try:
            result = check()
        except AccessError:
            return False
        return result is not False

    def record(self, user, records, operation, row, values=None):
        """``operation`` on ``records`` (or creating from ``values``) as ``user``."""
        env = self.env(user=user.id)
        Model = env[row.model]
        if operation == "create":
            def check():
                return Model.check_access_rights("create", raise_exception=False)

            def act():
                Model.create(values)
        else:
            records = records.with_env(env)

            def check():
                if row.field:
                    Model.check_field_access_rights(
                        "read" if operation == "read" else "write", [row.field])
                return (Model.check_access_rights(operation, raise_exception=False)
                        and records.check_access_rule(operation) is None)

            def act():
                if operation == "read":
                    records.read(read_fields(Model, row))
                elif operation == "write":
                    records.write(values)
                else:
                    records.unlink()
        outcome, error = self._in_savepoint(act)
        return Attempt(self._rights(check), outcome, error, creation=operation == "create")

    def wizard(self, user, fixture, side):
        env = self.env(user=user.id)
        outcome, error = self._in_savepoint(lambda: fixture.run(self.world, env, side))
        return Attempt(outcome == "done", outcome, error)


def read_fields(model, row):
    """What a read reads: the row's field; for an employee, the fields of
    their form view of the model, as the web client does when it opens a
    record (their groups strip the others); for the portal and the public,
    who have no backend, the record's name."""
    if row.field:
        return [row.field]
    if model.env.user.share:
        return ["display_name"]
    return list(model.fields_view_get(view_type="form")["fields"])


class _Rollback(Exception):
    """Leaves the savepoint of a successful try (nothing it did is kept)."""


def _short(error):
    text = getattr(error, "name", None) or str(error)
    return " ".join(text.split())[:160]
