"""Data the production stack must see: committed in the test database (the
stack runs in processes of its own), deleted at the end."""
import contextlib

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tools import config

from odoo.addons.defis_training.tests.common import create_upcoming_run, create_web_programme
from odoo.addons.http_routing.models.ir_http import slug


@contextlib.contextmanager
def committed_env():
    registry = odoo.registry(config["db_name"])
    with registry.cursor() as cr:
        yield api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        cr.commit()  # pylint: disable=invalid-commit


@contextlib.contextmanager
def committed_run(name, seats=0):
    """A published course run of a new programme; yields its ``slug``, ``id``
    and ``registrations()`` (their count), then deletes the run, its
    registrations and the people they created."""
    with committed_env() as env:
        programme = create_web_programme(env, "Programme %s" % name)
        run = create_upcoming_run(env, programme, seats=seats, name=name)
        ids = {"programme": programme.id, "run": run.id, "slug": slug(run)}

    def registrations():
        with committed_env() as fresh:
            return fresh["event.registration"].search_count([("event_id", "=", ids["run"])])
    try:
        yield dict(ids, id=ids["run"], registrations=registrations)
    finally:
        with committed_env() as env:
            found = env["event.registration"].search([("event_id", "=", ids["run"])])
            people = found.mapped("partner_id")
            found.unlink()
            people.with_context(active_test=False).unlink()
            env["event.event"].browse(ids["run"]).unlink()
            env["defis.training.programme"].browse(ids["programme"]).unlink()
