"""Compare the failures of Odoo's own tests (a JUnit XML file of pytest) with
the known failures of the 2018 snapshot, and with the tests whose outcome the
add-ons change on purpose (CHANGED.txt next to KNOWN.txt, each with its reason).
Usage: compare.py RESULTS.xml KNOWN.txt [--write]"""
import os
import sys
import xml.etree.ElementTree as ElementTree

PREFIX = "odoo.addons."


def test_id(case):
    """``module.tests.test_file.Class::test``, whatever the path pytest saw."""
    classname = case.get("classname")
    classname = classname[classname.index(PREFIX) + len(PREFIX):] \
        if PREFIX in classname else classname
    return "%s::%s" % (classname, case.get("name"))


def outcomes(path):
    passed, failed = set(), set()
    for case in ElementTree.parse(path).iter("testcase"):
        if case.find("skipped") is not None:
            continue
        broken = case.find("failure") is not None or case.find("error") is not None
        (failed if broken else passed).add(test_id(case))
    return passed, failed


def read_known(path):
    with open(path) as known:
        return {line.strip() for line in known if line.strip() and not line.startswith("#")}


def read_changed(path):
    """``test  reason`` lines: the tests our add-ons change on purpose."""
    if not os.path.exists(path):
        return {}
    with open(path) as changed:
        rows = (line.split(None, 1) for line in changed
                if line.strip() and not line.startswith("#"))
        return {row[0]: row[1].strip() if len(row) > 1 else "" for row in rows}


def main(results, known_path, write=False):
    passed, failed = outcomes(results)
    if not passed and not failed:
        print("[test-odoo] no test ran")
        return 1
    if write:
        with open(known_path, "w") as known:
            known.write("# Odoo's own tests failing on a finished database of the 2018 snapshot\n"
                        "# (Odoo's demo, every module installed) without the Défis add-ons:\n"
                        "# written by scripts/test_odoo.sh --baseline\n")
            known.writelines(name + "\n" for name in sorted(failed))
        print("[test-odoo] %d passed, %d known failures written to %s"
              % (len(passed), len(failed), known_path))
        return 0
    known = read_known(known_path)
    changed = read_changed(os.path.join(os.path.dirname(known_path), "changed_on_purpose.txt"))
    for name in sorted(failed & set(changed)):
        print("[test-odoo] changed on purpose: %s (%s)" % (name, changed[name]))
    new = sorted(failed - known - set(changed))
    fixed = sorted(known & passed)
    print("[test-odoo] %d passed, %d failed (%d known failures of the snapshot)"
          % (len(passed), len(failed), len(failed & known)))
    for name in fixed:
        print("[test-odoo] known failure now passing: %s" % name)
    for name in new:
        print("[test-odoo] NEW FAILURE with the Défis add-ons: %s" % name)
    return 1 if new else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], "--write" in sys.argv[3:]))
