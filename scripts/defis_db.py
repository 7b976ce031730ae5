"""What the backup, restore and upgrade checks share: the PostgreSQL server
and filestore an Odoo configuration names, and the figures of a database
that must survive a backup or an upgrade (record counts of every model of
the Défis add-ons, the attachments' checksums). Plain SQL, no Odoo
registry: the same code reads a database of any version of the add-ons."""
import configparser
import hashlib
import os
import shutil

import psycopg2

PG_BIN = "/usr/lib/postgresql/15/bin"
MODULE_PREFIX = "defis_"
# standard models holding the association's records, beside its own
EXTENDED_MODELS = (
    "res.partner", "res.users", "stock.production.lot", "stock.move", "pos.order",
    "pos.order.line", "event.event", "event.registration", "membership.membership_line",
    "account.move", "ir.attachment", "mail.message",
)


def read_conf(path):
    parser = configparser.RawConfigParser()
    parser.read(path)
    options = dict(parser.items("options"))

    def value(name):
        raw = options.get(name, "")
        return "" if raw in ("", "False", "false", "None") else raw
    return {name: value(name) for name in (
        "db_host", "db_port", "db_user", "db_password", "data_dir")}


def pg_command(name):
    path = os.path.join(PG_BIN, name)
    return path if os.path.exists(path) else shutil.which(name) or name


def pg_env(conf):
    """Environment of the PostgreSQL client programs (pg_dump, pg_restore)."""
    env = dict(os.environ)
    for key, variable in (("db_host", "PGHOST"), ("db_port", "PGPORT"),
                          ("db_user", "PGUSER"), ("db_password", "PGPASSWORD")):
        env.pop(variable, None)
        if conf[key]:
            env[variable] = conf[key]
    return env


def connect(conf, database):
    params = {"dbname": database}
    for key, name in (("db_host", "host"), ("db_port", "port"), ("db_user", "user"),
                      ("db_password", "password")):
        if conf[key]:
            params[name] = conf[key]
    connection = psycopg2.connect(**params)
    connection.set_session(readonly=True, autocommit=True)
    return connection


def filestore(conf, database):
    data_dir = conf["data_dir"] or os.path.expanduser("~/.local/share/Odoo")
    return os.path.join(data_dir, "filestore", database)


def defis_models(cursor):
    """Stored models of the Défis add-ons, and the standard ones they fill:
    {model: table}."""
    cursor.execute("""
        SELECT m.model FROM ir_model m
          JOIN ir_model_data d ON d.model = 'ir.model' AND d.res_id = m.id
         WHERE d.module LIKE %s AND NOT m.transient
    """, [MODULE_PREFIX + "%"])
    names = {row[0] for row in cursor.fetchall()} | set(EXTENDED_MODELS)
    cursor.execute("""
        SELECT relname FROM pg_class
         WHERE relkind IN ('r', 'v', 'm') AND relnamespace = 'public'::regnamespace
    """)
    tables = {row[0] for row in cursor.fetchall()}
    return {name: name.replace(".", "_") for name in sorted(names)
            if name.replace(".", "_") in tables}


def record_counts(cursor):
    counts = {}
    for model, table in defis_models(cursor).items():
        cursor.execute('SELECT count(*) FROM "%s"' % table)
        counts[model] = cursor.fetchone()[0]
    return counts


def attachment_checksums(cursor):
    """{attachment id: (store_fname, checksum)}"""
    cursor.execute("SELECT id, store_fname, checksum FROM ir_attachment ORDER BY id")
    return {row[0]: (row[1], row[2]) for row in cursor.fetchall()}


def file_digest(path, algorithm="sha1"):
    """Hex digest of a file's content (sha1: Odoo's attachment checksum)."""
    digest = hashlib.new(algorithm)
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def figures(conf, database):
    """Record counts and attachment checksums of ``database``, read in one
    snapshot."""
    connection = connect(conf, database)
    try:
        with connection.cursor() as cursor:
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            result = {"counts": record_counts(cursor),
                      "attachments": attachment_checksums(cursor)}
            cursor.execute("COMMIT")
        return result
    finally:
        connection.close()


def compare_counts(before, after):
    """Lines telling each model whose count differs (none: identical);
    models only in ``after`` (new in this version) are not differences."""
    return ["%s: %s -> %s" % (model, count, after.get(model, "missing"))
            for model, count in sorted(before.items()) if after.get(model) != count]
