"""Create an Odoo database with the Défis add-ons, in French.

Odoo's generic demo data is left out (no Agrolait, no Belgian fruit in the
point of sale). By default the add-ons are installed with their own small
demo records, then ``defis_demo``, the association's demo database (2018 as
the article tells it and a living current year).

    --no-dataset   the add-ons with their small demo records, without
                   defis_demo (the add-ons' own tests run on such a database)
    --no-demo      no demo at all
    --production   (``make prod``, Docker's production profile) no demo, the
                   administrator's password from ADMIN_PASSWORD (neither empty
                   nor ``admin``); an existing database is never dropped: the
                   add-ons of ADDONS it lacks are installed, and the password
                   must be the administrator's

The terminal shows the phases, with counts and the time left; Odoo's log
goes to a file (default: .data/log/create_db-<database>.log).

Usage: python scripts/create_db.py -c .data/odoo.conf -d defis [--fresh]
       [--no-dataset | --no-demo | --production] [--logfile FILE]
Exits 0 when the database is ready, 1 when something failed to install.
"""
import argparse
import os
import sys
import time

import odoo
from odoo import SUPERUSER_ID, api
from odoo.service import db as db_service

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import progress  # noqa: E402  pylint: disable=wrong-import-position

# The add-ons every database of the suite installs (demo, tests, production,
# upgrades): add one here and `make prod` installs it on its next start.
ADDONS = [
    "defis_network",
    "defis_website",
    "defis_reuse",
    "defis_training",
    "defis_security",
]
# the association's demo database, never installed in production
DEMO_ADDON = "defis_demo"
LANG = "fr_FR"
ADMIN_NAME = "Administrateur"
LOG_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".data", "log")
# minutes on two idle cores, told before each phase
ESTIMATES = {"base": "1 min", "addons": "3 min", "demo": "10 min"}


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--fresh", action="store_true",
                        help="drop the database first if it exists")
    demo = parser.add_mutually_exclusive_group()
    demo.add_argument("--no-dataset", action="store_true",
                      help="without the association's demo (defis_demo)")
    demo.add_argument("--no-demo", action="store_true", help="without any demo data")
    demo.add_argument("--production", action="store_true",
                      help="no demo, never drop, password from ADMIN_PASSWORD")
    parser.add_argument("--admin-password", default=os.environ.get("ADMIN_PASSWORD"),
                        help="administrator's password (default: ADMIN_PASSWORD, "
                             "else admin for a demo database)")
    parser.add_argument("--log-level", default=None,
                        help="Odoo log level (default: the configuration's)")
    parser.add_argument("--logfile", default=None, help="Odoo's log file")
    return parser.parse_args(argv)


def wanted_modules(args):
    if args.no_dataset or args.no_demo or args.production:
        return ADDONS
    return ADDONS + [DEMO_ADDON]


def database_exists(name):
    return name in db_service.list_dbs(force=True)


def installed(name, modules):
    registry = odoo.registry(name)
    with registry.cursor() as cr:
        cr.execute("SELECT name FROM ir_module_module WHERE state = 'installed'")
        return set(modules) <= {row[0] for row in cr.fetchall()}


def prepare_base(name, admin_password):
    """Base installed: French, company in France, admin speaking French."""
    registry = odoo.modules.registry.Registry.new(name, update_module=True)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        env["base.language.install"].create({"lang": LANG}).lang_install()
        # the association writes to its contacts in French
        env["ir.default"].set("res.partner", "lang", LANG)
        france = env.ref("base.fr")
        env.ref("base.main_company").write({
            "country_id": france.id,
            "currency_id": env.ref("base.EUR").id,
        })
        env.ref("base.EUR").active = True
        # Odoo names its administrator in English, whatever the language
        env.ref("base.user_root").write({
            "lang": LANG, "tz": "Europe/Paris", "password": admin_password,
            "signature": "<span>-- <br/>%s</span>" % ADMIN_NAME,
        })
        env.ref("base.partner_root").write(
            {"name": ADMIN_NAME, "lang": LANG, "tz": "Europe/Paris"})


def french_website(name):
    """The association's public pages speak French only (a deployment's
    choice: the add-ons leave other databases' languages as they are)."""
    registry = odoo.registry(name)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        website = env.ref("website.default_website", raise_if_not_found=False)
        if website:
            french = env["res.lang"].search([("code", "=", LANG)])
            website.write({"default_lang_id": french.id, "language_ids": [(6, 0, french.ids)]})


