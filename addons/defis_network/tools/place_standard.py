"""The national standard of digital-inclusion places (« Schéma de données des
lieux de médiation numérique » 1.0.2): its columns and constraints, read from
the standard's own ``schema.json`` shipped in ``static/standard/``, and the
reading and validation of a file in that standard with ``frictionless``."""
import copy
import csv
import io
import json
import os
import re

SCHEMA_PATH = os.path.join(
    os.path.dirname(os.path.dirname(__file__)), "static", "standard", "schema.json")
SEPARATOR = "|"
ENCODING = "utf-8"

# the columns whose values come from one controlled vocabulary each: the
# kind of ``defis.place.vocabulary`` that lists them
VOCABULARY_COLUMNS = {
    "itinerance": "itinerance",
    "services": "service",
    "publics_specifiquement_adresses": "public",
    "prise_en_charge_specifique": "support",
    "frais_a_charge": "fee",
    "dispositif_programmes_nationaux": "programme",
    "formations_labels": "label",
    "modalites_acces": "access",
    "modalites_accompagnement": "accompaniment",
}
_SCHEMA = {}

# problems of a whole file
NOT_UTF8 = "not_utf8"
EMPTY = "empty"
NOT_COMMA = "not_comma"


class FileProblem(ValueError):
    """A file that cannot be read as a CSV file of the standard."""

    def __init__(self, kind):
        super().__init__(kind)
        self.kind = kind


def schema():
    """The standard's Table Schema (a dict, read once)."""
    if not _SCHEMA:
        with open(SCHEMA_PATH, encoding="utf-8") as schema_file:
            _SCHEMA.update(json.load(schema_file))
    return _SCHEMA


def fields():
    return schema()["fields"]


def column_names():
    return [field["name"] for field in fields()]


def required_columns():
    return [field["name"] for field in fields()
            if field.get("constraints", {}).get("required")]


def vocabulary_values(column):
    """The values the schema's pattern allows in ``column``, in its order."""
    pattern = next(field for field in fields() if field["name"] == column)[
        "constraints"]["pattern"]
    alternatives = pattern[pattern.index(")(") + 2:-len("))+$")]
    return [re.sub(r"\\(.)", r"\1", value) for value in alternatives.split("|")]


def split(cell):
    """The values of a multi-valued cell."""
    return [value.strip() for value in (cell or "").split(SEPARATOR) if value.strip()]


def join(values):
    return SEPARATOR.join(values)


# reading a file ------------------------------------------------------------------
def read_csv(content):
    """``(header, rows)`` of a CSV file in UTF-8 (with or without the mark
    Excel puts first), comma-separated; ``FileProblem`` otherwise."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileProblem(NOT_UTF8)
    rows = [row for row in csv.reader(io.StringIO(text)) if any(cell.strip() for cell in row)]
    if not rows:
        raise FileProblem(EMPTY)
    header = [label.strip() for label in rows[0]]
    if len(header) == 1 and ";" in header[0]:
        raise FileProblem(NOT_COMMA)
    return header, rows[1:]


def missing_columns(header):
    return [name for name in required_columns() if name not in header]


def in_schema_order(header, rows):
    """Rows as lists in the schema's column order (absent optional columns
    empty, columns the standard does not know left out)."""
    positions = [header.index(name) if name in header else None for name in column_names()]
    return [[(row[index] if index is not None and index < len(row) else "")
             for index in positions] for row in rows]


def validate(rows):
    """Errors of ``rows`` (in schema order) against the standard, as dicts:
    ``row`` (line of the file, the header being line 1), ``column``,
    ``code`` (frictionless's), ``constraint`` and ``cell``."""
    import frictionless  # 0.7 s to import: only when a file is checked

    resource = frictionless.Resource(
        data=[column_names()] + rows, schema=frictionless.Schema(copy.deepcopy(schema())))
    report = frictionless.validate(resource)
    errors = []
    for task in report.tasks:
        for error in task.errors:
            note = error.get("note") or ""
            errors.append({
                "row": error.get("rowPosition"),
                "column": error.get("fieldName"),
                "code": error.code,
                "constraint": note.split('"')[1] if note.startswith("constraint") else "",
                "cell": error.get("cell"),
            })
    return errors
