"""Create an Odoo database with the Défis add-ons, in French.

Odoo's generic demo data is left out (no Agrolait, no Belgian fruit in the
point of sale); the Défis add-ons are flagged for demo data before their
installation, so only the association's own demo records load.

Usage: python scripts/create_db.py -c .data/odoo.conf -d defis [--fresh]
       [--no-demo]
Exits 0 when the database is ready, 1 when something failed to install.
"""
import argparse
import logging
import sys

import odoo
from odoo import SUPERUSER_ID, api
from odoo.service import db as db_service

ADDONS = ["defis_network", "defis_website", "defis_reuse", "defis_training"]
LANG = "fr_FR"
ADMIN_NAME = "Administrateur"
_logger = logging.getLogger("create_db")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--fresh", action="store_true",
                        help="drop the database first if it exists")
    parser.add_argument("--no-demo", action="store_true",
                        help="install without the association's demo data")
    parser.add_argument("--admin-password", default="admin")
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
        # Odoo names its administrator in English, whatever the language
        env.ref("base.user_root").write({
            "lang": LANG, "tz": "Europe/Paris", "password": admin_password,
            "signature": "<span>-- <br/>%s</span>" % ADMIN_NAME,
        })
        env.ref("base.partner_root").write(
            {"name": ADMIN_NAME, "lang": LANG, "tz": "Europe/Paris"})


def mark_addons(name, demo):
    registry = odoo.registry(name)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        modules = env["ir.module.module"]
        modules.update_list()
        addons = modules.search([("name", "in", ADDONS)])
        missing = set(ADDONS) - set(addons.mapped("name"))
        if missing:
            raise SystemExit("add-ons not found: %s" % ", ".join(sorted(missing)))
        addons.write({"demo": demo})
        addons.button_install()


def install_marked(name):
    registry = odoo.modules.registry.Registry.new(name, update_module=True)
    with registry.cursor() as cr:
        cr.execute("SELECT name, state FROM ir_module_module"
                   " WHERE state NOT IN ('installed', 'uninstalled', 'uninstallable')")
        pending = cr.fetchall()
    if pending:
        raise SystemExit("modules left half-installed: %s" % pending)


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    options = ["-c", args.config, "--without-demo=all"]
    if args.log_level:
        options.append("--log-level=%s" % args.log_level)
    odoo.tools.config.parse_config(options)
    name = args.database
    with api.Environment.manage():
        if database_exists(name):
            if not args.fresh and addons_installed(name):
                _logger.info("database %s is ready, reusing it", name)
                return 0
            _logger.info("dropping database %s", name)
            odoo.sql_db.close_db(name)
            db_service.exp_drop(name)
        _logger.info("creating database %s", name)
        db_service._create_empty_database(name)
        prepare_base(name, args.admin_password)
        mark_addons(name, demo=not args.no_demo)
        install_marked(name)
    _logger.info("database %s ready", name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
