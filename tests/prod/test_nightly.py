"""The nightly job of the production stack (scripts/prod.sh nightly, run by
the systemd timer): a backup that can be restored, and logs rotated while
Odoo and nginx keep writing into the new files."""
import datetime
import os
import subprocess
import time

from .stack import ROOT, Client

SOURCE = "127.0.0.19"


def read(path):
    if not os.path.exists(path):
        return ""
    with open(path, encoding="utf-8", errors="replace") as handle:
        return handle.read()


def logged_after_rotation(client, logs, timeout=30):
    """Requests marked ?after-rotation=N until one shows in both new logs
    (nginx's workers reopen theirs a moment after the signal)."""
    deadline = time.monotonic() + timeout
    number = 0
    while time.monotonic() < deadline:
        number += 1
        client.get("/web/login?after-rotation=%d" % number)
        access = read(os.path.join(logs, "nginx-access.log"))
        odoo = read(os.path.join(logs, "odoo.log"))
        if "after-rotation=" in access and "after-rotation=" in odoo:
            return number
        time.sleep(0.5)
    raise AssertionError("no request logged in the new files: %s\nnginx: %s\nodoo: %s" % (
        os.listdir(logs), access[-300:], odoo[-300:]))


def last_rotated_yesterday(stack, names):
    """logrotate's state as after the previous night's run."""
    yesterday = (datetime.datetime.now() - datetime.timedelta(days=1)).strftime(
        "%Y-%m-%d-2:30:0")
    with open(os.open(stack.path("logrotate.state"), os.O_WRONLY | os.O_CREAT, 0o600),
              "w") as state:
        state.write("logrotate state -- version 2\n")
        for name in names:
            state.write('"%s" %s\n' % (os.path.realpath(stack.path("log", name)), yesterday))


def test_nightly_backup_and_log_rotation(stack):
    logs = stack.path("log")
    Client(stack, SOURCE).get("/web/login")
    last_rotated_yesterday(stack, ["odoo.log", "nginx-access.log", "nginx-error.log"])
    result = subprocess.run([os.path.join(ROOT, "scripts", "prod.sh"), "nightly"], cwd=ROOT,
                            env=stack.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            universal_newlines=True, timeout=1200)
    print(result.stdout)
    assert result.returncode == 0, result.stdout
    backups = os.path.join(stack.path("backups"), stack.database)
    taken = os.listdir(backups)
    assert len(taken) == 1 and not taken[0].endswith(".partial"), taken
    assert sorted(os.listdir(os.path.join(backups, taken[0]))) == [
        "SHA256SUMS", "db.dump", "filestore.tar.gz"]
    for name in ("odoo.log", "nginx-access.log"):
        assert os.path.exists(os.path.join(logs, name + ".1")), os.listdir(logs)
    # both reopen their file: the next requests are written in the new ones
    tries = logged_after_rotation(Client(stack, SOURCE), logs)
    print("logged in the new files after %d request(s)" % tries)
    assert "after-rotation=" not in read(os.path.join(logs, "odoo.log.1"))
