# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo import fields


def create_programme(env, name, audience="individuals", planned_hours=4.0):
    return env["defis.training.programme"].create({
        "name": name, "planned_hours": planned_hours, "audience": audience})


def create_run(env, programme, seats=5, name=None, days=7, published=True, sittings=2):
    """A confirmed course run of ``programme`` starting in ``days`` days, with
    ``sittings`` weekly sittings of two hours and ``seats`` seats (0: unlimited)."""
    start = datetime.utcnow().replace(hour=13, minute=0, second=0, microsecond=0) + \
        timedelta(days=days)
    dates = [(start + timedelta(weeks=week), start + timedelta(weeks=week, hours=2))
             for week in range(sittings)]
    run = env["event.event"].create({
        "name": name or "%s, session du %s" % (programme.name, start.strftime("%d/%m")),
        "defis_programme_id": programme.id,
        "date_begin": fields.Datetime.to_string(dates[0][0]),
        "date_end": fields.Datetime.to_string(dates[-1][1]),
        "date_tz": "Europe/Paris",
        "seats_availability": "limited" if seats else "unlimited",
        "seats_max": seats,
        "website_published": published,
    })
    for number, (begin, end) in enumerate(dates, 1):
        env["defis.training.session"].create({
            "event_id": run.id, "name": "Séance %d" % number,
            "date_begin": fields.Datetime.to_string(begin),
            "date_end": fields.Datetime.to_string(end),
            "room": "Salle informatique",
        })
    run.button_confirm()
    return run
