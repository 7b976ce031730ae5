# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import csv
import io

from odoo.addons.defis_network.tests.common import DefisCase
from odoo.addons.defis_network.tests.common_place import report_errors, standard_report


class TestPlaceDemo(DefisCase):
    """The demo network on the national map of digital-inclusion places."""

    def test_demo_export_validates_against_the_standard(self):
        export = self.env["defis.place.export"]
        content = export.place_csv(export.place_rows(export._published_places()))
        report = standard_report(content)
        self.assertEqual(report_errors(report), [])
        self.assertTrue(report.valid)
        published = self.env["res.partner"].search([("defis_place_published", "=", True)])
        self.assertGreaterEqual(len(published), 13)
        rows = list(csv.DictReader(io.StringIO(content.decode("utf-8"))))
        self.assertEqual(len(rows), len(published))
