# Défis suite: see README.md.
SHELL := /bin/bash
DB ?= defis
TEST_DB ?= defis_test
HTTP_PORT ?= 8069
TEST_HTTP_PORT ?= 8169
FRESH ?=
PROD_DB ?= defis_prod
PROD_PORT ?= 8080
export PROD_DB PROD_PORT
PY := .venv/bin/python
CONF := .data/odoo.conf
TEST_CONF := .data/odoo-test.conf
export PATH := $(CURDIR)/.tools/node_modules/.bin:$(PATH)

.PHONY: setup db run run-fresh prod test test-odoo bench lint restore-check upgrade-check stop clean

setup:
	@scripts/setup.sh
	@scripts/pg.sh start
	@HTTP_PORT=$(HTTP_PORT) scripts/make_config.sh $(CONF)
	@HTTP_PORT=$(TEST_HTTP_PORT) scripts/make_config.sh $(TEST_CONF)

db: setup
	@$(PY) scripts/create_db.py -c $(CONF) -d $(DB) $(if $(FRESH),--fresh)

run: db
	@echo "Odoo on http://127.0.0.1:$(HTTP_PORT) (login admin, password admin);" \
	      "its log: .data/log/odoo.log; Ctrl+C stops it"
	@$(PY) scripts/odoo-bin -c $(CONF) -d $(DB) --db-filter='^$(DB)$$' \
	    --logfile=.data/log/odoo.log

run-fresh:
	@$(MAKE) --no-print-directory run FRESH=1

# production: ADMIN_PASSWORD=<secret> make prod (README, "Production")
prod: setup
	@scripts/prod.sh start

test: setup
	@scripts/test.sh $(TEST_CONF) $(TEST_DB) $(PYTEST_ARGS)

# Odoo's own tests of the modules the add-ons extend, with the add-ons, compared
# with the 2018 snapshot's own failures (tests/odoo/known_failures.txt); its
# server listens on Odoo's default port 8069 (Odoo 11's HttpCase reads no other)
ODOO_TESTS_CONF := .data/odoo-odoo-tests.conf
test-odoo: setup
	@HTTP_PORT=8069 scripts/make_config.sh $(ODOO_TESTS_CONF)
	@scripts/test_odoo.sh $(ODOO_TESTS_CONF) $(ODOO_TESTS_ARGS)

bench: setup
	@scripts/test.sh $(TEST_CONF) $(TEST_DB)_bench bench $(PYTEST_ARGS)

lint: setup
	@scripts/lint.sh

# a backup of the demo database $(DB) restored under another name, compared
restore-check: db
	@$(PY) scripts/restore_check.py -c $(CONF) -d $(DB)

# a database of the previous release updated to the working tree's add-ons
upgrade-check: setup
	@$(PY) scripts/upgrade_check.py -c $(TEST_CONF)

stop:
	@scripts/prod.sh stop
	@scripts/pg.sh stop

clean: stop
	rm -rf .data
