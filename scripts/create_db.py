"""Create an Odoo database with the Défis add-ons, in French.

Odoo's generic demo data is left out (no Agrolait, no Belgian fruit in the
point of sale); the Défis add-ons are flagged for demo data before their
installation, so only the association's own demo records load.

Usage: python scripts/create_db.py -c .data/odoo.conf -d defis [--fresh]
       [--no-demo] [--production]
--production (``make prod``, Docker's production profile): no demo data, the
administrator's password from ADMIN_PASSWORD (neither empty nor ``admin``); an
existing database is never dropped: the add-ons of ADDONS it lacks are
installed, and the password must be the administrator's.
Exits 0 when the database is ready, 1 when something failed to install.
"""
import argparse
import logging
import os
import sys

import odoo
from odoo import SUPERUSER_ID, api
from odoo.service import db as db_service

# The add-ons every database of the suite installs (demo, tests, production,
# upgrades): add one here and `make prod` installs it on its next start.
ADDONS = [
    "defis_network",
    "defis_reuse",
    "defis_training",
]
LANG = "fr_FR"
_logger = logging.getLogger("create_db")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--fresh", action="store_true",
                        help="drop the database first if it exists")
    parser.add_argument("--no-demo", action="store_true",
                        help="install without the association's demo data")
    parser.add_argument("--production", action="store_true",
                        help="no demo, never drop, password from ADMIN_PASSWORD")
    parser.add_argument("--admin-password", default=os.environ.get("ADMIN_PASSWORD"),
                        help="administrator's password (default: ADMIN_PASSWORD, "
                             "else admin for a demo database)")
    parser.add_argument("--log-level", default=None,
                        help="Odoo log level (default: the configuration's)")
    return parser.parse_args(argv)


def database_exists(name):
    return name in db_service.list_dbs(force=True)


def addons_installed(name):
    registry = odoo.registry(name)
    with registry.cursor() as cr:
        cr.execute("SELECT count(*) FROM ir_module_module"
                   " WHERE name IN %s AND state = 'installed'", (tuple(ADDONS),))
        return cr.fetchone()[0] == len(ADDONS)


def prepare_base(name, admin_password):
    """Base installed: French, company in France, admin speaking French."""
    registry = odoo.modules.registry.Registry.new(name, update_module=True)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        env["base.language.install"].create({"lang": LANG}).lang_install()
        france = env.ref("base.fr")
        env.ref("base.main_company").write({
            "country_id": france.id,
            "currency_id": env.ref("base.EUR").id,
        })
        env.ref("base.EUR").active = True
        env.ref("base.user_root").write({
            "lang": LANG, "tz": "Europe/Paris", "password": admin_password,
        })
        env.ref("base.partner_root").write({"lang": LANG, "tz": "Europe/Paris"})


def mark_addons(name, demo):
    """Flag the add-ons of ADDONS not installed yet for installation."""
    registry = odoo.registry(name)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        modules = env["ir.module.module"]
        modules.update_list()
        addons = modules.search([("name", "in", ADDONS)])
        missing = set(ADDONS) - set(addons.mapped("name"))
        if missing:
            raise SystemExit("add-ons not found: %s" % ", ".join(sorted(missing)))
        todo = addons.filtered(lambda module: module.state == "uninstalled")
        todo.write({"demo": demo})
        todo.button_install()
        return todo.mapped("name")


def install_marked(name):
    registry = odoo.modules.registry.Registry.new(name, update_module=True)
    with registry.cursor() as cr:
        cr.execute("SELECT name, state FROM ir_module_module"
                   " WHERE state NOT IN ('installed', 'uninstalled', 'uninstallable')")
        pending = cr.fetchall()
    if pending:
        raise SystemExit("modules left half-installed: %s" % pending)


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


def use_configured_smtp(env):
    """Odoo sends through an outgoing mail server record before the smtp_*
    settings of its configuration, and base creates one for localhost:25:
    archived while untouched, so that the production configuration's relay
    (SMTP_* of the environment) is the one used."""
    server = env.ref("base.ir_mail_server_localhost0", raise_if_not_found=False)
    if server and server.active and (server.smtp_host, server.smtp_port) == ("localhost", 25) \
            and not server.smtp_user:
        server.active = False
        _logger.info("outgoing mail through the configuration's SMTP settings")


def production_settings(name):
    registry = odoo.registry(name)
    with registry.cursor() as cr:
        use_configured_smtp(api.Environment(cr, SUPERUSER_ID, {}))


def update_production(name, password):
    """An existing production database: check the password, install the
    add-ons of ADDONS it lacks; nothing is ever dropped."""
    if not admin_password_matches(name, password):
        raise SystemExit("ADMIN_PASSWORD is not the administrator's password of %s" % name)
    added = mark_addons(name, demo=False)
    if added:
        _logger.info("installing %s in %s", ", ".join(added), name)
        install_marked(name)
    production_settings(name)
    _logger.info("database %s is ready, reusing it", name)


def create(name, password, demo):
    _logger.info("creating database %s", name)
    db_service._create_empty_database(name)
    prepare_base(name, password)
    mark_addons(name, demo=demo)
    install_marked(name)


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    password = args.admin_password
    if args.production:
        if args.fresh:
            raise SystemExit("--production never drops a database (no --fresh)")
        password = production_password(password)
    options = ["-c", args.config, "--without-demo=all"]
    if args.log_level:
        options.append("--log-level=%s" % args.log_level)
    odoo.tools.config.parse_config(options)
    name = args.database
    with api.Environment.manage():
        if database_exists(name):
            if args.production:
                update_production(name, password)
                return 0
            if not args.fresh and addons_installed(name):
                _logger.info("database %s is ready, reusing it", name)
                return 0
            _logger.info("dropping database %s", name)
            odoo.sql_db.close_db(name)
            db_service.exp_drop(name)
        create(name, password or "admin", demo=not (args.no_demo or args.production))
        if args.production:
            production_settings(name)
    _logger.info("database %s ready", name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
