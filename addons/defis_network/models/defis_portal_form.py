# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The one validator of the person forms of the website and the portal
(a referral by a structure, a registration to a course run)."""
import hashlib
import hmac
import re
import time

from odoo import _, api, fields, models
from odoo.tools import single_email_re

from ..tools import phone as phone_tools

NAME_MAX = 128
EMAIL_MAX = 254
TEXT_MAX = 500
# C0 and C1 control characters, DEL; tabs and line breaks are allowed in free texts
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAK = re.compile(r"[\t\n\r]")
# a field people do not see (hidden by the page's style): only robots fill it in
HONEYPOT = "homepage"
STAMP = "form_stamp"
# seconds between showing a form and posting it: fewer is a robot, more a stale page
MIN_SECONDS_PARAM = "defis_network.form_min_seconds"
MIN_SECONDS_DEFAULT = 3
MAX_SECONDS = 24 * 3600


class DefisPortalForm(models.AbstractModel):
    _name = "defis.portal.form"
    _description = "Validation of the person forms of the website and the portal"

    @api.model
    def defis_errors(self, values, free_texts=(), phone_required=True):
        """French messages by field for what is wrong in ``values`` (strings
        as posted): ``name`` (required), ``phone``, ``email`` (optional),
        ``structure_id`` (optional: the id of a structure of the network) and
        the free texts named in ``free_texts``. Empty when all is right."""
        errors = {}
        for field, maximum, single_line in self._defis_text_fields(free_texts):
            message = self._defis_text_error(values.get(field), maximum, single_line)
            if message:
                errors[field] = message
        errors.setdefault("name", self._defis_name_error(values.get("name")))
        errors.setdefault("phone", self._defis_phone_error(values.get("phone"), phone_required))
        errors.setdefault("email", self._defis_email_error(values.get("email")))
        errors["structure_id"] = self._defis_structure_error(values.get("structure_id"))
        return {field: message for field, message in errors.items() if message}

    @staticmethod
    def _defis_text_fields(free_texts):
        return [("name", NAME_MAX, True), ("phone", NAME_MAX, True), ("email", EMAIL_MAX, True)] \
            + [(field, TEXT_MAX, False) for field in free_texts]

    @api.model
    def _defis_text_error(self, text, maximum, single_line):
        text = text or ""
        if not isinstance(text, str):
            return False
        if _CONTROL.search(text) or (single_line and _LINE_BREAK.search(text)):
            return _("This field holds characters that cannot be typed (control "
                     "characters): remove them.")
        if len(text.strip()) > maximum:
            return _("This field takes %d characters at most.") % maximum
        return False

    @api.model
    def _defis_name_error(self, name):
        if not (name or "").strip():
            return _("Type the name of the person.")
        return False

    @api.model
    def _defis_phone_error(self, phone, required, region=None):
        phone = (phone or "").strip()
        if not phone:
            return _("Type a phone number where the person can be reached.") \
                if required else False
        if not phone_tools.normalized(phone, region):
            return _("This phone number is not valid. Type it as it is dialled, "
                     "e.g. 06 12 34 56 78 or +44 20 7946 0958.")
        return False

    @api.model
    def _defis_email_error(self, email):
        email = (email or "").strip()
        if email and not single_email_re.match(email):
            return _("This e-mail address is not valid, e.g. nom@exemple.fr.")
        return False

    @api.model
    def _defis_structure_error(self, structure_id, date=None):
        """The message when ``structure_id`` is not a structure of the
        network; with ``date``, one still in it that day (what a public form
        offers: a structure that left the network refers no one from then on)."""
        partners = self.env["res.partner"].sudo()
        domain = (partners._defis_not_withdrawn_domain(date) if date
                  else [("defis_is_structure", "=", True)])
        if structure_id and not partners.search_count([("id", "=", structure_id)] + domain):
            return _("Choose a structure of the network in the list.")
        return False

    @api.model
    def defis_cleaned(self, values):
        """The validated person values as they are stored: the name with
        single spaces, the phone in E.164, the e-mail or False."""
        return dict(
            values,
            name=" ".join((values.get("name") or "").split()),
            phone=phone_tools.to_e164(values.get("phone")),
            email=(values.get("email") or "").strip() or False)

    # abuse: honeypot, signed time stamp, consent ------------------------------
    @api.model
    def defis_stamp(self, at=None):
        """When the form is shown, signed with the database's secret so that
        a robot can neither forge it nor make it older."""
        moment = int(at if at is not None else time.time())
        return "%d.%s" % (moment, self._defis_stamp_signature(moment))

    @api.model
    def _defis_stamp_signature(self, moment):
        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret")
        return hmac.new(secret.encode(), b"defis.portal.form:%d" % moment,
                        hashlib.sha256).hexdigest()

    @api.model
    def _defis_stamp_age(self, stamp):
        """Seconds since the stamp was made; None for a missing or forged one."""
        moment, _dot, signature = (stamp or "").partition(".")
        if not moment.isdigit() or not hmac.compare_digest(
                signature, self._defis_stamp_signature(int(moment))):
            return None
        return time.time() - int(moment)

    @api.model
    def _defis_min_seconds(self):
        value = self.env["ir.config_parameter"].sudo().get_param(MIN_SECONDS_PARAM)
        try:
            return max(float(value), 0.0) if value else MIN_SECONDS_DEFAULT
        except ValueError:
            return MIN_SECONDS_DEFAULT

    @api.model
    def defis_abuse_error(self, post):
        """A French message when the posted form looks sent by a robot (the
        hidden field filled in, the stamp forged, missing, too recent or too
        old); False otherwise. What a proxy cannot judge is refused here."""
        age = self._defis_stamp_age(post.get(STAMP))
        if (post.get(HONEYPOT) or "").strip() or age is None:
            return _("This form could not be sent: reload the page and fill it in again.")
        if age < self._defis_min_seconds():
            return _("The form was sent too quickly after it was shown: check it and "
                     "send it again.")
        if age > MAX_SECONDS:
            return _("The form was shown a long time ago: check it and send it again.")
        return False

    @api.model
    def defis_consent_text(self, form):
        """The sentence a person agrees to on the form ``form``
        (``registration`` or ``referral``), in the user's language."""
        if form == "registration":
            return _("Défis keeps your name, phone number and e-mail address to organise "
                     "the course and to report the hours of training to those who fund "
                     "it, for 3 years after your last session; you may see them, have "
                     "them corrected or erased at any time.")
        return _("The person agrees that their name, phone number, e-mail address and "
                 "the reason above are sent to Défis to answer their need; Défis keeps "
                 "them for 3 years after its last service to the person.")

    @api.model
    def defis_guard_errors(self, post):
        """French messages by field (``consent``, ``form``) for a posted form
        without consent or that looks sent by a robot."""
        errors = {"form": self.defis_abuse_error(post)}
        if not post.get("consent"):
            errors["consent"] = _("Tick the box to agree to what is kept.")
        return {field: message for field, message in errors.items() if message}

    @api.model
    def defis_consent_values(self, form):
        """The consent as it is stored on the record: its wording and date."""
        return {"defis_consent_text": self.defis_consent_text(form),
                "defis_consent_date": fields.Datetime.now()}

    @api.model
    def defis_form_guard(self, form, checked=False):
        """What a form template shows of the guard: a fresh stamp, the
        hidden field, the consent sentence."""
        return {"stamp": self.defis_stamp(), "stamp_name": STAMP, "honeypot": HONEYPOT,
                "consent_text": self.defis_consent_text(form), "consent_checked": checked}
