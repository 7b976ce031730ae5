"""Backups that restore: the test database (the whole demo) backed up,
restored under another name and compared; a damaged backup is refused; old
backups are pruned."""
import datetime
import json
import os
import subprocess
import sys

import pytest

from odoo.service import db as db_service
from odoo.tools import config

from .stack import ROOT

# scripts/ is importable (conftest.py)
import backup  # noqa: I100 pylint: disable=wrong-import-order
import restore  # noqa: I100 pylint: disable=wrong-import-order

SCRIPTS = os.path.join(ROOT, "scripts")


def run_script(name, *args):
    return subprocess.run([sys.executable, os.path.join(SCRIPTS, name), *args], cwd=ROOT,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, timeout=1200)


def test_restore_check_identical():
    result = run_script("restore_check.py", "-c", config.rcfile, "-d", config["db_name"])
    print(result.stdout)
    assert result.returncode == 0, result.stdout
    summary = json.loads(result.stdout.rsplit("restore-check: ", 1)[1])
    assert summary["differences"] == []
    # the comparison covered the demo, not an empty database
    assert summary["models"] >= 30 and summary["records"] > 5000, summary
    assert summary["files"] > 0, summary
    assert "%s_restore_check" % config["db_name"] not in db_service.list_dbs(force=True)


def test_damaged_backup_refused(tmp_path):
    folder = backup.backup(config.rcfile, config["db_name"], str(tmp_path), keep_days=1)
    with open(os.path.join(folder, "db.dump"), "r+b") as dump:
        dump.seek(-100, os.SEEK_END)
        dump.write(b"\0" * 10)
    with pytest.raises(SystemExit) as refused:
        restore.restore(config.rcfile, folder, "defis_restauree_abimee")
    print(refused.value)
    assert "db.dump is damaged" in str(refused.value)
    assert "defis_restauree_abimee" not in db_service.list_dbs(force=True)


def test_old_backups_pruned(tmp_path):
    now = datetime.datetime(2026, 3, 15, 2, 30)
    names = ["20260228-023000", "20260301-023000", "20260314-023000", "notes"]
    for name in names:
        (tmp_path / name).mkdir()
    backup.prune(str(tmp_path), 14, now)
    assert sorted(os.listdir(str(tmp_path))) == ["20260301-023000", "20260314-023000",
                                                 "notes"]
