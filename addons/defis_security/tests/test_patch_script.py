"""scripts/apply_odoo_patches.sh: checks the hashes, applies the series once,
refuses a file it does not know."""
import hashlib
import os
import shutil
import subprocess
import tempfile
import unittest

import odoo

ROOT = os.path.join(os.path.dirname(__file__), "..", "..", "..")
SCRIPT = os.path.join(ROOT, "scripts", "apply_odoo_patches.sh")
PATCHES = os.path.join(ROOT, "patches", "odoo")
SITE = os.path.dirname(os.path.dirname(odoo.__file__))


def targets():
    with open(os.path.join(PATCHES, "targets.sha256")) as lines:
        return [line.split() for line in lines if line.strip() and not line.startswith("#")]


def series():
    with open(os.path.join(PATCHES, "series")) as lines:
        return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def sha256(path):
    with open(path, "rb") as content:
        return hashlib.sha256(content.read()).hexdigest()


class TestPatchScript(unittest.TestCase):

    def setUp(self):
        super().setUp()
        self.site = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.site)
        for _orig, _patched, path in targets():
            os.makedirs(os.path.join(self.site, os.path.dirname(path)), exist_ok=True)
            shutil.copy(os.path.join(SITE, path), os.path.join(self.site, path))

    def run_script(self):
        return subprocess.run(["bash", SCRIPT, self.site], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, universal_newlines=True)

    def unpatch(self):
        """The wheel's files, from the patched ones."""
        for name in reversed(series()):
            subprocess.run(["patch", "-d", self.site, "-p1", "-R", "--batch", "--quiet",
                            "-i", os.path.join(PATCHES, name)], check=True)

    def test_installed_files_are_the_patched_ones(self):
        for _orig, patched, path in targets():
            self.assertEqual(sha256(os.path.join(SITE, path)), patched, path)

    def test_second_run_changes_nothing(self):
        result = self.run_script()
        self.assertEqual(result.returncode, 0, result.stdout)
        self.assertIn("already applied", result.stdout)

    def test_wheel_files_get_patched(self):
        self.unpatch()
        for orig, _patched, path in targets():
            self.assertEqual(sha256(os.path.join(self.site, path)), orig, path)
        result = self.run_script()
        self.assertEqual(result.returncode, 0, result.stdout)
        for name in series():
            self.assertIn("applied %s" % name, result.stdout)
        for _orig, patched, path in targets():
            self.assertEqual(sha256(os.path.join(self.site, path)), patched, path)

    def test_unknown_file_is_refused_and_nothing_changes(self):
        self.unpatch()
        path = os.path.join(self.site, targets()[0][2])
        with open(path, "a") as changed:
            changed.write("\n# changed by hand\n")
        before = {p: sha256(os.path.join(self.site, p)) for _o, _p, p in targets()}
        result = self.run_script()
        self.assertEqual(result.returncode, 1)
        self.assertIn("REFUSED", result.stdout)
        self.assertIn("neither the 11.0.7 wheel's", result.stdout)
        self.assertEqual(before, {p: sha256(os.path.join(self.site, p)) for _o, _p, p in targets()})