def install(name, modules, demo):
    """Install those of ``modules`` not installed yet (their demo records
    loaded when ``demo``); returns their names."""
    registry = odoo.registry(name)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        records = env["ir.module.module"]
        records.update_list()
        records = records.search([("name", "in", modules)])
        missing = set(modules) - set(records.mapped("name"))
        if missing:
            raise SystemExit("add-ons not found: %s" % ", ".join(sorted(missing)))
        todo = records.filtered(lambda module: module.state == "uninstalled")
        todo.write({"demo": demo})
        todo.button_install()
        names = todo.mapped("name")
    if names:
        registry = odoo.modules.registry.Registry.new(name, update_module=True)
    with registry.cursor() as cr:
        cr.execute("SELECT name, state FROM ir_module_module"
                   " WHERE state NOT IN ('installed', 'uninstalled', 'uninstallable')")
        pending = cr.fetchall()
    if pending:
        raise SystemExit("modules left half-installed: %s" % pending)
    return names


# production ------------------------------------------------------------------
def production_password(password):
    """The administrator's password of a production database, or exit."""
    if not password or password.strip().lower() == "admin":
        raise SystemExit("ADMIN_PASSWORD: give the administrator's password of the "
                         "production database (neither empty nor admin)")
    return password


def admin_password_matches(name, password):
    registry = odoo.registry(name)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        admin = env.ref("base.user_root")
        try:
            env["res.users"].sudo(admin.id).check_credentials(password)
        except odoo.exceptions.AccessDenied:
            return False
    return True


def use_configured_smtp(env, reporter):
    """Odoo sends through an outgoing mail server record before the smtp_*
    settings of its configuration, and base creates one for localhost:25:
    archived while untouched, so that the production configuration's relay
    (SMTP_* of the environment) is the one used."""
    server = env.ref("base.ir_mail_server_localhost0", raise_if_not_found=False)
    if server and server.active and (server.smtp_host, server.smtp_port) == ("localhost", 25) \
            and not server.smtp_user:
        server.active = False
        reporter.line("outgoing mail through the configuration's SMTP settings")


def production_settings(name, reporter):
    registry = odoo.registry(name)
    with registry.cursor() as cr:
        use_configured_smtp(api.Environment(cr, SUPERUSER_ID, {}), reporter)


def update_production(name, password, reporter):
    """An existing production database: check the password, install the
    add-ons of ADDONS it lacks; nothing is ever dropped."""
    if not admin_password_matches(name, password):
        raise SystemExit("ADMIN_PASSWORD is not the administrator's password of %s" % name)
    added = install(name, ADDONS, demo=False)
    if added:
        reporter.line("installed %s in %s" % (", ".join(added), name))
    production_settings(name, reporter)
    reporter.line("database %s is ready, reusing it" % name)


# creation --------------------------------------------------------------------
def create(args, password, reporter):
    name = args.database
    reporter.phase_line("database %s: Odoo's base, in French" % name, ESTIMATES["base"])
    db_service._create_empty_database(name)
    prepare_base(name, password)
    reporter.phase_line("the Défis add-ons: %s" % ", ".join(ADDONS), ESTIMATES["addons"])
    install(name, ADDONS, demo=not (args.no_demo or args.production))
    french_website(name)
    if DEMO_ADDON in wanted_modules(args):
        reporter.phase_line("the association's demo (defis_demo): network, intakes, till "
                            "sales, loans, training", ESTIMATES["demo"])
        install(name, [DEMO_ADDON], demo=True)
    if args.production:
        production_settings(name, reporter)


def ready_or_drop(args, password, reporter):
    """True when the existing database is reused as it is."""
    name = args.database
    if args.production:
        update_production(name, password, reporter)
        return True
    if not args.fresh and installed(name, wanted_modules(args)):
        reporter.line("database %s is ready, reusing it" % name)
        return True
    reporter.line("dropping database %s" % name)
    odoo.sql_db.close_db(name)
    db_service.exp_drop(name)
    return False


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    password = args.admin_password
    if args.production:
        if args.fresh:
            raise SystemExit("--production never drops a database (no --fresh)")
        password = production_password(password)
    logfile = args.logfile or os.path.join(LOG_DIR, "create_db-%s.log" % args.database)
    os.makedirs(os.path.dirname(os.path.abspath(logfile)), exist_ok=True)
    options = ["-c", args.config, "--without-demo=all", "--logfile=%s" % logfile]
    if args.log_level:
        options.append("--log-level=%s" % args.log_level)
    odoo.tools.config.parse_config(options)
    reporter = progress.Reporter()
    progress.attach(reporter)
    name = args.database
    started = time.time()
    with api.Environment.manage():
        try:
            if database_exists(name) and ready_or_drop(args, password, reporter):
                return 0
            create(args, password or "admin", reporter)
        except (Exception, SystemExit) as error:  # pylint: disable=broad-except
            reporter.line("FAILED: %s" % (error or type(error).__name__))
            reporter.line("Odoo's log: %s" % os.path.relpath(logfile))
            return 1
    reporter.line("database %s ready in %s; Odoo's log: %s" % (
        name, progress.minutes(time.time() - started), os.path.relpath(logfile)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
