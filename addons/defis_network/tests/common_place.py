"""Helpers of the tests of the national map: complete places, files in the
standard, and the standard's own validator run as its CI runs it."""
import base64
import csv
import io
import os
import shutil
import tempfile

import frictionless

from odoo.addons.l10n_fr_siret.models.partner import _check_luhn

from ..tools.place_standard import SCHEMA_PATH

STANDARD_FOLDER = os.path.dirname(SCHEMA_PATH)
EXAMPLE_PATH = os.path.join(STANDARD_FOLDER, "exemple-valide.csv")


def luhn_completed(body):
    """``body`` followed by the digit that makes it pass the Luhn check."""
    return next(body + digit for digit in "0123456789" if _check_luhn(body + digit))


def make_siret(number):
    """A SIRET with valid check digits (SIREN and SIRET), made up from ``number``."""
    siren = luhn_completed("7%07d" % number)
    return luhn_completed(siren + "0001")


def standard_report(content, filename="lieux.csv"):
    """frictionless's report on ``content`` against the standard's schema,
    validated as the standard's CI does (``frictionless validate --schema
    schema.json lieux.csv``) inside a folder holding both: frictionless refuses
    absolute paths."""
    folder = tempfile.mkdtemp()
    cwd = os.getcwd()
    try:
        shutil.copy(SCHEMA_PATH, folder)
        with open(os.path.join(folder, filename), "wb") as data_file:
            data_file.write(content)
        os.chdir(folder)
        return frictionless.validate(filename, schema="schema.json")
    finally:
        os.chdir(cwd)
        shutil.rmtree(folder)


def report_errors(report):
    return report.flatten(["rowPosition", "fieldName", "code", "note"])


def example_rows():
    """Header and rows of the standard's own valid example."""
    with open(EXAMPLE_PATH, encoding="utf-8") as example:
        rows = list(csv.reader(example))
    return rows[0], rows[1:]


def to_csv(header, rows):
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(header)
    writer.writerows(rows)
    return text.getvalue().encode("utf-8")


def create_place(env, name, number, published=False, **values):
    """A structure of the network with everything the standard requires;
    ``number`` makes its SIRET and street number."""
    siret = make_siret(number)
    place_values = {
        "name": name, "is_company": True, "siren": siret[:9], "nic": siret[9:],
        "street": "%d rue de la Gare" % number, "zip": "56100", "city": "Lorient",
        "country_id": env.ref("base.fr").id,
        "defis_structure_type_id": env.ref("defis_network.structure_type_ccas").id,
        "defis_affiliation_date": "2018-03-01", "defis_place_published": published,
    }
    place_values.update(values)
    return env["res.partner"].create(place_values)


class PlaceMixin:
    """For DefisCase tests: complete places and the import wizard."""

    @classmethod
    def create_place(cls, name, number, published=False, **values):
        return create_place(cls.env, name, number, published, **values)

    @classmethod
    def vocabulary(cls, name):
        return cls.env.ref("defis_network.place_%s" % name)

    def import_wizard(self, content, user=None):
        wizard = self.env["defis.place.import"]
        if user:
            wizard = wizard.sudo(user)
        return wizard.with_context(lang="fr_FR").create({
            "file": base64.b64encode(content), "filename": "lieux.csv"})
