#!/usr/bin/env bash
# The production mode on this machine (`make prod`, `make stop`): Odoo with
# workers behind Debian's nginx, from config/odoo-prod.conf.template and
# config/nginx/defis.conf.template.
# Usage: scripts/prod.sh start|serve|configure|nightly|stop|status
#   start      create the database PROD_DB (no demo) or reuse it, then serve it
#   serve      serve PROD_DB as it is (the tests, the benchmarks)
#   configure  write the configurations and check nginx's (nginx -t)
#   nightly    back up PROD_DB (BACKUP_DIR [PROD_DIR/backups], BACKUP_KEEP_DAYS
#              [14] days kept) and rotate the logs: the systemd timer's job
#   stop       stop the proxy and Odoo
# Settings (environment, defaults in brackets): ADMIN_PASSWORD (required by
# start), PROD_DB [defis_prod], PROD_PORT [8080], PROD_TLS_PORT [8443],
# PROD_LISTEN [127.0.0.1], PROD_ODOO_PORT [8079], PROD_LONGPOLLING_PORT [8072],
# PROD_WORKERS [2], PROD_DIR [.data/prod], MASTER_PASSWORD [drawn once],
# TLS_CERT and TLS_KEY [a self-signed pair drawn once], SERVER_NAME [_],
# FORCE_HTTPS [off], SMTP_HOST [localhost], SMTP_PORT [25], SMTP_USER,
# SMTP_PASSWORD, SMTP_STARTTLS [False], MAIL_FROM.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY="$ROOT/.venv/bin/python"
# lessc 3 for the assets (scripts/setup.sh installs it there)
export PATH="$ROOT/.tools/node_modules/.bin:$PATH"

export PROD_DB=${PROD_DB:-defis_prod}
PROD_PORT=${PROD_PORT:-8080}
PROD_TLS_PORT=${PROD_TLS_PORT:-8443}
PROD_LISTEN=${PROD_LISTEN:-127.0.0.1}
PROD_DIR=$(mkdir -p "${PROD_DIR:-$ROOT/.data/prod}" && cd "${PROD_DIR:-$ROOT/.data/prod}" && pwd)
RUN_DIR="$PROD_DIR/run"
NGINX_DIR="$PROD_DIR/nginx"
CONF="$PROD_DIR/odoo.conf"
BACKUP_DIR=${BACKUP_DIR:-$PROD_DIR/backups}
BACKUP_KEEP_DAYS=${BACKUP_KEEP_DAYS:-14}
START_TIMEOUT=${PROD_START_TIMEOUT:-300}

log() { printf '[prod] %s\n' "$*" >&2; }

# What nginx's workers (www-data, when run as root) open themselves: the logs
# they reopen, the request bodies they keep, Let's Encrypt's challenges. When
# the checkout is closed to others, these live in /var/lib/defis-prod/<hash>
# and PROD_DIR/log, PROD_DIR/acme link to them.
place_web_dirs() {
    WEB_DIR="$PROD_DIR"
    [ "$(id -u)" = 0 ] && chmod 755 "$PROD_DIR"
    if [ "$(id -u)" = 0 ] && ! runuser -u www-data -- test -x "$PROD_DIR" 2>/dev/null; then
        WEB_DIR="/var/lib/defis-prod/$(echo "$PROD_DIR" | sha1sum | cut -c1-12)"
        mkdir -p "$WEB_DIR/log" "$WEB_DIR/acme"
        chmod 755 /var/lib/defis-prod "$WEB_DIR" "$WEB_DIR/log"
        local name
        for name in log acme; do
            if [ -d "$PROD_DIR/$name" ] && [ ! -L "$PROD_DIR/$name" ]; then
                cp -a "$PROD_DIR/$name/." "$WEB_DIR/$name/" && rm -rf "${PROD_DIR:?}/$name"
            fi
            ln -sfn "$WEB_DIR/$name" "$PROD_DIR/$name"
        done
    fi
    LOG_DIR="$WEB_DIR/log"
    ACME_DIR="$WEB_DIR/acme"
    NGINX_TMP="$WEB_DIR/nginx-tmp"
}

# --- secrets and certificate, drawn once and kept in PROD_DIR ---------------
secret() {
    local file="$PROD_DIR/secrets/$1"
    if [ ! -s "$file" ]; then
        mkdir -p "$PROD_DIR/secrets" && chmod 700 "$PROD_DIR/secrets"
        (umask 077 && "$PY" -c 'import secrets; print(secrets.token_urlsafe(24))' > "$file")
    fi
    cat "$file"
}

