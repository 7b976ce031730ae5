from odoo.addons.defis_network.tests.common import DefisCase

# no chatter messages nor followers for the records the tests build
QUIET = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}


class TrainingCase(DefisCase):
    """Trainers, a funder and helpers to build programmes, funding agreements,
    course runs with their sessions, registrations and attendance."""

    @classmethod
    def set_up_class_data(cls):  # pylint: disable=missing-return
        super().set_up_class_data()
        cls.group_trainer = cls.env.ref("defis_training.group_defis_trainer")
        cls.trainer = cls.create_user("formatrice", [cls.group_trainer])
        cls.other_trainer = cls.create_user("formateur", [cls.group_trainer])
        cls.funder = cls.env["res.partner"].create(
            {"name": "Mission locale de test", "is_company": True})

    @classmethod
    def create_programme(cls, name="Numérique au quotidien", planned_hours=10.0, **values):
        return cls.env["defis.training.programme"].create(dict(
            name=name, planned_hours=planned_hours, **values))

    @classmethod
    def create_funding(cls, programmes, date_start="2018-01-01", date_end="2018-12-31",
                       contracted_hours=0.0, contracted_learners=0, funder=None, **values):
        return cls.env["defis.training.funding"].create(dict(
            name=values.pop("name", "Convention %s" % date_start[:4]),
            funder_id=(funder or cls.funder).id,
            programme_ids=[(6, 0, programmes.ids)],
            date_start=date_start, date_end=date_end,
            contracted_hours=contracted_hours, contracted_learners=contracted_learners,
            state="active", **values))

    @classmethod
    def create_run(cls, programme, sessions=(("2018-03-05 08:00:00", "2018-03-05 10:00:00"),),
                   trainer=None, funding=None, name=None, **values):
        """A course run of ``programme``; ``sessions`` are (begin, end) UTC
        datetimes; the run spans them."""
        trainer = trainer or cls.trainer
        values.setdefault("date_begin", min(begin for begin, _end in sessions))
        values.setdefault("date_end", max(end for _begin, end in sessions))
        return cls.env["event.event"].create(dict(
            name=name or "%s (%s)" % (programme.name, values["date_begin"][:10]),
            date_tz="Europe/Paris",
            event_mail_ids=[],
            defis_programme_id=programme.id,
            defis_funding_id=funding.id if funding else False,
            defis_session_ids=[
                (0, 0, {"date_begin": begin, "date_end": end, "trainer_id": trainer.id})
                for begin, end in sessions],
            **values))

    @classmethod
    def create_learner(cls, name, **values):
        return cls.env["res.partner"].with_context(**QUIET).create(dict(name=name, **values))

    @classmethod
    def register(cls, run, partner, confirm=True, **values):
        registration = cls.env["event.registration"].with_context(**QUIET).create(dict(
            event_id=run.id, partner_id=partner.id, name=partner.name, **values))
        if confirm:
            registration.confirm_registration()
        return registration

    @classmethod
    def attend(cls, session, registration, state="present", hours=None):
        """Record (or change) the attendance of ``registration`` at ``session``."""
        values = {"state": state}
        if hours is not None:
            values["hours"] = hours
        line = session.attendance_ids.filtered(lambda a: a.registration_id == registration)
        if line:
            line.write(values)
            return line
        return cls.env["defis.training.attendance"].create(dict(
            values, session_id=session.id, registration_id=registration.id))
