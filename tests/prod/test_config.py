"""The production configuration files as they are committed: nginx accepts
the site file, the Odoo settings are the production ones, `make prod`
refuses a weak password, docker-compose.yml reads and mounts these very
files."""
import configparser
import os
import re
import shutil
import subprocess

import pytest
import yaml

from odoo.service import db as db_service

from .stack import ROOT, prod_dir, prod_env, prod_script

SITE_TEMPLATE = os.path.join(ROOT, "config", "nginx", "defis.conf.template")
ODOO_TEMPLATE = os.path.join(ROOT, "config", "odoo-prod.conf.template")
PLACEHOLDER = re.compile(r"\$\{([A-Z][A-Z0-9_]*)\}")


def placeholders(path):
    with open(path) as handle:
        return set(PLACEHOLDER.findall(handle.read()))


def read_options(path):
    parser = configparser.RawConfigParser()
    parser.read(path)
    return dict(parser.items("options"))


@pytest.fixture(scope="module")
def configured():
    directory = prod_dir()
    result = prod_script("configure", prod_env(directory, PROD_DB="defis_exemple"))
    print(result.stdout)
    assert result.returncode == 0, result.stdout
    yield directory, result.stdout
    shutil.rmtree(directory)


def test_nginx_accepts_the_site_file(configured):
    directory, output = configured
    assert "syntax is ok" in output and "test is successful" in output
    with open(os.path.join(str(directory), "nginx", "nginx.conf")) as handle:
        assert "include %s/nginx/defis.conf;" % directory in handle.read()
    with open(os.path.join(str(directory), "nginx", "defis.conf")) as handle:
        rendered = handle.read()
    assert not PLACEHOLDER.search(rendered)
    # everything but the placeholders is the committed file, line for line
    with open(SITE_TEMPLATE) as handle:
        template = handle.read().splitlines()
    for line, out in zip(template, rendered.splitlines()):
        if not PLACEHOLDER.search(line):
            assert line == out


def test_production_settings(configured):
    directory, _output = configured
    options = read_options(os.path.join(str(directory), "odoo.conf"))
    assert options["list_db"] == "False"
    assert options["dbfilter"] == "^defis_exemple$"
    assert options["proxy_mode"] == "True"
    assert int(options["workers"]) >= 2 and options["longpolling_port"]
    assert options["http_interface"] == "127.0.0.1"
    assert options["logfile"] == os.path.realpath(os.path.join(directory, "log", "odoo.log"))
    # each process reopens the file logrotate moved (Odoo's own rotation is
    # not safe with workers)
    assert options["logrotate"] == "False" and options["without_demo"] == "all"
    assert os.path.exists(os.path.join(str(directory), "logrotate.conf"))
    # virtual sizes: three workers recycled at the soft limit fit in 4 GB
    # beside PostgreSQL; the hard one leaves room for wkhtmltopdf and lessc
    # (tests/prod/test_limits.py)
    assert 3 * int(options["limit_memory_soft"]) <= 2 * 2 ** 30
    assert int(options["limit_memory_hard"]) >= 2 * 2 ** 30
    assert len(options["admin_passwd"]) >= 24
    assert read_options(ODOO_TEMPLATE)["admin_passwd"] == "${MASTER_PASSWORD}"
    assert os.stat(os.path.join(str(directory), "odoo.conf")).st_mode & 0o077 == 0


def test_proxy_waits_longer_than_odoo():
    with open(SITE_TEMPLATE) as handle:
        proxy_timeout = int(re.search(r"^\s*proxy_read_timeout (\d+)s;", handle.read(),
                                      re.M).group(1))
    assert proxy_timeout > int(read_options(ODOO_TEMPLATE)["limit_time_real"])


@pytest.mark.parametrize("password", ["", "admin", "Admin "])
def test_prod_refuses_weak_password(tmp_path, password):
    database = "defis_jamais_creee"
    result = prod_script("start", prod_env(tmp_path, PROD_DB=database,
                                           ADMIN_PASSWORD=password))
    print(result.stdout)
    assert result.returncode != 0
    assert "neither empty nor admin" in result.stdout
    assert not os.listdir(str(tmp_path / "run"))
    assert database not in db_service.list_dbs(force=True)


