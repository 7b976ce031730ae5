#!/usr/bin/env bash
# Runs the project's tests (or benchmarks) in throw-away databases.
# Usage: scripts/test.sh CONF DB [bench] [pytest args...]
#
# Tests: two databases, so that the add-ons prove they work without the demo.
#   DB       the add-ons with their own small demo records, without
#            defis_demo: each add-on's own tests (addons/defis_*, but defis_demo);
#   DB_demo  the same with defis_demo, as `make run` builds it: the demo's
#            tests (the article's figures) and tests/ (translations, browser).
# Benchmarks: one database with the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
CONF=$1; DB=$2; shift 2
MODE=tests
if [ "${1:-}" = bench ]; then MODE=bench; shift; fi
PY=${PY:-.venv/bin/python}
DEMO_DB="${DB}_demo"
ADDON_TESTS="addons/defis_network addons/defis_website addons/defis_reuse addons/defis_training \
    addons/defis_security"

drop_dbs() {
    [ -n "${KEEP_DB:-}" ] && return 0
    $PY - "$CONF" "$DB" "$DEMO_DB" <<'PY' || true
import sys, odoo
from odoo.service import db
odoo.tools.config.parse_config(["-c", sys.argv[1], "--log-level=critical"])
for name in sys.argv[2:]:
    if name in db.list_dbs(force=True):
        db.exp_drop(name)
PY
}
trap drop_dbs EXIT

create_db() {
    local start=$(date +%s)
    $PY scripts/create_db.py -c "$CONF" -d "$1" --fresh --log-level=warn "${@:2}"
    echo "[test] database $1 installed in $(( $(date +%s) - start ))s"
}

run_pytest() {
    local db=$1; shift
    $PY -m pytest -p no:cacheprovider -ra "$@" \
        --odoo-config="$CONF" --odoo-database="$db" --odoo-log-level=warn
}

if [ "$MODE" = bench ]; then
    create_db "$DB"
    set +e
    $PY -m pytest -p no:cacheprovider -s -q tests/bench \
        --odoo-config="$CONF" --odoo-database="$DB" "$@"
    exit $?
fi

create_db "$DB" --no-dataset
set +e
# shellcheck disable=SC2086
run_pytest "$DB" $ADDON_TESTS "$@"
addons_status=$?
set -e
create_db "$DEMO_DB"
set +e
run_pytest "$DEMO_DB" addons/defis_demo tests --ignore=tests/bench "$@"
demo_status=$?
echo "[test] add-ons without the demo: exit $addons_status; demo and tests/: exit $demo_status"
# exit 5: pytest collected no test there (e.g. a -k selecting tests of the other run only)
if [ "$addons_status" -eq 5 ] && [ "$demo_status" -eq 5 ]; then
    echo "no test collected" >&2
    exit 5
fi
for status in $addons_status $demo_status; do
    [ "$status" -eq 0 ] || [ "$status" -eq 5 ] || exit "$status"
done
