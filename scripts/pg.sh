#!/usr/bin/env bash
# The project's own PostgreSQL 15 cluster: data in .data/pg, socket in
# .data/run, port $PGPORT (55432), no TCP listener, no system service touched.
# Usage: scripts/pg.sh start|stop|status
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DATA="$ROOT/.data/pg"
RUN="$ROOT/.data/run"
PORT="${PGPORT:-55432}"
BIN=/usr/lib/postgresql/15/bin
[ -x "$BIN/pg_ctl" ] || BIN=$(dirname "$(command -v pg_ctl)")

# PostgreSQL refuses to run as root: on a root machine the cluster belongs to
# the "postgres" system user (created with the Debian package).
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

# When the checkout lies where the "postgres" user cannot reach (a parent
# folder closed to others), the cluster lives in /var/lib/defis-pg/<checkout
# hash> and .data/pg and .data/run are links to it.
place_dirs() {
    mkdir -p "$ROOT/.data"
    [ -e "$DATA" ] && return 0
    if [ "$(id -u)" = 0 ] && ! as_owner test -x "$ROOT/.data"; then
        local home
        home="/var/lib/defis-pg/$(echo "$ROOT" | sha1sum | cut -c1-12)"
        mkdir -p "$home/pg" "$home/run"
        ln -sfn "$home/pg" "$DATA"
        ln -sfn "$home/run" "$RUN"
    fi
    mkdir -p "$DATA" "$RUN"
    [ "$(id -u)" = 0 ] && chown postgres: "$DATA/" "$RUN/"
    return 0
}

init() {
    [ -f "$DATA/PG_VERSION" ] && return 0
    chmod 700 "$DATA"
    as_owner "$BIN/initdb" -D "$DATA" -U odoo --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >> "$DATA/postgresql.conf" <<EOF
listen_addresses = ''
unix_socket_directories = '$RUN'
port = $PORT
synchronous_commit = off
max_connections = 200
shared_buffers = 256MB
EOF
}

start() {
    init
    if as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
        return 0
    fi
    as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 start >/dev/null
    echo "[pg] running (socket $RUN, port $PORT)"
}

place_dirs
DATA=$(readlink -f "$DATA")
RUN=$(readlink -f "$RUN")

case "${1:-start}" in
    start) start ;;
    stop) as_owner "$BIN/pg_ctl" -D "$DATA" -m fast stop || true ;;
    status) as_owner "$BIN/pg_ctl" -D "$DATA" status ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
