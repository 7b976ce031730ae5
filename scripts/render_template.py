"""Render a configuration template: every ``${NAME}`` (capitals, digits and
underscores) is replaced by the environment variable NAME, like the nginx
image's envsubst does; any other ``$`` is left alone (nginx's own variables,
the ``$`` of a regular expression). A name missing from the environment is an
error, so that no setting is silently left empty.

Usage: python scripts/render_template.py TEMPLATE OUTPUT [--mode 600]
"""
import argparse
import os
import re
import sys

PLACEHOLDER = re.compile(r"\$\{([A-Z][A-Z0-9_]*)\}")


def placeholders(text):
    return sorted(set(PLACEHOLDER.findall(text)))


def render(text, environ):
    missing = [name for name in placeholders(text) if name not in environ]
    if missing:
        raise KeyError("not set: %s" % ", ".join(missing))
    return PLACEHOLDER.sub(lambda match: environ[match.group(1)], text)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("template")
    parser.add_argument("output")
    parser.add_argument("--mode", default="644", help="octal file mode of the output")
    args = parser.parse_args(argv)
    with open(args.template, encoding="utf-8") as source:
        text = source.read()
    try:
        rendered = render(text, os.environ)
    except KeyError as error:
        sys.exit("%s: %s" % (args.template, error.args[0]))
    partial = args.output + ".new"
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, int(args.mode, 8))
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(rendered)
    os.chmod(partial, int(args.mode, 8))
    os.replace(partial, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
