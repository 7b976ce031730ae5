#!/usr/bin/env bash
# Container entry point: writes the Odoo configuration, waits for PostgreSQL,
# then runs one of:
#   run        create the database if needed (DB_NAME, default defis), serve it
#   run-fresh  drop and recreate the database, then serve it
#   test       run the project's tests in a throw-away database (defis_test);
#              extra arguments go to pytest, KEEP_DB=1 keeps the database
#   anything else is executed as is.
set -euo pipefail
shopt -s inherit_errexit

APP=/opt/defis
DATA=/var/lib/odoo
CONF_DIR=${ODOO_CONF_DIR:-/etc/odoo}
CONF="$CONF_DIR/odoo.conf"
TEST_CONF="$CONF_DIR/odoo-test.conf"
DB_HOST=${DB_HOST:-db}
DB_PORT=${DB_PORT:-5432}
DB_USER=${DB_USER:-odoo}
DB_PASSWORD=${DB_PASSWORD:-odoo}
DB_NAME=${DB_NAME:-defis}
TEST_DB=${TEST_DB:-defis_test}

log() { printf '[entrypoint] %s\n' "$*" >&2; }

# Master password: ADMIN_PASSWD, else one drawn once and kept in the volume.
admin_passwd() {
    if [ -n "${ADMIN_PASSWD:-}" ]; then
        printf '%s\n' "$ADMIN_PASSWD"
        return
    fi
    local file="$DATA/admin_passwd"
    if [ ! -s "$file" ]; then
        (umask 077 && python -c 'import secrets; print(secrets.token_urlsafe(18))' > "$file")
        log "master password drawn and kept in $file"
    fi
    cat "$file"
}

# write_config FILE HTTP_PORT: the settings of config/odoo.conf.template,
# with the container's paths, PostgreSQL server and interface.
write_config() {
    local site
    site=$(python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
    mkdir -p "$(dirname "$1")"
    (umask 077 && cat > "$1.new" <<EOF
[options]
addons_path = $APP/addons,$site/odoo/addons
data_dir = $DATA
db_host = $DB_HOST
db_port = $DB_PORT
db_user = $DB_USER
db_password = $DB_PASSWORD
admin_passwd = $PASSWD
http_interface = 0.0.0.0
http_port = $2
list_db = True
dbfilter =
proxy_mode = False
workers = 0
max_cron_threads = 1
limit_time_cpu = 600
limit_time_real = 1200
log_level = info
without_demo = all
server_wide_modules = base,web
EOF
    )
    mv "$1.new" "$1"
}

wait_for_postgres() {
    local timeout=${DB_WAIT_TIMEOUT:-60} start=$SECONDS
    until pg_isready -q -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres; do
        if (( SECONDS - start >= timeout )); then
            log "PostgreSQL not ready on $DB_HOST:$DB_PORT after ${timeout}s"
            exit 1
        fi
        sleep 1
    done
}

run_tests() {
    cd "$APP"
    # the add-ons' tests on a database without the demo, the rest with it
    PY=python exec scripts/test.sh "$TEST_CONF" "$TEST_DB" "$@"
}

PASSWD=$(admin_passwd)
write_config "$CONF" "${HTTP_PORT:-8069}"
write_config "$TEST_CONF" 8169

cmd=${1:-run}
[ $# -gt 0 ] && shift

case "$cmd" in
    run|run-fresh)
        wait_for_postgres
        fresh=()
        [ "$cmd" = run-fresh ] && fresh=(--fresh)
        python "$APP/scripts/create_db.py" -c "$CONF" -d "$DB_NAME" "${fresh[@]}"
        exec python "$APP/scripts/odoo-bin" -c "$CONF" -d "$DB_NAME" \
            --db-filter="^${DB_NAME}\$" "$@"
        ;;
    test)
        wait_for_postgres
        run_tests "$@"
        ;;
    *)
        exec "$cmd" "$@"
        ;;
esac
