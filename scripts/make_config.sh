#!/usr/bin/env bash
# Writes an Odoo configuration (default .data/odoo.conf) from
# config/odoo.conf.template; the master password it draws is kept on later
# runs. Usage: scripts/make_config.sh [FILE]; HTTP_PORT (default 8069).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CONF="${1:-$ROOT/.data/odoo.conf}"
SITE=$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
# Odoo's sessions folder made before any server runs: Odoo 11 makes it on
# the first request, and visitors arriving together race to make it (HTTP 500)
mkdir -p "$ROOT/.data"
mkdir -p -m 700 "$ROOT/.data/filestore/sessions"
if [ -f "$CONF" ]; then
    PASSWD=$(sed -n 's/^admin_passwd = //p' "$CONF")
else
    PASSWD=$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(18))')
fi
sed -e "s#@ROOT@#$ROOT#g" -e "s#@SITE@#$SITE#g" -e "s#@PGPORT@#${PGPORT:-55432}#g" \
    -e "s#@HTTP_PORT@#${HTTP_PORT:-8069}#g" -e "s#@ADMIN_PASSWD@#$PASSWD#g" \
    config/odoo.conf.template > "$CONF.new"
mv "$CONF.new" "$CONF"
chmod 600 "$CONF"
