"""Restore a backup of scripts/backup.py as a new database.

The sums are checked first; the database must not exist (stop Odoo and
rename or drop the broken one yourself: nothing is overwritten). The
filestore goes where the configuration's data_dir puts that database's.

Usage: python scripts/restore.py -c ODOO_CONF BACKUP_FOLDER NEW_DB
"""
import argparse
import os
import shutil
import subprocess
import sys
import tarfile

import defis_db


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True, help="the Odoo configuration")
    parser.add_argument("backup", help="a folder BACKUP_DIR/<db>/<date>")
    parser.add_argument("database", help="name of the restored database")
    return parser.parse_args(argv)


def check_sums(folder):
    with open(os.path.join(folder, "SHA256SUMS")) as sums:
        for line in sums:
            expected, name = line.split()
            if defis_db.file_digest(os.path.join(folder, name), "sha256") != expected:
                raise SystemExit("%s: %s is damaged (checksum differs)" % (folder, name))


def restore_database(conf, folder, database):
    env = defis_db.pg_env(conf)
    subprocess.run([defis_db.pg_command("createdb"), "--template=template0",
                    "--encoding=UTF8", database], env=env, check=True)
    subprocess.run([defis_db.pg_command("pg_restore"), "--no-owner", "--exit-on-error",
                    "--dbname", database, os.path.join(folder, "db.dump")],
                   env=env, check=True)


def restore_filestore(conf, folder, database):
    target = defis_db.filestore(conf, database)
    if os.path.exists(target):
        raise SystemExit("%s exists already: nothing restored over it" % target)
    staging = target + ".partial"
    shutil.rmtree(staging, ignore_errors=True)
    os.makedirs(staging)
    with tarfile.open(os.path.join(folder, "filestore.tar.gz")) as archive:
        members = [member for member in archive.getmembers()
                   if member.name.startswith("filestore/") and ".." not in member.name
                   and (member.isfile() or member.isdir())]
        for member in members:
            member.name = member.name[len("filestore/"):]
        archive.extractall(staging, members=members)
    os.rename(staging, target)


def restore(config, folder, database):
    conf = defis_db.read_conf(config)
    check_sums(folder)
    if os.path.exists(defis_db.filestore(conf, database)):
        raise SystemExit("the filestore of %s exists already" % database)
    restore_database(conf, folder, database)
    restore_filestore(conf, folder, database)


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    restore(args.config, args.backup, args.database)
    print("restored %s as %s" % (args.backup, args.database))
    return 0


if __name__ == "__main__":
    sys.exit(main())
