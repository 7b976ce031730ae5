#!/usr/bin/env bash
# flake8 on all the Python of the project, pylint-odoo (Odoo 11 checks) on the
# add-ons. Exits non-zero on any message.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/flake8 addons tests scripts/*.py conftest.py addons/defis_reuse/tools/defis-probe
.venv/bin/pylint --rcfile=.pylintrc addons/defis_network addons/defis_website addons/defis_reuse \
    addons/defis_training addons/defis_security addons/defis_demo
echo "lint: no error"
