# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The living year of the training demo: the runs of the last twelve months,
their sittings before today held with attendance, one run in progress."""
from datetime import datetime, timedelta

from odoo import api, fields, models

from ..tools.demo_calendar import sitting_days

# (programme, days before today of the first sitting, learners, funding xml id)
RECENT_RUNS = [
    ("programme_numerique_quotidien_demo", 330, 8, None),
    ("programme_numerique_quotidien_demo", 270, 9, None),
    ("programme_demarches_demo", 210, 6, None),
    ("programme_numerique_quotidien_demo", 150, 8, None),
    ("programme_numerique_quotidien_demo", 90, 10, None),
    ("programme_numerique_quotidien_demo", 50, 8, None),
]
# a run of Visa Internet Bretagne started a week ago, weekly: a sitting held,
# the next ones to come (programme, days before today, learners, funding xml id)
IN_PROGRESS = ("programme_visa_internet_demo", 7, 9, "funding_region_current_demo")
ROOM = "Salle informatique, Lanester"


class DefisTrainingDemo(models.AbstractModel):
    _inherit = "defis.training.demo"

    @api.model
    def _demo_current_year(self, rng, households, trainers):
        today = fields.Date.from_string(fields.Date.context_today(self))
        people = households[100:]
        starts = [(xmlid, today - timedelta(days=days), size, funding)
                  for xmlid, days, size, funding in RECENT_RUNS + [IN_PROGRESS]]
        for number, (xmlid, start, size, funding_xmlid) in enumerate(starts):
            event = self._demo_current_run(xmlid, funding_xmlid, start, trainers[number % 3],
                                           number + 1)
            registrations = self._demo_register(event, people[:size])
            people = people[size:]
            self._demo_held_sittings(rng, event, registrations)

    def _demo_current_run(self, xmlid, funding_xmlid, start, trainer, number):
        programme = self.env.ref("defis_demo.%s" % xmlid)
        funding = funding_xmlid and self.env.ref("defis_demo.%s" % funding_xmlid)
        sittings, length = self._demo_sittings_of(programme)
        event = self._demo_event(programme, funding, sitting_days(start, sittings), length,
                                 trainer, ROOM, seats=12, number=number)
        event.button_confirm()
        return event

    def _demo_held_sittings(self, rng, event, registrations):
        """Attendance of the sittings before now, which are held; a run
        whose sittings are all held is done."""
        now = datetime.now()
        held = event.defis_session_ids.filtered(
            lambda s: fields.Datetime.from_string(s.date_end) < now).sorted("date_begin")
        if not held:
            return
        attendances = self.env["defis.training.attendance"]
        attended = registrations.browse()
        with self.env.norecompute():
            for registration in registrations:
                attended |= self._demo_attend(rng, registration, attendances, held)
        attendances.recompute()
        held.write({"state": "done"})
        if held == event.defis_session_ids:
            attended.write({"state": "done"})
            event.button_done()
