"""Prove that a database of the previous release updates to the working
tree's add-ons without losing data (``make upgrade-check``).

1. The add-ons and create_db.py of the release named in config/upgrade-base
   (its tag, else its commit) are taken from git into .data/upgrade/.
2. That release creates the database UPGRADE_DB with its own demo data, which
   then stands for the association's records: the add-ons are flagged as
   holding no demo, as in production, so that the update does not load demo
   files again.
3. The working tree's add-ons update it (odoo-bin -u; the add-ons of ADDONS
   that the release did not have are installed, -i), running the migrations
   of addons/*/migrations/<version>/.
4. No Défis model may have fewer records than before, every attachment must
   still be there with its checksum (the update's own new records are
   printed); every add-on must be at its manifest's version.

Usage: python scripts/upgrade_check.py -c ODOO_CONF [-d DB] [--keep]
"""
import argparse
import ast
import configparser
import os
import shutil
import subprocess
import sys

import defis_db
from create_db import ADDONS
from restore_check import drop

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
PY = sys.executable


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", default=os.environ.get("UPGRADE_DB",
                                                                   "defis_upgrade"))
    parser.add_argument("--keep", action="store_true", help="keep the database")
    return parser.parse_args(argv)


def git(*args):
    return subprocess.run(["git", *args], cwd=ROOT, check=True, stdout=subprocess.PIPE,
                          universal_newlines=True).stdout.strip()


def base_release():
    """(name, commit) of the release to upgrade from: its tag if this clone
    has it, else the commit recorded beside it."""
    with open(os.path.join(ROOT, "config", "upgrade-base")) as handle:
        tag, commit = [line for line in handle if not line.startswith("#")][0].split()
    try:
        return tag, git("rev-parse", "--verify", "-q", "refs/tags/%s^{commit}" % tag)
    except subprocess.CalledProcessError:
        try:
            git("cat-file", "-e", "%s^{commit}" % commit)
        except subprocess.CalledProcessError:
            raise SystemExit("neither the tag %s nor the commit %s is in this clone "
                             "(a shallow clone? git fetch --unshallow --tags)" % (tag, commit))
        return tag, commit


def extract(commit, target):
    shutil.rmtree(target, ignore_errors=True)
    os.makedirs(target)
    archive = subprocess.Popen(["git", "archive", commit, "addons", "scripts/create_db.py"],
                               cwd=ROOT, stdout=subprocess.PIPE)
    subprocess.run(["tar", "-x", "-C", target], stdin=archive.stdout, check=True)
    if archive.wait():
        raise SystemExit("git archive %s failed" % commit)


def old_config(config, old_addons, target):
    """The configuration with the release's add-ons instead of ours."""
    parser = configparser.RawConfigParser()
    parser.read(config)
    paths = parser.get("options", "addons_path").split(",")
    ours = os.path.join(ROOT, "addons")
    parser.set("options", "addons_path", ",".join(
        old_addons if os.path.abspath(path) == ours else path for path in paths))
    with open(target, "w") as out:
        parser.write(out)
    os.chmod(target, 0o600)


def installed_addons(conf, database):
    connection = defis_db.connect(conf, database)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT name, latest_version FROM ir_module_module"
                           " WHERE state = 'installed' AND name IN %s", [tuple(ADDONS)])
            return dict(cursor.fetchall())
    finally:
        connection.close()


def flag_as_production(conf, database):
    """The demo's records become the association's own: no demo reload."""
    connection = defis_db.connect(conf, database)
    connection.set_session(readonly=False, autocommit=True)
    try:
        with connection.cursor() as cursor:
            cursor.execute("UPDATE ir_module_module SET demo = false")
    finally:
        connection.close()


def manifest_versions():
    versions = {}
    for name in ADDONS:
        with open(os.path.join(ROOT, "addons", name, "__manifest__.py")) as handle:
            versions[name] = ast.literal_eval(handle.read())["version"]
    return versions


def run(command):
    print("+ %s" % " ".join(command), flush=True)
    subprocess.run(command, cwd=ROOT, check=True)


def upgrade(config, database, old_installed):
    update = [name for name in ADDONS if name in old_installed]
    install = [name for name in ADDONS if name not in old_installed]
    command = [PY, os.path.join(ROOT, "scripts", "odoo-bin"), "-c", config, "-d", database,
               "-u", ",".join(update), "--stop-after-init", "--log-level=warn"]
    if install:
        command += ["-i", ",".join(install)]
    run(command)


def lost_records(before, after):
    """The update may add records (the new version's own data: a journal, a
    category's picture); it loses none."""
    return ["%s: %s -> %s" % (model, count, after.get(model, "missing"))
            for model, count in sorted(before.items()) if after.get(model, 0) < count]


def changed_attachments(before, after):
    """Every file of the database is still there, unchanged."""
    changed = sorted(key for key, value in before.items() if after.get(key) != value)
    return ["attachments changed or lost: %s" % changed[:10]] if changed else []


def check(config, database):
    conf = defis_db.read_conf(config)
    tag, commit = base_release()
    workdir = os.path.join(ROOT, ".data", "upgrade")
    old = os.path.join(workdir, commit[:12])
    extract(commit, old)
    old_conf = os.path.join(workdir, "odoo-old.conf")
    old_config(config, os.path.join(old, "addons"), old_conf)
    print("upgrade-check: %s (%s) -> working tree, database %s" % (tag, commit[:12], database))
    run([PY, os.path.join(old, "scripts", "create_db.py"), "-c", old_conf, "-d", database,
         "--fresh", "--log-level=warn"])
    old_installed = installed_addons(conf, database)
    flag_as_production(conf, database)
    before = defis_db.figures(conf, database)
    upgrade(config, database, old_installed)
    after = defis_db.figures(conf, database)
    differences = lost_records(before["counts"], after["counts"])
    differences += changed_attachments(before["attachments"], after["attachments"])
    versions = installed_addons(conf, database)
    for name, version in manifest_versions().items():
        if versions.get(name) != version:
            differences.append("%s at %s, not %s" % (name, versions.get(name), version))
    return old_installed, versions, before, after, differences


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    try:
        old, new, before, after, differences = check(os.path.abspath(args.config),
                                                     args.database)
    finally:
        if not args.keep:
            drop(defis_db.read_conf(args.config), args.database)
    for name in ADDONS:
        print("%-20s %-12s -> %s" % (name, old.get(name, "-"), new.get(name)))
    for model in sorted(set(before["counts"]) | set(after["counts"])):
        print("%-45s %8s %8s" % (model, before["counts"].get(model, "-"),
                                 after["counts"].get(model, "-")))
    added = ["%s +%d" % (model, after["counts"][model] - count)
             for model, count in sorted(before["counts"].items())
             if after["counts"].get(model, 0) > count]
    print("upgrade-check: %d models, %d records, %d attachments compared; added by the "
          "update: %s; %s" % (
              len(before["counts"]), sum(before["counts"].values()), len(before["attachments"]),
              ", ".join(added) or "nothing",
              "; ".join(differences) or "nothing lost or changed"))
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
