"""Build each add-on's README.rst from its readme/ fragments (OCA layout)."""
import ast
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "addons")
SECTIONS = (("DESCRIPTION.rst", None), ("INSTALL.rst", "Installation"),
            ("CONFIGURE.rst", "Configuration"), ("USAGE.rst", "Usage"),
            ("CONTRIBUTORS.rst", "Contributors"))


def title(text, char):
    return "%s\n%s\n%s\n\n" % (char * len(text), text, char * len(text))


def build(addon):
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
    with open(os.path.join(folder, "README.rst"), "w", encoding="utf-8") as readme:
        readme.write("".join(parts).rstrip() + "\n")


if __name__ == "__main__":
    for name in sys.argv[1:] or sorted(os.listdir(ROOT)):
        if os.path.exists(os.path.join(ROOT, name, "__manifest__.py")):
            build(name)
