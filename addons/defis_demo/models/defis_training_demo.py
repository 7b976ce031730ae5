# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Course runs, learners and attendance of the demo database: 2018 as the
article tells it, the past years' figures, and the upcoming runs.

Called once by data/defis_training_demo.xml. Deterministic (a seeded
random generator); dates of 2018 are fixed, upcoming runs are relative to
the day the database is created. Sittings fall on working days, French
public holidays excepted. The current year is in defis_training_demo_current.py."""
import logging
import random
import time
from datetime import date, datetime, timedelta

from odoo import api, fields, models

from ..tools.demo_calendar import sitting_days

_logger = logging.getLogger(__name__)
# progress lines of the demo's creation (scripts/progress.py prints them)
_progress = logging.getLogger("defis.demo")

FAST = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True,
        "no_reset_password": True}

# programme xml id: (runs in 2018, learners a run, sittings, hours a sitting,
#                    first month, funding xml id or None, learner source)
RUNS_2018 = {
    "programme_numerique_quotidien_demo": (10, 10, 5, 2.0, 1, None, "household"),
    "programme_recherche_emploi_demo": (4, 8, 4, 3.0, 2, "funding_mission_locale_2018_demo",
                                        "young"),
    "programme_demarches_demo": (4, 8, 4, 2.5, 3, "funding_departement_2018_demo",
                                 "benefit"),
    "programme_visa_internet_demo": (3, 10, 3, 3.0, 4, "funding_region_2018_demo",
                                     "household"),
    "programme_promeneurs_demo": (2, 8, 2, 6.0, 5, "funding_caf_2018_demo", "referent"),
    "programme_digiskol_demo": (1, 12, 15, 6.0, 9, "funding_greta_2018_demo", "young"),
}
# learners added to the runs of a programme (none: 10 runs of 10 learners of
# Numérique au quotidien make about 100 learners in 2018)
EXTRA_LEARNERS = {}

# upcoming runs: (programme, days from today, seats, registered, funding)
UPCOMING = [
    ("programme_numerique_quotidien_demo", 10, 12, 4, None),
    ("programme_numerique_quotidien_demo", 20, 12, 11, None),
    ("programme_visa_internet_demo", 15, 10, 10, "funding_region_current_demo"),
    ("programme_recherche_emploi_demo", 30, 8, 3, "funding_mission_locale_current_demo"),
]

# past years: programme: (first year, learners in 2007 .. 2017 before the
# programme's own growth, hours a learner, funder xml id, income a year)
HISTORY = {
    "programme_numerique_quotidien_demo": (2007, 95, 8.6, None, 0),
    "programme_visa_internet_demo": (2009, 28, 7.5, "funder_region_demo", 4200),
    "programme_demarches_demo": (2012, 30, 8.8, "funder_departement_demo", 7500),
    "programme_recherche_emploi_demo": (
        2013, 30, 10.5, "structure_mission_locale_antenne_de_lorient_demo", 5600),
    "programme_promeneurs_demo": (
        2015, 14, 11.0, "structure_caf_du_morbihan_antenne_de_lorient_demo", 3000),
}
FIRST_NAMES = ["Enzo", "Léa", "Mathis", "Manon", "Nolan", "Chloé", "Kylian", "Inès", "Théo",
               "Camille", "Yanis", "Lou", "Maël", "Anaïs", "Killian", "Océane", "Dylan", "Emma",
               "Erwan", "Clara", "Lucas", "Jade"]
LAST_NAMES = ["Le Gall", "Guillou", "Le Corre", "Jégo", "Le Bihan", "Tanguy", "Le Roux",
              "Hamon", "Le Moing", "Quéré", "Nicolas", "Evano", "Le Doré", "Conan", "Rio",
              "Daniel", "Kerhervé", "Le Pen", "Jaffré", "Le Garrec"]
# young people created for the job-search runs; Digiskol's learners come from them
YOUNG_LEARNERS = 32
ROOMS = ["Salle informatique, Lanester", "Salle Ti Douar, Lorient", "Espace numérique, Hennebont"]


class DefisTrainingDemo(models.AbstractModel):
    _name = "defis.training.demo"
    _description = "Training demo data"

    @api.model
    def load_demo(self):
        started = time.perf_counter()
        self = self.with_context(**FAST)  # pylint: disable=self-cls-assignment
        rng = random.Random(2018)
        learners = self._demo_learners(rng)
        trainers = [self.env.ref("defis_demo.user_trainer_%s_demo" % name)
                    for name in ("gwenaelle", "yannick", "samia")]
        registrations = self.env["event.registration"]
        used = set()
        total = sum(spec[0] for spec in RUNS_2018.values())
        for xmlid, spec in RUNS_2018.items():
            registrations |= self._demo_runs_2018(xmlid, spec, learners, trainers, used)
            _progress.info("training: course runs of 2018", extra={
                "done": len(registrations.mapped("event_id")), "total": total})
        _progress.info("training: attendance of 2018")
        self._demo_attendance(rng, registrations)
        _progress.info("training: the current year and the upcoming runs")
        self._demo_current_year(rng, learners["household"], trainers)
        self._demo_upcoming(learners["household"], trainers)
        self._demo_history()
        _logger.info("Training demo data loaded in %.1f s", time.perf_counter() - started)
        return True

    # learners -------------------------------------------------------------
    def _demo_learners(self, rng):
        """Pools of learner partners: households of the network demo (those
        on minimum benefits apart), referents of structures, young people."""
        households = self.env["res.partner"].browse(self.env["ir.model.data"].search([
            ("module", "=", "defis_demo"), ("model", "=", "res.partner"),
            ("name", "=like", "household_%_demo")], order="name").mapped("res_id"))
        benefit = households.filtered("defis_minimum_benefit")
        referents = self.env["defis.referent"].search(
            [("date_end", "=", False)], order="id", limit=40).mapped("partner_id")
        young = self.env["res.partner"]
        for index in range(YOUNG_LEARNERS):
            name = "%s %s" % (FIRST_NAMES[index % len(FIRST_NAMES)],
                              LAST_NAMES[(index * 7) % len(LAST_NAMES)])
            young |= young.create({
                "name": name,
                "mobile": "06 %02d %02d %02d %02d" % (
                    10 + index % 10, rng.randint(10, 99), rng.randint(10, 99), rng.randint(10, 99)),
                "email": ("%s.%d@courriel.example" % (name.split()[0], index)).lower(),
                "city": rng.choice(["Lorient", "Lanester", "Hennebont", "Ploemeur", "Quéven"]),
                "zip": "56100",
                "country_id": self.env.ref("base.fr").id,
            })
        return {
            "household": (households - benefit) | benefit[60:],
            "benefit": benefit[:60],
            "referent": referents,
            "young": young,
        }

    @staticmethod
    def _take(learners, pool, count, used):
        """The next ``count`` learners of ``pool`` not registered yet."""
        candidates = learners[pool].filtered(lambda p: p.id not in used)
        chosen = candidates[:count]
        used.update(chosen.ids)
        return chosen

    # course runs of 2018 -----------------------------------------------------
    def _demo_runs_2018(self, xmlid, spec, learners, trainers, used):
        run_count, size, sittings, length, first_month, funding_xmlid, pool = spec
        programme = self.env.ref("defis_demo.%s" % xmlid)
        funding = funding_xmlid and self.env.ref("defis_demo.%s" % funding_xmlid)
        registrations = self.env["event.registration"]
        for index in range(run_count):
            start = date(2018, first_month, 8) + timedelta(days=index * 34)
            days = sitting_days(start, sittings, weekly=sittings <= 5)
            event = self._demo_event(programme, funding, days, length, trainers[index % 3],
                                     ROOMS[index % 3], seats=size + 2, number=index + 1)
            event.button_done()
            count = size + EXTRA_LEARNERS.get(xmlid, 0)
            if xmlid == "programme_digiskol_demo":
                people = learners[pool][:count]
            elif xmlid == "programme_visa_internet_demo" and index == 0:
                # three learners of Numérique au quotidien go on to Visa Internet
                people = learners["household"][:3] | self._take(
                    learners, pool, count - 3, used)
            else:
                people = self._take(learners, pool, count, used)
            registrations |= self._demo_register(event, people)
        return registrations

    def _demo_event(self, programme, funding, days, length, trainer, room, seats, number,
                    published=False):
        first_hour = 9 if length <= 3 else 8
        sessions = []
        for day in days:
            begin = datetime.combine(day, datetime.min.time()) + timedelta(hours=first_hour)
            sessions.append((0, 0, {
                "date_begin": fields.Datetime.to_string(begin),
                "date_end": fields.Datetime.to_string(begin + timedelta(hours=length)),
                "room": room,
                "trainer_id": trainer.id,
            }))
        end = datetime.combine(days[-1], datetime.min.time()) + timedelta(
            hours=first_hour + length)
        return self.env["event.event"].create({
            "name": "%s, %s n° %d" % (programme.name, days[0].year, number),
            "defis_programme_id": programme.id,
            "defis_funding_id": funding and funding.id,
            "date_begin": "%s %02d:00:00" % (days[0], first_hour),
            "date_end": fields.Datetime.to_string(end),
            "date_tz": "Europe/Paris",
            "seats_availability": "limited",
            "seats_max": seats,
            "event_mail_ids": [],
            "address_id": self.env.user.company_id.partner_id.id,
            "user_id": trainer.id,
            "website_published": published,
            "defis_session_ids": sessions,
        })

    def _demo_register(self, event, people):
        registrations = self.env["event.registration"].with_context(
            registration_force_draft=True)
        for person in people:
            registrations |= registrations.create({
                "state": "open",
                "event_id": event.id,
                "partner_id": person.id,
                "name": person.name,
                "email": person.email,
                "phone": person.mobile or person.phone,
                "defis_learner_type": self._demo_learner_type(event, person),
                "defis_structure_id": person.defis_referring_structure_id.id,
                "defis_source": "referral" if person.defis_referring_structure_id else "backend",
            })
        return registrations

    def _demo_learner_type(self, event, person):
        if person.defis_minimum_benefit:
            return "benefit"
        return event.defis_programme_id.audience

    # attendance ----------------------------------------------------------------
    def _demo_attendance(self, rng, registrations):
        """Most learners attend every sitting; some miss one (absent or
        excused), a few stop, a few never come; some arrive late."""
        attendances = self.env["defis.training.attendance"]
        attended = self.env["event.registration"]
        with self.env.norecompute():  # hours and completion once, at the end
            for registration in registrations:
                attended |= self._demo_attend(rng, registration, attendances)
        attendances.recompute()
        attended.write({"state": "done"})
        # a sitting whose attendance is taken is held
        registrations.mapped("event_id.defis_session_ids").write({"state": "done"})

    @staticmethod
    def _demo_attend(rng, registration, attendances, sessions=None):
        """Attendance lines of one learner at ``sessions`` (every sitting of
        the run by default); the registration if present once."""
        sessions = sessions or registration.event_id.defis_session_ids.sorted("date_begin")
        profile = rng.random()
        stop = len(sessions)
        missed = set()
        if profile < 0.04:
            stop = 0
        elif profile < 0.12:
            stop = rng.randint(1, max(1, len(sessions) // 2))
        elif profile < 0.32:
            missed = {rng.randrange(len(sessions))}
        for index, session in enumerate(sessions):
            present = index < stop and index not in missed
            values = {"session_id": session.id, "registration_id": registration.id,
                      "state": "present" if present else rng.choice(["absent", "excused"])}
            if present and rng.random() < 0.1:
                values["hours"] = session.duration_hours - rng.choice([0.5, 1.0])
            attendances.create(values)
        return registration if stop else registration.browse()

    @staticmethod
    def _demo_sittings_of(programme):
        """Sittings of two or three hours making the programme's hours."""
        sittings = max(1, int(round(programme.planned_hours / 2.0)))
        if programme.planned_hours % 3 == 0:
            sittings = int(programme.planned_hours // 3)
        return sittings, programme.planned_hours / sittings

    # upcoming runs ---------------------------------------------------------------
    def _demo_upcoming(self, households, trainers):
        today = fields.Date.from_string(fields.Date.context_today(self))
        people = households[-60:]
        for number, (xmlid, days, seats, registered, funding_xmlid) in enumerate(UPCOMING):
            programme = self.env.ref("defis_demo.%s" % xmlid)
            funding = funding_xmlid and self.env.ref("defis_demo.%s" % funding_xmlid)
            sittings, length = self._demo_sittings_of(programme)
            start = today + timedelta(days=days)
            event = self._demo_event(
                programme, funding, sitting_days(start, sittings),
                length, trainers[number % 3], ROOMS[0], seats=seats,
                number=[spec[0] for spec in UPCOMING[:number + 1]].count(xmlid), published=True)
            event.button_confirm()
            self._demo_register(event, people[:registered])
            people = people[registered:]

    # past years ---------------------------------------------------------------------
    def _demo_history(self):
        """Yearly figures from 2007 to 2017, growing slowly."""
        values = []
        for xmlid, (first, learners, hours, funder, income) in HISTORY.items():
            programme = self.env.ref("defis_demo.%s" % xmlid)
            funder = funder and self.env.ref("defis_demo.%s" % funder)
            for year in range(first, 2018):
                count = learners + (year - first) % 4 + (year * 7) % 9 - 4
                values.append({
                    "year": year, "programme_id": programme.id,
                    "funder_id": funder and funder.id,
                    "course_run_count": max(1, round(count / 10.0)),
                    "learner_count": count,
                    "learner_hours": round(count * hours, 1),
                    "income": income * (1 + (year - first) * 0.02) if funder else 0,
                })
        for vals in values:
            self.env["defis.training.history"].create(vals)
