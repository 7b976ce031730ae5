# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import gc
import importlib.util
import os
import tempfile

from odoo.tools import convert_xml_import

from odoo.addons.defis_network.tests.common import DefisCase

GENERATOR = os.path.join(os.path.dirname(__file__), "..", "scripts", "gen_network_demo.py")


def generator():
    spec = importlib.util.spec_from_file_location("gen_network_demo", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestDemoLoader(DefisCase):
    """The demo's long files let go of the environments of their records."""

    def _loaded_environments(self, text):
        with tempfile.NamedTemporaryFile("w", suffix=".xml", encoding="utf-8") as xml_file:
            xml_file.write(text)
            xml_file.flush()
            convert_xml_import(self.env.cr, "defis_demo", xml_file.name, {}, mode="init",
                               noupdate=True)
        gc.collect()
        return [env for env in self.env.all if "install_mode_data" in env.context]

    def test_a_generated_file_of_100_records_keeps_few_environments(self):
        live = self._loaded_environments(self._hundred_records_text())
        # Odoo's loader makes an environment per record: the cache keeps
        # them until released, every RECORDS_PER_RELEASE records
        self.assertLessEqual(len(live), 2 * generator().RECORDS_PER_RELEASE)
        self.assertEqual(
            self.env["res.partner"].search_count([("name", "=like", "Contact %")]), 100)

    def test_without_a_release_the_environments_stay(self):
        # the measure above can fail: the same records without the releases
        text = "\n".join(line for line in self._hundred_records_text().splitlines()
                         if "_defis_release_environments" not in line)
        self.assertGreaterEqual(len(self._loaded_environments(text)), 100)

    def _hundred_records_text(self):
        writer = generator().Writer("loader_test.xml")
        for number in range(100):
            writer.record("loader_test_%d" % number, "res.partner",
                          [("name", "Contact %d" % number)])
        return writer.text()

    def test_every_network_file_releases_every_25_records(self):
        gen = generator()
        folder = gen.DEMO_DIR
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), encoding="utf-8") as xml_file:
                run = longest = 0
                for line in xml_file:
                    if "_defis_release_environments" in line:
                        run = 0
                    elif line.lstrip().startswith("<record "):
                        run += 1
                        longest = max(longest, run)
            self.assertLessEqual(longest, gen.RECORDS_PER_RELEASE, name)
