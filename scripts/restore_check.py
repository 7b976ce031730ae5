"""Prove that a backup restores: back up DB (scripts/backup.py), restore it
as DB_restore_check (scripts/restore.py), then compare the record counts of
every model of the Défis add-ons and each attachment's checksum, both in the
database and against the restored file's content. The restored copy and the
backup are deleted afterwards (--keep keeps them).

Usage: python scripts/restore_check.py -c ODOO_CONF -d DB [--keep]
Prints the comparison, then a line "restore-check: {json}"; exits 1 on any
difference.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

import defis_db
from backup import backup
from restore import restore


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--keep", action="store_true")
    return parser.parse_args(argv)


def file_differences(conf, database, attachments):
    """Attachments whose restored file is missing or does not hash to its
    checksum."""
    root = defis_db.filestore(conf, database)
    wrong = []
    for attachment_id, (store_fname, checksum) in sorted(attachments.items()):
        if not store_fname:
            continue
        path = os.path.join(root, store_fname)
        if not os.path.exists(path):
            wrong.append("attachment %d: %s missing" % (attachment_id, store_fname))
        elif defis_db.file_digest(path) != checksum:
            wrong.append("attachment %d: %s differs" % (attachment_id, store_fname))
    return wrong


def drop(conf, database):
    subprocess.run([defis_db.pg_command("dropdb"), "--if-exists", database],
                   env=defis_db.pg_env(conf), check=True)
    shutil.rmtree(defis_db.filestore(conf, database), ignore_errors=True)


def check(config, database, keep=False):
    conf = defis_db.read_conf(config)
    copy = "%s_restore_check" % database
    drop(conf, copy)
    workdir = tempfile.mkdtemp(prefix="restore-check-")
    try:
        before = defis_db.figures(conf, database)
        folder = backup(config, database, workdir, keep_days=1)
        restore(config, folder, copy)
        after = defis_db.figures(conf, copy)
        differences = defis_db.compare_counts(before["counts"], after["counts"])
        if before["attachments"] != after["attachments"]:
            differences.append("attachment checksums differ in the database")
        differences += file_differences(conf, copy, after["attachments"])
    finally:
        if not keep:
            drop(conf, copy)
            shutil.rmtree(workdir, ignore_errors=True)
    return before, differences


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    before, differences = check(args.config, args.database, args.keep)
    for model, count in sorted(before["counts"].items()):
        print("%-45s %8d" % (model, count))
    files = sum(1 for fname, _sum in before["attachments"].values() if fname)
    summary = {"database": args.database, "models": len(before["counts"]),
               "records": sum(before["counts"].values()),
               "attachments": len(before["attachments"]), "files": files,
               "differences": differences}
    print("restore-check: %s" % json.dumps(summary))
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