def compose_config():
    if not shutil.which("docker-compose"):
        pytest.skip("docker-compose (Debian package, installed by scripts/setup.sh) "
                    "is not on PATH: the file cannot be read without it")
    result = subprocess.run(
        ["docker-compose", "-f", "docker-compose.yml", "--profile", "demo", "--profile",
         "prod", "config"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        universal_newlines=True, env=dict(os.environ, SERVER_NAME="defis.example.org"))
    assert result.returncode == 0, result.stderr
    return yaml.safe_load(result.stdout)["services"]


def published_ports(service):
    """[(host address, port)] a service publishes; docker-compose writes a
    port with an address as "ip:published:target/tcp", others as mappings."""
    ports = []
    for port in service.get("ports", []):
        if isinstance(port, str):
            address, published, _target = port.split(":")
            ports.append((address, int(published)))
        else:
            ports.append((port.get("host_ip", "0.0.0.0"), int(port["published"])))
    return sorted(ports)


def test_docker_compose_production_profile():
    services = compose_config()
    assert set(services) == {"db", "odoo", "odoo-prod", "proxy"}
    published = {name: published_ports(service) for name, service in services.items()}
    print(published)
    assert published == {"db": [], "odoo-prod": [], "odoo": [("127.0.0.1", 8069)],
                         "proxy": [("0.0.0.0", 80), ("0.0.0.0", 443)]}
    proxy = services["proxy"]
    mounts = {}
    for volume in proxy["volumes"]:     # "source:target:mode" or a mapping
        if isinstance(volume, str):
            source, target = volume.split(":")[:2]
        else:
            source, target = volume["source"], volume["target"]
        mounts[target] = source
    assert mounts["/etc/nginx/templates/default.conf.template"] == SITE_TEMPLATE
    assert os.path.isfile(SITE_TEMPLATE)
    # the nginx image fills every placeholder of the site file
    assert placeholders(SITE_TEMPLATE) <= set(proxy["environment"])
    assert proxy["environment"]["NGINX_ENVSUBST_FILTER"] == "^DEFIS_"
    assert services["odoo-prod"]["command"] == "prod"
    assert services["odoo-prod"]["build"]["context"] == ROOT


def test_docker_image_has_the_production_files():
    """The image copies what the production profile runs, and both the
    entrypoint and scripts/prod.sh set every setting of the Odoo template."""
    with open(os.path.join(ROOT, "Dockerfile")) as handle:
        copies = re.findall(r"^COPY (.+) \S+$", handle.read(), re.M)
    sources = [source for line in copies for source in line.split()
               if "[" not in source]
    for source in sources:
        assert os.path.exists(os.path.join(ROOT, source)), source
    assert "config" in sources and "scripts" in sources and "docker" in sources
    for script in ("docker/entrypoint.sh", "scripts/prod.sh"):
        with open(os.path.join(ROOT, script)) as handle:
            text = handle.read()
        assert "config/odoo-prod.conf.template" in text
        missing = [name for name in placeholders(ODOO_TEMPLATE)
                   if not re.search(r"\b%s=" % name, text)]
        assert not missing, (script, missing)


def test_docker_entrypoint_production_config(tmp_path):
    """The image's entry point renders the same template, for containers:
    Odoo on the private network, its log to Docker, the database server and
    secrets of the environment."""
    env = dict(os.environ, DEFIS_APP=ROOT, ODOO_DATA=str(tmp_path / "data"),
               ODOO_CONF_DIR=str(tmp_path / "etc"), DB_HOST="db", DB_PASSWORD="s3cret-db",
               PROD_DB="defis_prod", MASTER_PASSWORD="maitre-secret-123",
               PATH="%s:%s" % (os.path.join(ROOT, ".venv", "bin"), os.environ["PATH"]))
    result = subprocess.run([os.path.join(ROOT, "docker", "entrypoint.sh"), "prod-config"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            universal_newlines=True, timeout=120)
    assert result.returncode == 0, result.stderr
    options = read_options(result.stdout.strip())
    assert (options["http_interface"], options["http_port"], options["longpolling_port"]) == (
        "0.0.0.0", "8069", "8072")
    assert (options["db_host"], options["db_password"], options["admin_passwd"]) == (
        "db", "s3cret-db", "maitre-secret-123")
    assert options["dbfilter"] == "^defis_prod$" and options["list_db"] == "False"
    assert options["logfile"] == "/dev/stdout" and options["proxy_mode"] == "True"
