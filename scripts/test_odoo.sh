#!/usr/bin/env bash
# Odoo's own tests of the modules the Défis add-ons extend, run on a finished
# database (Odoo's generic demo, every module installed) WITH the Défis
# add-ons in the registry, compared with tests/odoo/known_failures.txt: the
# failures of the 2018 snapshot itself, on the same database without them.
# A new failure fails the run; a known failure that passes is reported.
# Usage: scripts/test_odoo.sh CONF [--baseline]
#   --baseline  builds the database without the Défis add-ons and rewrites
#               the list of known failures from it.
set -euo pipefail
cd "$(dirname "$0")/.."
CONF=$1; MODE=${2:-compare}
PY=.venv/bin/python
# lessc of the set-up, for the pages' style sheets
export PATH="$(pwd)/.tools/node_modules/.bin:$PATH"
ODOO=.venv/lib/python3.7/site-packages/odoo/addons
KNOWN=tests/odoo/known_failures.txt
# the Odoo and OCA modules the add-ons depend on, and whose tests run
INSTALL=contacts,mail,portal,membership_extension,membership_variable_period,report_xlsx,stock,point_of_sale,l10n_fr,website_event
TESTED="base web mail portal membership product stock point_of_sale account event website
        website_event report_xlsx membership_extension membership_variable_period"
# the Défis add-ons a database of the association has (create_db.py's list)
DEFIS=$(cd scripts && ../$PY -c 'import create_db; print(",".join(create_db.ADDONS))')
DB=defis_odoo_tests
if [ "$MODE" = --baseline ]; then DB=defis_odoo_baseline; DEFIS=; fi
mkdir -p artifacts
RESULTS=artifacts/$DB.xml

drop_db() {
    [ -n "${KEEP_DB:-}" ] && return 0
    $PY - "$CONF" "$DB" <<'PY' || true
import sys, odoo
from odoo.service import db
odoo.tools.config.parse_config(["-c", sys.argv[1], "--log-level=critical"])
if sys.argv[2] in db.list_dbs(force=True):
    db.exp_drop(sys.argv[2])
PY
}
trap drop_db EXIT

# Odoo 11's HttpCase reads the HTTP port when odoo.tests is imported, before
# pytest-odoo reads the configuration: the server of this run listens on
# Odoo's default port, 8069.
port=$(sed -n 's/^http_port = //p' "$CONF")
if [ "$port" != 8069 ]; then echo "[test-odoo] $CONF must serve on port 8069" >&2; exit 2; fi
if (exec 3<>/dev/tcp/127.0.0.1/8069) 2>/dev/null; then
    echo "[test-odoo] port 8069 is taken (is 'make run' running?): stop it first" >&2; exit 2
fi

drop_db
start=$(date +%s)
echo "[test-odoo] database $DB: Odoo's demo, $INSTALL${DEFIS:+, $DEFIS}"
$PY scripts/odoo-bin -c "$CONF" -d "$DB" -i "$INSTALL${DEFIS:+,$DEFIS}" \
    --without-demo= --stop-after-init --log-level=warn \
    --logfile=artifacts/$DB.log
echo "[test-odoo] installed in $(( $(date +%s) - start ))s"

# The pages' asset bundles, compiled once and committed: Odoo's HttpCase
# requests time out after 10 s, less than a cold compilation takes, and
# bundles compiled on the test cursor are rolled back after every test.
$PY - "$CONF" "$DB" <<'PY'
import sys, odoo
odoo.tools.config.parse_config(["-c", sys.argv[1], "--log-level=warn"])
BUNDLES = ("web.assets_common", "web.assets_backend", "web.assets_frontend",
           "web_editor.summernote", "web_editor.assets_editor", "website.assets_editor",
           "point_of_sale.assets")
with odoo.api.Environment.manage(), odoo.registry(sys.argv[2]).cursor() as cr:
    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
    for bundle in BUNDLES:
        if env.ref(bundle, raise_if_not_found=False):
            env["ir.qweb"]._get_asset_nodes(bundle, {})
PY

paths=()
for module in $TESTED; do paths+=("$ODOO/$module/tests"); done
set +e
$PY -m pytest -p no:cacheprovider -p no:warnings -q "${paths[@]}" --odoo-config="$CONF" \
    --odoo-database="$DB" --odoo-log-level=critical --junitxml="$RESULTS" >artifacts/$DB.out 2>&1
set -e
tail -n 1 artifacts/$DB.out
echo "[test-odoo] tests ran in $(( $(date +%s) - start ))s in all"
if [ "$MODE" = --baseline ]; then
    $PY tests/odoo/compare.py "$RESULTS" "$KNOWN" --write
else
    [ -n "$DEFIS" ] || { echo "[test-odoo] no Défis add-on found in create_db.py" >&2; exit 2; }
    $PY tests/odoo/compare.py "$RESULTS" "$KNOWN"
fi
