# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The workshop's probe run for real: loop devices made from files hold known
data, ``defis-probe`` erases them with the real tools (root only: the tests
fail, they do not skip, where loop devices cannot be made), and real outputs
of lshw, smartctl, dmidecode captured on real machines (tests/data)."""
import json
import os
import shutil
import subprocess
import tempfile

from odoo.addons.defis_reuse.tools import PROBE_PATH, probe

DATA = os.path.join(os.path.dirname(__file__), "data")
# the stick's Python (Debian's), else this one
PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else shutil.which("python3")
SECRET = b"DEFIS-SECRET-"


def sample(name):
    """A sample of tests/data: JSON parsed, other files as text."""
    with open(os.path.join(DATA, name), encoding="utf-8") as data:
        return json.load(data) if name.endswith(".json") else data.read()


def sample_snapshot(asset_tag, **raw):
    """A snapshot as the probe writes it, around real raw outputs."""
    return probe.build_snapshot(asset_tag, raw, [])


class LoopDevice:
    """A block device backed by a file of ``size_mib`` MiB full of known
    data (``SECRET`` and a block number in every 4 KiB block)."""

    def __init__(self, size_mib=32, read_only=False):
        self.size = size_mib * 1024 * 1024
        self.read_only = read_only
        self.folder = tempfile.mkdtemp(prefix="defis-loop-")
        self.backing = os.path.join(self.folder, "disk.img")
        self.path = None

    def __enter__(self):
        with open(self.backing, "wb") as disk:
            for block in range(self.size // 4096):
                disk.write((SECRET + b"%08d-" % block).ljust(4096, b"x"))
        argv = ["losetup", "--find", "--show"] + (["--read-only"] if self.read_only else [])
        done = subprocess.run(argv + [self.backing], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
        if done.returncode:
            shutil.rmtree(self.folder, True)
            raise AssertionError(
                "losetup failed (%s): the erasure tests run the probe on a real loop device "
                "and need root on a machine that has loop devices" % done.stderr.decode().strip())
        self.path = done.stdout.decode().strip()
        return self

    def __exit__(self, *_exc):
        subprocess.run(["losetup", "--detach", self.path])
        shutil.rmtree(self.folder, True)

    def content(self):
        with open(self.backing, "rb") as disk:
            return disk.read()


def run_probe(args, stdin="", env=None):
    """``defis-probe`` in a separate process, as on the workshop's stick."""
    return subprocess.run([PYTHON, PROBE_PATH] + list(args), input=stdin.encode(),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600,
                          env=dict(os.environ, **(env or {})))


def probe_erase(asset_tag, loop, storage_type=None, confirm=None):
    """Run ``defis-probe erase`` on the loop device, the technician typing
    ``confirm`` (the asset tag by default); returns (process, snapshot)."""
    folder = tempfile.mkdtemp(prefix="defis-probe-out-")
    try:
        args = ["erase", "--asset-tag", asset_tag, "--disk", loop.path, "--out", folder]
        if storage_type:
            args += ["--storage-type", storage_type]
        done = run_probe(args, stdin="%s\n" % (asset_tag if confirm is None else confirm))
        files = sorted(os.listdir(folder))
        snapshot = None
        if files:
            with open(os.path.join(folder, files[-1]), encoding="utf-8") as data:
                snapshot = json.load(data)
        return done, snapshot
    finally:
        shutil.rmtree(folder, True)


def ready_device(env, donor, technician, grade="defis_reuse.device_grade_a", **values):
    """A laptop given by ``donor``, erased by ``technician``, checked,
    graded and ready (the workshop's own path)."""
    intake = env["defis.intake"].create({
        "partner_id": donor.id, "date": "2018-03-15", "place": "Lanester",
        "line_ids": [(0, 0, {"category_id": env.ref("defis_reuse.device_category_laptop").id,
                             "quantity": 1, "weight_kg": 2.0})]})
    intake.action_validate()
    lot = intake.lot_ids
    lot.action_defis_refurbish()
    env["defis.erasure"].sudo(technician).create({
        "lot_id": lot.id, "method": "overwrite", "passes": 1, "tool": "nwipe 0.34",
        "standard": "NIST SP 800-88 Rev. 1 — Clear", "date": "2018-03-20"})
    lot.action_defis_set_refurbished()
    lot.defis_check_ids.sudo(technician).write({"done": True})
    lot.write(dict(values, defis_grade_id=env.ref(grade).id))
    lot.action_defis_set_ready()
    return lot


def passport_device(env, who, **values):
    """A device ready with its passport, given by a donor and erased by a
    technician both made for ``who`` (a test's name, unique in the run)."""
    donor = env["res.partner"].create({"name": "Donateur (%s)" % who, "is_company": True})
    technician = env["res.users"].with_context(no_reset_password=True).create({
        "name": "Technicien (%s)" % who, "login": "technicien-%s" % who,
        "email": "technicien-%s@defis.example" % who,
        "groups_id": [(6, 0, [env.ref("defis_reuse.group_defis_technician").id])]})
    return ready_device(env, donor, technician, defis_brand="Dell",
                        defis_model="Latitude E5530", defis_ram_gb=4, **values)


def decode_qr_codes(pdf):
    """The texts of the QR codes printed on a PDF (rendered at 300 dpi)."""
    folder = tempfile.mkdtemp(prefix="defis-qr-")
    try:
        with open(os.path.join(folder, "label.pdf"), "wb") as out:
            out.write(pdf)
        subprocess.run(["pdftoppm", "-r", "300", "-png", os.path.join(folder, "label.pdf"),
                        os.path.join(folder, "page")], check=True)
        pages = sorted(name for name in os.listdir(folder) if name.endswith(".png"))
        done = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable"]
                              + [os.path.join(folder, page) for page in pages],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        return done.stdout.decode().split()
    finally:
        shutil.rmtree(folder, True)
