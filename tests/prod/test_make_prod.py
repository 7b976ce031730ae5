"""`make prod` from start to stop, as the operator runs it: the first start
creates a production database (French, no demo data, the operator's
administrator password), a second start reuses it without losing anything,
and a wrong password is refused."""
import os
import shutil
import subprocess

from odoo.tools import config

from .stack import ROOT, Client, journal_text, prod_dir, prod_env, prod_script, remove_prod_dir

import defis_db  # noqa: I100 pylint: disable=wrong-import-order
from create_db import ADDONS  # noqa: I100 pylint: disable=wrong-import-order

PASSWORD = "Un secret de test, 2026"
SOURCE = "127.0.0.21"


class Stack:
    """What test clients need of a stack started by `scripts/prod.sh start`."""

    def __init__(self, env):
        self.url = "http://127.0.0.1:%s" % env["PROD_PORT"]
        self.https_url = "https://127.0.0.1:%s" % env["PROD_TLS_PORT"]
        self.certificate = os.path.join(env["PROD_DIR"], "tls", "fullchain.pem")


def query(database, sql, params=()):
    connection = defis_db.connect(defis_db.read_conf(config.rcfile), database)
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    finally:
        connection.close()


def write(database, sql, params=()):
    connection = defis_db.connect(defis_db.read_conf(config.rcfile), database)
    connection.set_session(readonly=False, autocommit=True)
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
    finally:
        connection.close()


def drop(database):
    conf = defis_db.read_conf(config.rcfile)
    subprocess.run([defis_db.pg_command("dropdb"), "--if-exists", database],
                   env=defis_db.pg_env(conf), check=True)
    shutil.rmtree(defis_db.filestore(conf, database), ignore_errors=True)


def started(env):
    result = prod_script("start", env)
    print(result.stdout)
    return result


def test_make_prod_creates_then_reuses():
    database = "%s_prod" % config["db_name"]
    directory = prod_dir()
    env = prod_env(directory, PROD_DB=database, ADMIN_PASSWORD=PASSWORD)
    drop(database)
    journal = []
    try:
        first = started(env)
        assert first.returncode == 0, first.stdout
        installed = dict(query(database, "SELECT name, demo FROM ir_module_module"
                                         " WHERE state = 'installed'"))
        assert set(ADDONS) <= set(installed)
        assert not any(installed.values()), "demo data loaded"
        for table in ("defis_intake", "defis_loan", "pos_order", "defis_referent"):
            assert query(database, "SELECT count(*) FROM %s" % table) == [(0,)], table
        assert query(database, "SELECT p.lang FROM res_users u JOIN res_partner p"
                               " ON p.id = u.partner_id WHERE u.id = 1") == [("fr_FR",)]
        assert query(database, "SELECT active FROM ir_mail_server") == [(False,)]
        client = Client(Stack(env), SOURCE, journal)
        client.login("admin", "admin")
        assert not client.logged_in(), journal_text(journal)
        client.login("admin", PASSWORD)
        assert client.logged_in(), journal_text(journal)

        # a setting of the association's, then a second start
        write(database, "INSERT INTO ir_config_parameter (key, value)"
                        " VALUES ('defis.temoin', 'production')")
        assert prod_script("stop", env).returncode == 0
        refused = started(dict(env, ADMIN_PASSWORD="un autre mot de passe"))
        assert refused.returncode != 0 and "is not the administrator's" in refused.stdout
        second = started(env)
        assert second.returncode == 0, second.stdout
        assert query(database, "SELECT value FROM ir_config_parameter"
                               " WHERE key = 'defis.temoin'") == [("production",)]
        assert Client(Stack(env), SOURCE, journal).get("/web/login").status_code == 200
    finally:
        prod_script("stop", env)
        drop(database)
        remove_prod_dir(directory)
        assert not os.path.exists(os.path.join(ROOT, ".data", "filestore", "filestore", database))
