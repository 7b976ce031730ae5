# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from odoo.addons.http_routing.models.ir_http import slug

# registration states that hold a seat
SEAT_STATES = ("open", "done")
REGISTRATION_SOURCES = ("portal", "assisted", "referral", "backend")
# registrations of a run the website takes from one browser session, one phone
SESSION_CAP_PARAM = "defis_training.portal_registrations_per_session"
PHONE_CAP_PARAM = "defis_training.portal_registrations_per_phone"
CAP_DEFAULTS = {SESSION_CAP_PARAM: 3, PHONE_CAP_PARAM: 2}


class DefisRunFull(UserError):
    """No seat is left on the course run."""


class EventEvent(models.Model):
    """A course run: an event of a training programme, with its sessions."""

    _inherit = "event.event"

    defis_programme_id = fields.Many2one(
        "defis.training.programme", string="Training programme", index=True,
        ondelete="restrict", track_visibility="onchange")
    defis_funding_id = fields.Many2one(
        "defis.training.funding", string="Funding agreement", index=True,
        ondelete="restrict", track_visibility="onchange",
        help="Leave empty when the association pays for the course run.")
    defis_session_ids = fields.One2many(
        "defis.training.session", "event_id", string="Sessions", copy=True)
    defis_planned_hours = fields.Float(
        string="Planned hours", compute="_compute_defis_planned_hours", store=True,
        help="Total length of the sessions not cancelled.")
    defis_trainer_ids = fields.Many2many(
        "res.users", string="Trainers", compute="_compute_defis_trainer_ids")
    defis_is_training = fields.Boolean(
        string="Course run", compute="_compute_defis_is_training", store=True, index=True)
    defis_funding_warning = fields.Char(
        string="Funding warning", compute="_compute_defis_funding_warning")

    @api.depends("defis_session_ids.duration_hours", "defis_session_ids.state")
    def _compute_defis_planned_hours(self):
        # sudo: any event user saves an event, sittings readable by them or not
        for event in self:
            event.defis_planned_hours = sum(
                event.sudo().defis_session_ids.filtered(lambda s: s.state != "cancelled")
                .mapped("duration_hours"))

    @api.depends("defis_session_ids.trainer_id")
    def _compute_defis_trainer_ids(self):
        for event in self:
            event.defis_trainer_ids = event.sudo().defis_session_ids.mapped("trainer_id")

    @api.depends("defis_programme_id")
    def _compute_defis_is_training(self):
        for event in self:
            event.defis_is_training = bool(event.defis_programme_id)

    @api.multi
    def _compute_website_url(self):  # pylint: disable=missing-return
        """A course run's page is ``/formations/<run>``, not Odoo's event page."""
        super()._compute_website_url()
        for event in self.filtered(lambda e: e.id and e.defis_is_training):
            event.website_url = "/formations/%s" % slug(event)

    @api.model
    def _where_calc(self, domain, active_test=True):
        """With ``defis_without_training`` in the context (Odoo's pages that
        list events), course runs are left out: they are on ``/formations``."""
        if self.env.context.get("defis_without_training"):
            domain = expression.AND([[("defis_is_training", "=", False)], domain or []])
        return super()._where_calc(domain, active_test)

    @api.depends("defis_funding_id", "defis_planned_hours", "registration_ids.state")
    def _compute_defis_funding_warning(self):
        for event in self:
            event.defis_funding_warning = event._defis_funding_overrun()

    def _defis_counted_registrations(self):
        return len(self.registration_ids.filtered(lambda r: r.state in ("open", "done")))

    def _defis_funding_overrun(self):
        """The agreement's figures with this run as it is on screen (it may
        be unsaved): a French message when they exceed the contract."""
        self.ensure_one()
        funding = self.defis_funding_id
        if not funding:
            return False
        # in an onchange, self is a new record; _origin is the saved one
        origin = getattr(self, "_origin", self)
        others = funding.event_ids.filtered(lambda e: e.id not in (self.id, origin.id))
        learners = self._defis_counted_registrations() + sum(
            e._defis_counted_registrations() for e in others)
        hours = self.defis_planned_hours * self._defis_counted_registrations() + sum(
            e.defis_planned_hours * e._defis_counted_registrations() for e in others)
        return funding._overrun_message(hours, learners)

    @api.onchange("defis_programme_id")
    def _onchange_defis_programme_id(self):
        if self.defis_programme_id and not self.defis_funding_id:
            self.defis_funding_id = self.defis_programme_id.default_funding_id

    @api.onchange("defis_funding_id", "defis_session_ids")
    def _onchange_defis_funding_warning(self):
        message = self._defis_funding_overrun()
        if message:
            return {"warning": {"title": _("Funding agreement"), "message": message}}
        return {}

    def _defis_local_date(self, value):
        timestamp = pytz.utc.localize(fields.Datetime.from_string(value))
        return timestamp.astimezone(pytz.timezone(self.date_tz or "UTC")).date()

    @api.constrains("defis_funding_id", "defis_programme_id", "date_begin", "date_end")
    def _check_defis_funding(self):
        for event in self.filtered("defis_funding_id"):
            funding = event.defis_funding_id
            begin = event._defis_local_date(event.date_begin)
            end = event._defis_local_date(event.date_end)
            if (begin < fields.Date.from_string(funding.date_start)
                    or end > fields.Date.from_string(funding.date_end)):
                raise ValidationError(_(
                    "The course run %(event)s must take place within the period of the "
                    "funding agreement %(funding)s.") % {
                        "event": event.name, "funding": funding.name})
            if event.defis_programme_id not in funding.programme_ids:
                raise ValidationError(_(
                    "The funding agreement %(funding)s does not cover the programme "
                    "of %(event)s.") % {"event": event.name, "funding": funding.name})

    @api.multi
    def unlink(self):
        # the database would delete the sittings: they refuse it when kept
        self.mapped("defis_session_ids").unlink()
        return super().unlink()

    # registration service (portal, assisted registration, referrals) --------
    @api.model
    def _defis_portal_domain(self):
        """Course runs open to registration on the website."""
        return [
            ("defis_is_training", "=", True),
            ("website_published", "=", True),
            ("defis_programme_id.website_published", "=", True),
            ("state", "in", ("draft", "confirm")),
            ("date_begin", ">", fields.Datetime.now()),
        ]

    def _defis_seats_left(self):
        """Seats left from the stored counters; None when seats are unlimited."""
        self.ensure_one()
        if self.seats_availability != "limited" or not self.seats_max:
            return None
        return max(self.seats_available, 0)

    @api.model
    def _defis_registration_errors(self, values):
        """Messages by field for what is wrong in ``values`` (name, phone,
        email, structure_id, heard_from); empty when they can be registered."""
        return self.env["defis.portal.form"].defis_errors(values, free_texts=("heard_from",))

    def _defis_lock_seats_left(self):
        """Lock the run's row until the end of the transaction, then count
        the seats left (None: unlimited). Concurrent registrations wait here;
        under REPEATABLE READ one that waited for a registration which updated
        the row fails and is retried by Odoo, so the count is never stale."""
        self.ensure_one()
        # a concurrency failure here is expected and retried: not logged as an error
        self.env.cr.execute(
            "SELECT seats_availability, seats_max FROM event_event WHERE id = %s FOR UPDATE",
            [self.id], log_exceptions=False)
        availability, seats_max = self.env.cr.fetchone()
        if availability != "limited" or not seats_max:
            return None
        self.env.cr.execute(
            "SELECT count(*) FROM event_registration WHERE event_id = %s AND state IN %s",
            [self.id, SEAT_STATES])
        return seats_max - self.env.cr.fetchone()[0]

    @api.model
    def _defis_portal_cap(self, param):
        value = self.env["ir.config_parameter"].sudo().get_param(param) or ""
        return int(value) if value.strip().isdigit() else CAP_DEFAULTS[param]

    def _defis_session_cap_error(self, registration_ids):
        """A French message when the browser session that made
        ``registration_ids`` has registered as many people on this run as
        the website takes from one visitor."""
        self.ensure_one()
        done = self.env["event.registration"].sudo().search_count(
            [("id", "in", registration_ids), ("event_id", "=", self.id)])
        if done >= self._defis_portal_cap(SESSION_CAP_PARAM):
            return _("%d people were registered to this course from this browser already: "
                     "call Défis to register more.") % done
        return False

    def _defis_check_phone_cap(self, phone):
        """The website registers few people with one phone number on a run
        (a couple, a parent and child); called under the run's lock."""
        taken = self.env["event.registration"].sudo().search_count([
            ("event_id", "=", self.id), ("state", "in", SEAT_STATES),
            ("partner_id.defis_phone_e164", "=", phone)])
        if taken >= self._defis_portal_cap(PHONE_CAP_PARAM):
            raise ValidationError(_(
                "%d people are registered to this course with this phone number already: "
                "call Défis to register more.") % taken)

    def _defis_find_learner(self, name, phone):
        """The person with this phone number (E.164) and this name, if any."""
        def norm(text):
            return " ".join((text or "").split()).casefold()
        partners = self.env["res.partner"]
        candidates = partners.search(
            [("is_company", "=", False)] + partners._defis_phone_match_domain(phone))
        return candidates.filtered(lambda partner: norm(partner.name) == norm(name))[:1]

    def _defis_register(self, values):
        """Register a learner on this course run and return the registration.

        ``values``: name, phone, email, partner_id (an existing contact),
        source, heard_from, structure_id, referral_id, learner_type. Raises
        ValidationError for bad values and DefisRunFull when no seat is left;
        nothing is written then. A person already registered gets their
        registration back. The e-mail is sent only when an address is given.
        """
        self.ensure_one()
        errors = self._defis_registration_errors(values)
        if errors:
            raise ValidationError("\n".join(errors.values()))
        if self.state not in ("draft", "confirm"):
            raise UserError(_("The course run %s is over or cancelled.") % self.name)
        cleaned = self.env["defis.portal.form"].defis_cleaned(values)
        name, phone, email = cleaned["name"], cleaned["phone"], cleaned["email"]
        partner = (self.env["res.partner"].browse(values.get("partner_id"))
                   or self._defis_find_learner(name, phone))
        already = self.env["event.registration"].search([
            ("event_id", "=", self.id), ("partner_id", "=", partner.id),
            ("state", "in", SEAT_STATES)], limit=1) if partner else None
        if already:
            return already
        # the stored counter answers at once for a run already full; the
        # count under the lock decides for the last seats
        seats_left = self._defis_seats_left()
        if seats_left != 0:
            seats_left = self._defis_lock_seats_left()
        if seats_left is not None and seats_left <= 0:
            raise DefisRunFull(_("The course run %s is full.") % self.name)
        if values.get("source") == "portal":
            self._defis_check_phone_cap(phone)
        if not partner:
            partner = self.env["res.partner"].create(
                {"name": name, "phone": phone, "email": email, "lang": "fr_FR"})
        registration = self._defis_create_registration(partner, dict(
            values, name=name, phone=phone, email=email))
        # the registration updates the run's row (seat counters): concurrent
        # registrations waiting on the lock are retried with a fresh count
        self.env.cr.execute(
            "UPDATE event_event SET write_date = now() AT TIME ZONE 'UTC' WHERE id = %s",
            [self.id])
        # a registration is an activity of the person (retention of their data)
        partner.sudo().write({"defis_last_activity_date": fields.Date.context_today(self)})
        if email:
            self.env.ref("defis_training.mail_template_registration").sudo().send_mail(
                registration.id)
        return registration

    def _defis_create_registration(self, partner, values):
        source = values.get("source") or "backend"
        if source not in REGISTRATION_SOURCES:
            raise UserError(_("Unknown registration source."))
        heard_from = (values.get("heard_from") or "").strip() or False
        learner_type = values.get("learner_type") or self.defis_programme_id.audience or False
        # confirmed at once; Odoo's own subscription mail is not sent
        return self.env["event.registration"].with_context(
            registration_force_draft=True, tracking_disable=True).create({
                "event_id": self.id,
                "partner_id": partner.id,
                "name": values["name"],
                "phone": values["phone"],
                "email": values["email"],
                "state": "open",
                "defis_source": source,
                "defis_heard_from": heard_from,
                "defis_structure_id": values.get("structure_id") or False,
                "defis_referral_id": values.get("referral_id") or False,
                "defis_learner_type": learner_type,
                "defis_consent_text": values.get("defis_consent_text") or False,
                "defis_consent_date": values.get("defis_consent_date") or False,
            })

    def action_print_certificates(self):
        """The attendance certificates of every learner of the course runs."""
        registrations = self.mapped("registration_ids").filtered(
            lambda r: r.state in ("open", "done"))
        return self.env.ref(
            "defis_training.action_report_defis_training_certificate").report_action(
                registrations, config=False)
