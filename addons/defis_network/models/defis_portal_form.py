# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The one validator of the person forms of the website and the portal
(a referral by a structure, a registration to a course run)."""
import re

from odoo import _, api, models
from odoo.tools import single_email_re

from ..tools import phone as phone_tools

NAME_MAX = 128
EMAIL_MAX = 254
TEXT_MAX = 500
# C0 and C1 control characters, DEL; tabs and line breaks are allowed in free texts
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAK = re.compile(r"[\t\n\r]")


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
    def _defis_structure_error(self, structure_id):
        if structure_id and not self.env["res.partner"].sudo().search_count(
                [("id", "=", structure_id), ("defis_is_structure", "=", True)]):
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
