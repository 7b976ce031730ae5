"""The production stack serving the test database, once for the tests of
this folder, and a real SMTP server on loopback for its outgoing mail."""
import pytest

from odoo.tools import config

from .smtp import SmtpSink
from .stack import ProdStack


@pytest.fixture(scope="package")
def smtp_sink():
    sink = SmtpSink().start()
    yield sink
    sink.stop()


@pytest.fixture(scope="package")
def stack(smtp_sink):
    server = ProdStack(config["db_name"], extra_env={
        "SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(smtp_sink.port),
        "SMTP_USER": "", "SMTP_PASSWORD": "", "SMTP_STARTTLS": "False",
        "MAIL_FROM": "contact@defis.example.org",
    }).start()
    yield server
    server.stop()
