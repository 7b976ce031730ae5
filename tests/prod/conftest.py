"""The production stack serving the test database, once for the tests of
this folder, and a real SMTP server on loopback for its outgoing mail."""
import os
import sys

import pytest

from odoo.tools import config

from .smtp import SmtpSink
from .stack import ROOT, ProdStack

# the operations' scripts (create_db, backup, restore) are importable
sys.path.insert(0, os.path.join(ROOT, "scripts"))
from create_db import use_configured_smtp  # noqa: E402 pylint: disable=wrong-import-position
from progress import Reporter  # noqa: E402 pylint: disable=wrong-import-position


@pytest.fixture(scope="package")
def smtp_sink():
    sink = SmtpSink().start()
    yield sink
    sink.stop()


@pytest.fixture(scope="package")
def production_mail():
    """The test database's mail settings as create_db.py --production makes
    a production database's; put back at the end."""
    # imported once pytest-odoo has set the add-ons' path up
    from .committed import committed_env  # pylint: disable=import-outside-toplevel
    with committed_env() as env:
        server = env.ref("base.ir_mail_server_localhost0")
        was_active = server.active
        use_configured_smtp(env, Reporter())
    yield
    with committed_env() as env:
        env.ref("base.ir_mail_server_localhost0").active = was_active


@pytest.fixture(scope="package")
def stack(smtp_sink, production_mail):
    server = ProdStack(config["db_name"], extra_env={
        "SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(smtp_sink.port),
        "SMTP_USER": "", "SMTP_PASSWORD": "", "SMTP_STARTTLS": "False",
        "MAIL_FROM": "contact@defis.example.org",
    }).start()
    yield server
    server.stop()
