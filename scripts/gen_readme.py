"""Build each add-on's README.rst from its readme/ fragments (OCA layout).

A fragment may come with a CSV table of the same name (readme/ROLES.csv
beside readme/ROLES.rst): the table is written after the fragment's text."""
import ast
import csv
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "addons")
SECTIONS = (("DESCRIPTION.rst", None), ("INSTALL.rst", "Installation"),
            ("CONFIGURE.rst", "Configuration"), ("USAGE.rst", "Usage"),
            ("ROLES.rst", "Roles"), ("CONTRIBUTORS.rst", "Contributors"))


def title(text, char):
    return "%s\n%s\n%s\n\n" % (char * len(text), text, char * len(text))


def read_matrix(path):
    """Rows of a CSV table as dictionaries (header: first line)."""
    with open(path, encoding="utf-8", newline="") as table:
        return list(csv.DictReader(table))


def matrix_cell(value):
    """``rwc@own-runs d@own-runs-created`` -> ``rwc (own-runs), d (own-runs-created)``."""
    rights = []
    for token in value.split():
        ops, _sep, rule = token.partition("@")
        rights.append("%s (%s)" % (ops, rule) if rule else ops)
    return ", ".join(rights)


def matrix_table(path):
    """The role matrix of ``path`` as a reStructuredText csv-table."""
    rows = read_matrix(path)
    with open(path, encoding="utf-8", newline="") as table:
        header = next(csv.reader(table))
    roles = header[3:]

    def quote(text):
        return '"%s"' % text.replace('"', '""')

    lines = [".. csv-table:: What each role may do",
             "   :header-rows: 1", "   :stub-columns: 1", "",
             "   " + ", ".join(quote(text) for text in ["model (records, field)"] + roles)]
    for row in rows:
        label = row["model"]
        details = [text for text in (row["records"], row["field"]) if text]
        if details:
            label += " (%s)" % ", ".join(details)
        cells = [label] + [matrix_cell(row[role]) for role in roles]
        lines.append("   " + ", ".join(quote(cell) for cell in cells))
    return "\n".join(lines) + "\n"


def readme_text(addon):
    folder = os.path.join(ROOT, addon)
    with open(os.path.join(folder, "__manifest__.py"), encoding="utf-8") as manifest:
        name = ast.literal_eval(manifest.read())["name"]
    parts = [".. Built from readme/ by scripts/gen_readme.py: edit the fragments.\n\n",
             title(name, "=")]
    for fragment, heading in SECTIONS:
        path = os.path.join(folder, "readme", fragment)
        if not os.path.exists(path):
            continue
        if heading:
            parts.append("%s\n%s\n\n" % (heading, "=" * len(heading)))
        with open(path, encoding="utf-8") as text:
            parts.append(text.read().strip() + "\n\n")
        table = os.path.splitext(path)[0] + ".csv"
        if os.path.exists(table):
            parts.append(matrix_table(table) + "\n")
    return "".join(parts).rstrip() + "\n"


def build(addon):
    with open(os.path.join(ROOT, addon, "README.rst"), "w", encoding="utf-8") as readme:
        readme.write(readme_text(addon))


if __name__ == "__main__":
    for name in sys.argv[1:] or sorted(os.listdir(ROOT)):
        if os.path.exists(os.path.join(ROOT, name, "__manifest__.py")):
            build(name)