certificate() {
    if [ -n "${TLS_CERT:-}" ] || [ -n "${TLS_KEY:-}" ]; then
        [ -r "${TLS_CERT:-}" ] && [ -r "${TLS_KEY:-}" ] \
            || { log "TLS_CERT and TLS_KEY must both name readable files"; exit 1; }
        return 0
    fi
    TLS_CERT="$PROD_DIR/tls/fullchain.pem"
    TLS_KEY="$PROD_DIR/tls/privkey.pem"
    [ -s "$TLS_CERT" ] && [ -s "$TLS_KEY" ] && return 0
    mkdir -p "$PROD_DIR/tls"
    log "no TLS_CERT given: a self-signed certificate for ${SERVER_NAME:-localhost}"
    (umask 077 && openssl req -x509 -newkey rsa:2048 -nodes -days 825 -sha256 -batch \
        -subj "/CN=${SERVER_NAME:-localhost}" \
        -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
        -keyout "$TLS_KEY" -out "$TLS_CERT" 2>/dev/null)
}

# --- configurations ---------------------------------------------------------
render_odoo_conf() {
    local site
    # made before the server runs: Odoo 11's first requests race to make it
    mkdir -p -m 700 "$ROOT/.data/filestore/sessions"
    site=$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
    ODOO_ADDONS_PATH="$ROOT/addons,$site/odoo/addons" \
    ODOO_DATA_DIR="$ROOT/.data/filestore" \
    MASTER_PASSWORD="${MASTER_PASSWORD:-$(secret master_password)}" \
    DB_HOST="$ROOT/.data/run" DB_PORT="${PGPORT:-55432}" DB_USER=odoo DB_PASSWORD=False \
    ODOO_HTTP_INTERFACE=127.0.0.1 \
    ODOO_HTTP_PORT="${PROD_ODOO_PORT:-8079}" \
    ODOO_LONGPOLLING_PORT="${PROD_LONGPOLLING_PORT:-8072}" \
    ODOO_WORKERS="${PROD_WORKERS:-2}" \
    ODOO_LOGFILE="$LOG_DIR/odoo.log" \
    SMTP_HOST="${SMTP_HOST:-localhost}" SMTP_PORT="${SMTP_PORT:-25}" \
    SMTP_USER="${SMTP_USER:-}" SMTP_PASSWORD="${SMTP_PASSWORD:-}" \
    SMTP_STARTTLS="${SMTP_STARTTLS:-False}" MAIL_FROM="${MAIL_FROM:-}" \
        "$PY" scripts/render_template.py config/odoo-prod.conf.template "$CONF" --mode 600
}

render_nginx_conf() {
    mkdir -p "$NGINX_DIR" "$NGINX_TMP" "$ACME_DIR"
    DEFIS_ODOO_HTTP="127.0.0.1:${PROD_ODOO_PORT:-8079}" \
    DEFIS_ODOO_LONGPOLLING="127.0.0.1:${PROD_LONGPOLLING_PORT:-8072}" \
    DEFIS_HTTP_LISTEN="$PROD_LISTEN:$PROD_PORT" \
    DEFIS_HTTPS_LISTEN="$PROD_LISTEN:$PROD_TLS_PORT" \
    DEFIS_SERVER_NAME="${SERVER_NAME:-_}" \
    DEFIS_TLS_CERT="$TLS_CERT" DEFIS_TLS_KEY="$TLS_KEY" \
    DEFIS_FORCE_HTTPS="${FORCE_HTTPS:-off}" \
    DEFIS_ACME_ROOT="$ACME_DIR" \
        "$PY" scripts/render_template.py config/nginx/defis.conf.template "$NGINX_DIR/defis.conf"
    # the http block around it: what the nginx image's own nginx.conf is in Docker
    local user=""
    if [ "$(id -u)" = 0 ]; then
        # nginx's workers (www-data) reopen the logs and keep request bodies
        user="user www-data;"
        chown -R www-data: "$NGINX_TMP"
        chmod 755 "$WEB_DIR" "$LOG_DIR" "$ACME_DIR"
        if ! runuser -u www-data -- test -x "$LOG_DIR"; then
            log "www-data cannot reach $LOG_DIR"
            exit 1
        fi
    fi
    cat > "$NGINX_DIR/nginx.conf" <<EOF
$user
worker_processes auto;
pid $RUN_DIR/nginx.pid;
error_log $LOG_DIR/nginx-error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $LOG_DIR/nginx-access.log;
    client_body_temp_path $NGINX_TMP/body;
    proxy_temp_path $NGINX_TMP/proxy;
    fastcgi_temp_path $NGINX_TMP/fastcgi;
    uwsgi_temp_path $NGINX_TMP/uwsgi;
    scgi_temp_path $NGINX_TMP/scgi;
    sendfile on;
    keepalive_timeout 65;
    include $NGINX_DIR/defis.conf;
}
EOF
}

