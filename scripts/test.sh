#!/usr/bin/env bash
# Runs the project's tests (or benchmarks) in a throw-away database.
# Usage: scripts/test.sh CONF DB [bench] [pytest args...]
set -euo pipefail
cd "$(dirname "$0")/.."
CONF=$1; DB=$2; shift 2
MODE=tests
if [ "${1:-}" = bench ]; then MODE=bench; shift; fi
PY=.venv/bin/python

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

start=$(date +%s)
$PY scripts/create_db.py -c "$CONF" -d "$DB" --fresh --log-level=warn
echo "[test] database $DB installed in $(( $(date +%s) - start ))s"

if [ "$MODE" = bench ]; then
    set +e
    $PY -m pytest -p no:cacheprovider -s -q tests/bench \
        --odoo-config="$CONF" --odoo-database="$DB" "$@"
else
    set +e
    $PY -m pytest -p no:cacheprovider -ra addons tests --ignore=tests/bench \
        --odoo-config="$CONF" --odoo-database="$DB" --odoo-log-level=warn "$@"
fi
status=$?
[ $status -eq 5 ] && echo "no test collected" >&2
exit $status
