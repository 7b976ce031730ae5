#!/usr/bin/env bash
# Container entry point: writes the Odoo configuration, waits for PostgreSQL,
# then runs one of:
#   run        create the database if needed (DB_NAME, default defis), serve it
#   run-fresh  drop and recreate the database, then serve it
#   test       run the project's tests in a throw-away database (defis_test);
#              extra arguments go to pytest, KEEP_DB=1 keeps the database
#   prod       production (the proxy service in front): PROD_DB created
#              without demo or updated, then served with workers, from
#              config/odoo-prod.conf.template; ADMIN_PASSWORD required
#   backup     back up PROD_DB and its filestore into /var/lib/odoo/backups
#   prod-config  write the production configuration and print its path
#   anything else is executed as is.
set -euo pipefail
shopt -s inherit_errexit

APP=${DEFIS_APP:-/opt/defis}
DATA=${ODOO_DATA:-/var/lib/odoo}
CONF_DIR=${ODOO_CONF_DIR:-/etc/odoo}
CONF="$CONF_DIR/odoo.conf"
TEST_CONF="$CONF_DIR/odoo-test.conf"
DB_HOST=${DB_HOST:-db}
DB_PORT=${DB_PORT:-5432}
DB_USER=${DB_USER:-odoo}
DB_PASSWORD_GIVEN=${DB_PASSWORD:-}
DB_PASSWORD=${DB_PASSWORD:-odoo}
DB_NAME=${DB_NAME:-defis}
TEST_DB=${TEST_DB:-defis_test}
PROD_DB=${PROD_DB:-defis_prod}
PROD_CONF="$CONF_DIR/odoo-prod.conf"

log() { printf '[entrypoint] %s\n' "$*" >&2; }

# Master password: MASTER_PASSWORD, else one drawn once and kept in the volume.
master_password() {
    if [ -n "${MASTER_PASSWORD:-}" ]; then
        printf '%s\n' "$MASTER_PASSWORD"
        return
    fi
    local file="$DATA/master_password"
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
    mkdir -p "$(dirname "$1")" && mkdir -p -m 700 "$DATA/sessions"
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

# the production configuration: the template `make prod` renders too
write_prod_config() {
    local site
    # made before the server runs: Odoo 11's first requests race to make it
    mkdir -p -m 700 "$DATA/sessions"
    site=$(python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
    # the log goes to the container's output, rotated by Docker's log driver
    ODOO_ADDONS_PATH="$APP/addons,$site/odoo/addons" ODOO_DATA_DIR="$DATA" \
    PROD_DB="$PROD_DB" MASTER_PASSWORD="$PASSWD" \
    DB_HOST="$DB_HOST" DB_PORT="$DB_PORT" DB_USER="$DB_USER" DB_PASSWORD="$DB_PASSWORD" \
    ODOO_HTTP_INTERFACE=0.0.0.0 ODOO_HTTP_PORT=8069 ODOO_LONGPOLLING_PORT=8072 \
    ODOO_WORKERS="${PROD_WORKERS:-2}" ODOO_LOGFILE="${ODOO_LOGFILE:-/dev/stdout}" \
    SMTP_HOST="${SMTP_HOST:-localhost}" SMTP_PORT="${SMTP_PORT:-25}" \
    SMTP_USER="${SMTP_USER:-}" SMTP_PASSWORD="${SMTP_PASSWORD:-}" \
    SMTP_STARTTLS="${SMTP_STARTTLS:-False}" MAIL_FROM="${MAIL_FROM:-}" \
        python "$APP/scripts/render_template.py" "$APP/config/odoo-prod.conf.template" \
            "$PROD_CONF" --mode 600
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

PASSWD=$(master_password)
write_config "$CONF" "${HTTP_PORT:-8069}"
write_config "$TEST_CONF" 8169

cmd=${1:-run}
[ $# -gt 0 ] && shift

case "$cmd" in
    run|run-fresh)
        wait_for_postgres
        fresh=()
        [ "$cmd" = run-fresh ] && fresh=(--fresh)
        # the demo's administrator: ADMIN_PASSWORD, else admin (the demo is
        # published on the host's loopback only, see docker-compose.yml)
        python "$APP/scripts/create_db.py" -c "$CONF" -d "$DB_NAME" "${fresh[@]}" \
            --admin-password "${ADMIN_PASSWORD:-admin}"
        exec python "$APP/scripts/odoo-bin" -c "$CONF" -d "$DB_NAME" \
            --db-filter="^${DB_NAME}\$" "$@"
        ;;
    prod)
        if [ -z "$DB_PASSWORD_GIVEN" ] || [ "$DB_PASSWORD_GIVEN" = odoo ]; then
            log "DB_PASSWORD: set the PostgreSQL password in .env (not empty, not odoo)"
            exit 1
        fi
        write_prod_config
        wait_for_postgres
        python "$APP/scripts/create_db.py" -c "$PROD_CONF" -d "$PROD_DB" --production
        exec python "$APP/scripts/odoo-bin" -c "$PROD_CONF" "$@"
        ;;
    prod-config)
        write_prod_config
        echo "$PROD_CONF"
        ;;
    backup)
        write_prod_config
        wait_for_postgres
        exec python "$APP/scripts/backup.py" -c "$PROD_CONF" -d "$PROD_DB" \
            --dest "${BACKUP_DIR:-$DATA/backups}" "$@"
        ;;
    test)
        wait_for_postgres
        run_tests "$@"
        ;;
    *)
        exec "$cmd" "$@"
        ;;
esac