# logrotate's rules and the systemd units of the nightly job
render_nightly() {
    mkdir -p "$PROD_DIR/systemd"
    DEFIS_LOG_DIR="$LOG_DIR" DEFIS_NGINX_PID="$RUN_DIR/nginx.pid" \
        "$PY" scripts/render_template.py config/logrotate.conf.template \
            "$PROD_DIR/logrotate.conf"
    DEFIS_ROOT="$ROOT" DEFIS_PROD_DIR="$PROD_DIR" DEFIS_BACKUP_DIR="$BACKUP_DIR" \
    DEFIS_BACKUP_KEEP_DAYS="$BACKUP_KEEP_DAYS" \
        "$PY" scripts/render_template.py config/systemd/defis-nightly.service.template \
            "$PROD_DIR/systemd/defis-nightly.service"
    cp config/systemd/defis-nightly.timer "$PROD_DIR/systemd/"
}

nightly() {
    "$PY" scripts/backup.py -c "$CONF" -d "$PROD_DB" --dest "$BACKUP_DIR" \
        --keep-days "$BACKUP_KEEP_DAYS"
    (umask 077 && logrotate -s "$PROD_DIR/logrotate.state" "$PROD_DIR/logrotate.conf")
}

nginx_cmd() {
    nginx -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -e "$LOG_DIR/nginx-error.log" "$@"
}

# --- processes --------------------------------------------------------------
alive() { [ -s "$RUN_DIR/$1.pid" ] && kill -0 "$(cat "$RUN_DIR/$1.pid")" 2>/dev/null; }

# wait_http URL WHAT: until URL answers 200, or the timeout
wait_http() {
    local start=$SECONDS
    until [ "$(curl -sk -o /dev/null -w '%{http_code}' --max-time 30 "$1")" = 200 ]; do
        if (( SECONDS - start >= START_TIMEOUT )); then
            log "$2 does not answer on $1 after ${START_TIMEOUT}s (see $LOG_DIR)"
            exit 1
        fi
        alive odoo || { log "Odoo stopped (see $LOG_DIR/odoo.log)"; exit 1; }
        sleep 1
    done
}

start_odoo() {
    setsid "$PY" scripts/odoo-bin -c "$CONF" >> "$LOG_DIR/odoo.out" 2>&1 < /dev/null &
    echo $! > "$RUN_DIR/odoo.pid"
    wait_http "http://127.0.0.1:${PROD_ODOO_PORT:-8079}/web/login" Odoo
}

start_nginx() {
    nginx_cmd
    wait_http "http://$PROD_LISTEN:$PROD_PORT/web/login" nginx
}

# stop_pid NAME SIGNAL: signal the process, wait for its end (60 s, then KILL)
stop_pid() {
    alive "$1" || { rm -f "$RUN_DIR/$1.pid"; return 0; }
    local pid start=$SECONDS
    pid=$(cat "$RUN_DIR/$1.pid")
    kill -"$2" "$pid"
    while kill -0 "$pid" 2>/dev/null; do
        if (( SECONDS - start >= 60 )); then kill -KILL "$pid"; break; fi
        sleep 0.2
    done
    rm -f "$RUN_DIR/$1.pid"
    log "$1 stopped"
}

configure() {
    certificate
    render_odoo_conf
    render_nginx_conf
    render_nightly
    nginx_cmd -t -q
}

serve() {
    if alive odoo || alive nginx; then
        log "already running (scripts/prod.sh stop first)"
        return 0
    fi
    configure
    start_odoo
    start_nginx
    log "database $PROD_DB on http://$PROD_LISTEN:$PROD_PORT and https://$PROD_LISTEN:$PROD_TLS_PORT"
    log "logs in $LOG_DIR; scripts/prod.sh stop (or make stop) stops it"
}

# the whole script is read before it runs: editing it meanwhile is harmless
main() {
    place_web_dirs
    mkdir -p "$LOG_DIR" "$RUN_DIR"
    case "${1:-start}" in
        start)
            scripts/pg.sh start
            certificate
            render_odoo_conf
            log "database $PROD_DB: created or updated (log in $LOG_DIR/odoo.log)"
            "$PY" scripts/create_db.py -c "$CONF" -d "$PROD_DB" --production
            serve
            ;;
        serve) serve ;;
        configure)
            configure
            nginx_cmd -t
            ;;
        nightly) nightly ;;
        stop)
            stop_pid nginx QUIT
            stop_pid odoo TERM
            ;;
        status)
            for name in nginx odoo; do
                if alive $name; then echo "$name running"; else echo "$name stopped"; fi
            done
            ;;
        *) echo "usage: $0 start|serve|configure|nightly|stop|status" >&2; exit 2 ;;
    esac
}

main "$@"; exit
