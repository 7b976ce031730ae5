#!/usr/bin/env bash
# Re-exports each add-on's translation template (i18n/<addon>.pot) from the
# database DB (default: defis), then merges it into i18n/fr.po (msgmerge, from
# Debian's gettext): new strings appear untranslated there, to be filled in.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${DB:-defis}
for addon in defis_network defis_website defis_reuse defis_training defis_security defis_demo; do
    pot="addons/$addon/i18n/$addon.pot"
    tmp=$(mktemp --suffix=.po)
    # Odoo 11 exports a template when given a .po file and no language
    .venv/bin/python scripts/odoo-bin -c .data/odoo.conf -d "$DB" --log-level=warn \
        --i18n-export="$tmp" --modules="$addon" --stop-after-init 2>/dev/null
    mv "$tmp" "$pot"
    if [ -f "addons/$addon/i18n/fr.po" ] && command -v msgmerge >/dev/null; then
        msgmerge --quiet --update --no-fuzzy-matching --backup=none "addons/$addon/i18n/fr.po" "$pot"
    fi
done
