"""Back up one Odoo database and its filestore; keep the last days' backups.

A backup is a folder BACKUP_DIR/<db>/<YYYYmmdd-HHMMSS>/ holding
``db.dump`` (pg_dump's custom format), ``filestore.tar.gz`` and
``SHA256SUMS``; it is written under a temporary name and renamed when
complete. Backups of that database older than --keep-days are deleted.
Called every night by the systemd timer of config/systemd/ (or cron); restore
with scripts/restore.py.

Usage: python scripts/backup.py -c ODOO_CONF -d DB [--dest DIR] [--keep-days N]
Prints the folder of the new backup.
"""
import argparse
import datetime
import os
import shutil
import subprocess
import sys
import tarfile

import defis_db

STAMP = "%Y%m%d-%H%M%S"


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True, help="the Odoo configuration")
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--dest", default=os.environ.get("BACKUP_DIR", ".data/backups"))
    parser.add_argument("--keep-days", type=int,
                        default=int(os.environ.get("BACKUP_KEEP_DAYS", "14")))
    return parser.parse_args(argv)


def dump_database(conf, database, target):
    subprocess.run([defis_db.pg_command("pg_dump"), "--format=custom", "--no-owner",
                    "--file", target, database], env=defis_db.pg_env(conf), check=True)


def archive_filestore(conf, database, target):
    source = defis_db.filestore(conf, database)
    with tarfile.open(target, "w:gz") as archive:
        if os.path.isdir(source):
            archive.add(source, arcname="filestore")


def write_sums(folder, names):
    with open(os.path.join(folder, "SHA256SUMS"), "w") as out:
        for name in names:
            out.write("%s  %s\n" % (
                defis_db.file_digest(os.path.join(folder, name), "sha256"), name))


def prune(parent, keep_days, now):
    """Delete the complete backups older than ``keep_days`` days."""
    limit = now - datetime.timedelta(days=keep_days)
    for name in sorted(os.listdir(parent)):
        try:
            taken = datetime.datetime.strptime(name, STAMP)
        except ValueError:
            continue
        if taken < limit:
            shutil.rmtree(os.path.join(parent, name))


def backup(config, database, dest, keep_days, now=None):
    conf = defis_db.read_conf(config)
    now = now or datetime.datetime.now()
    parent = os.path.join(os.path.abspath(dest), database)
    folder = os.path.join(parent, now.strftime(STAMP))
    partial = folder + ".partial"
    os.makedirs(partial, mode=0o700)
    try:
        dump_database(conf, database, os.path.join(partial, "db.dump"))
        archive_filestore(conf, database, os.path.join(partial, "filestore.tar.gz"))
        write_sums(partial, ["db.dump", "filestore.tar.gz"])
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    os.rename(partial, folder)
    prune(parent, keep_days, now)
    return folder


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    print(backup(args.config, args.database, args.dest, args.keep_days))
    return 0


if __name__ == "__main__":
    sys.exit(main())
