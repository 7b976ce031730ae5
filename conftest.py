"""Pytest set-up shared by every test of the project.

pytest-odoo loads the registry but starts no HTTP server; HttpCase tests and
the browser tests need one: it is started once, on the configured port.
"""
import socket
import time

import pytest

import odoo


def _wait_for_port(port, timeout=30.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError("Odoo HTTP server did not start on port %s" % port)


@pytest.fixture(scope="session", autouse=True)
def odoo_http_server(load_registry):
    server = odoo.service.server.server
    if server is not None and getattr(server, "httpd", None) is None:
        server.http_spawn()
        _wait_for_port(odoo.tools.config["http_port"])
    yield server
