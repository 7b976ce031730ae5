# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A structure (or the association itself) as a place of the national map of
digital-inclusion places: the facts the national standard asks for that a
contact does not hold, whether it is published, and what it still lacks."""
import re

import babel.dates

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.l10n_fr_siret.models.partner import _check_luhn

from ..tools import opening_hours
from ..tools.place_standard import VOCABULARY_COLUMNS

RNA_PATTERN = re.compile(r"^W\d[\dAB]\d{7}$")
INSEE_PATTERN = re.compile(r"^([013-9]\d|2[AB1-9])\d{3}$")
ZIP_PATTERN = re.compile(r"^\d{5}$")
URL_PATTERN = re.compile(r"^https?://\S+$")
SUMMARY_MAX = 280
# La Poste's establishments share one SIREN whose SIRETs follow another rule
LA_POSTE_SIREN = "356000000"
PLACE_KINDS = sorted(VOCABULARY_COLUMNS.values())
# what the national standard requires, besides what every contact has
REQUIRED_PLACE_FIELDS = ("name", "street", "zip", "city")
PUBLICATION_FIELDS = (
    "defis_place_published", "is_company", "siren", "nic", "defis_rna") + REQUIRED_PLACE_FIELDS
URL_FIELDS = ("defis_place_accessibility_url", "defis_place_booking_url")


def _vocabulary_field(kind, string, help_text):
    # no field domain: it would hide a value of another list from the check
    # below; the form offers the values of the list (domain in the view)
    return fields.Many2many(
        "defis.place.vocabulary", "defis_partner_place_%s_rel" % kind, "partner_id",
        "vocabulary_id", string=string, help=help_text)


def place_pivot(siren, nic, rna):
    """The place's identifier in the standard: its SIRET, or the RNA number
    of an association without one, or False."""
    if siren and nic:
        return siren + nic
    return rna or False


def siret_key_valid(siret):
    """The check digit of a SIRET (14 digits)."""
    if siret.startswith(LA_POSTE_SIREN):
        return sum(int(digit) for digit in siret) % 5 == 0
    return _check_luhn(siret)


class ResPartner(models.Model):
    # the place's facts apart from the contact's, in a file of their own
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    defis_rna = fields.Char(
        string="RNA number", size=10, copy=False,
        help="Number of the association in the Répertoire national des associations "
             "(W and 9 characters), for an association without a SIRET.")
    defis_insee_code = fields.Char(
        string="INSEE code of the town", size=5,
        help="Official geographic code of the town (not its postcode): 56098 for Lanester.")
    defis_opening_hours = fields.Char(
        string="Opening hours",
        help="In the OpenStreetMap syntax, e.g. Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00; "
             "PH off (days Mo Tu We Th Fr Sa Su, PH public holidays).")
    defis_place_summary = fields.Char(
        string="Short presentation", help="280 characters at most.")
    defis_place_description = fields.Text(string="Detailed presentation")
    defis_place_other_labels = fields.Char(
        string="Other trainings and labels",
        help="Trainings or labels the national list does not hold.")
    defis_place_accessibility_url = fields.Char(
        string="Acceslibre page", help="Address of the place's accessibility page on acceslibre.")
    defis_place_booking_url = fields.Char(
        string="Online booking", help="Address where people book an appointment online.")
    defis_place_itinerance_ids = _vocabulary_field(
        "itinerance", "Fixed or travelling",
        "A travelling place: digital bus, connected van…")
    defis_place_service_ids = _vocabulary_field(
        "service", "Services offered", "The kinds of help the place offers.")
    defis_place_public_ids = _vocabulary_field(
        "public", "Publics specifically addressed",
        "Only when the place receives these publics only or above all.")
    defis_place_support_ids = _vocabulary_field(
        "support", "Specific support", "Particular needs the place can support.")
    defis_place_fee_ids = _vocabulary_field(
        "fee", "Access conditions and fees", "What people pay.")
    defis_place_programme_ids = _vocabulary_field(
        "programme", "National programmes", "National schemes the place belongs to.")
    defis_place_label_ids = _vocabulary_field(
        "label", "Trainings and labels", "Trainings or labels the place obtained.")
    defis_place_access_ids = _vocabulary_field(
        "access", "Access modes", "How people come to the place.")
    defis_place_accompaniment_ids = _vocabulary_field(
        "accompaniment", "Accompaniment modes", "How people are accompanied.")
    defis_place_published = fields.Boolean(
        string="Published on the national map", index=True, copy=False,
        track_visibility="onchange",
        help="The place is in the file of places (/reseau/lieux.csv) that the national "
             "map harvests. Only public facts are published: no referent, only the "
             "structure's own phone, e-mail and website.")
    defis_place_imported = fields.Boolean(
        string="Imported from the national data", readonly=True, copy=False,
        help="Created by the import of a file of places: a candidate for the network "
             "until it is affiliated.")
    defis_place_complete = fields.Boolean(
        string="Complete for the national map", compute="_compute_defis_place_complete",
        store=True, index=True,
        help="The structure has everything the national standard requires.")
    defis_place_missing = fields.Char(
        string="Missing for the national map", compute="_compute_defis_place_missing")

    # the standard's identifier and completeness ----------------------------------
    def _defis_place_pivot(self):
        """SIRET, or RNA number for an association without one, or False."""
        self.ensure_one()
        return place_pivot(self.siren, self.nic, self.defis_rna)

    def _defis_place_missing_labels(self):
        self.ensure_one()
        missing = []
        if not self._defis_place_pivot():
            missing.append(_("SIRET or RNA number"))
        labels = {
            "name": _("name"), "street": _("street"),
            "zip": _("postcode of 5 digits"), "city": _("town"),
        }
        for field in REQUIRED_PLACE_FIELDS:
            value = (self[field] or "").strip()
            if not value or (field == "zip" and not ZIP_PATTERN.match(value)):
                missing.append(labels[field])
        return missing

    @api.depends("is_company", "siren", "nic", "defis_rna", *REQUIRED_PLACE_FIELDS)
    def _compute_defis_place_complete(self):
        for partner in self:
            partner.defis_place_complete = partner.is_company and not (
                partner._defis_place_missing_labels())

    @api.depends("is_company", "siren", "nic", "defis_rna", *REQUIRED_PLACE_FIELDS)
    def _compute_defis_place_missing(self):
        for partner in self:
            missing = partner._defis_place_missing_labels() if partner.is_company else []
            partner.defis_place_missing = ", ".join(missing) or False

    # checks -----------------------------------------------------------------------
    @api.constrains(*PUBLICATION_FIELDS)
    def _check_defis_place_published(self):
        for partner in self.filtered("defis_place_published"):
            if not partner.is_company:
                raise ValidationError(_(
                    "Only a structure can be published on the national map: %s is a "
                    "person.") % partner.display_name)
            missing = partner._defis_place_missing_labels()
            if missing:
                raise ValidationError(_(
                    "%(name)s cannot be published on the national map without: "
                    "%(missing)s.") % {"name": partner.display_name,
                                       "missing": ", ".join(missing)})

    @api.constrains("siren", "nic")
    def _check_defis_siret_key(self):
        # l10n_fr_siret checks the SIREN's key; the SIRET's is checked here
        for partner in self.filtered(lambda p: p.siren and p.nic):
            siret = partner.siren + partner.nic
            if siret.isdigit() and not siret_key_valid(siret):
                raise ValidationError(_(
                    "The SIRET %s is not valid: its check digit is wrong. Copy it from "
                    "annuaire-entreprises.data.gouv.fr.") % siret)

    @api.constrains("defis_rna")
    def _check_defis_rna(self):
        for partner in self.filtered("defis_rna"):
            if not RNA_PATTERN.match(partner.defis_rna):
                raise ValidationError(_(
                    "The RNA number \"%s\" is not valid: it is a W followed by 9 "
                    "characters, e.g. W561001234.") % partner.defis_rna)

    @api.constrains("defis_insee_code")
    def _check_defis_insee_code(self):
        for partner in self.filtered("defis_insee_code"):
            if not INSEE_PATTERN.match(partner.defis_insee_code):
                raise ValidationError(_(
                    "The INSEE code \"%s\" is not valid: it is the town's official code "
                    "of 5 characters (56098 for Lanester), not its postcode.")
                    % partner.defis_insee_code)

    @api.constrains("defis_place_summary")
    def _check_defis_place_summary(self):
        for partner in self.filtered("defis_place_summary"):
            if len(partner.defis_place_summary) > SUMMARY_MAX:
                raise ValidationError(_(
                    "The short presentation of %(name)s has %(length)d characters: the "
                    "national map takes %(max)d at most.") % {
                    "name": partner.display_name, "max": SUMMARY_MAX,
                    "length": len(partner.defis_place_summary)})

    @api.constrains(*URL_FIELDS)
    def _check_defis_place_urls(self):
        for partner in self:
            for field in URL_FIELDS:
                if partner[field] and not URL_PATTERN.match(partner[field]):
                    raise ValidationError(_(
                        "\"%s\" is not a web address: it starts with https:// or "
                        "http://.") % partner[field])

    @api.constrains("defis_opening_hours")
    def _check_defis_opening_hours(self):
        for partner in self.filtered("defis_opening_hours"):
            message = self.defis_opening_hours_error(partner.defis_opening_hours)
            if message:
                raise ValidationError(message)

    @api.model
    def defis_opening_hours_error(self, text):
        """A French message on what is wrong in ``text``, or False."""
        try:
            opening_hours.check(text)
        except opening_hours.InvalidOpeningHours as error:
            details = {
                opening_hours.EMPTY_RULE: _("a rule is empty (two \";\" in a row)"),
                opening_hours.UNKNOWN_DAY: _(
                    "\"%s\" is not a day: write Mo, Tu, We, Th, Fr, Sa, Su, or PH for "
                    "public holidays"),
                opening_hours.BAD_TIME: _(
                    "\"%s\" is not a time range: write HH:MM-HH:MM, e.g. 09:00-12:00"),
                opening_hours.TIME_ORDER: _(
                    "in \"%s\" the closing time must come after the opening time"),
                opening_hours.MISSING_TIMES: _(
                    "\"%s\" gives no hours: add them (Mo-Fr 09:00-17:00) or write off"),
            }
            detail = details[error.kind]
            if "%s" in detail:
                detail = detail % error.fragment
            return _("The opening hours \"%(text)s\" do not follow the OpenStreetMap "
                     "syntax: %(detail)s. Example: Mo-Fr 09:00-12:00,14:00-18:30; "
                     "Sa 08:30-12:00.") % {"text": text, "detail": detail}
        return False

    def _defis_opening_hours_lines(self):
        """The opening hours as people read them, one line per rule:
        « Du lundi au vendredi : 9 h – 12 h et 13 h 30 – 17 h 30 »."""
        self.ensure_one()
        if not self.defis_opening_hours or self.defis_opening_hours_error(
                self.defis_opening_hours):
            return []
        day_names = babel.dates.get_day_names("wide", locale=self.env.lang or "fr_FR")
        days = {code: day_names[number] for number, code in enumerate(opening_hours.DAYS)}
        days.update({"PH": _("public holidays"), "SH": _("school holidays")})
        # terms read here: Odoo finds the language in this frame, not in a generator's
        from_to, joined = _("from %(first)s to %(last)s"), " %s " % _("and")
        lines = []
        for selector, ranges in opening_hours.rules(self.defis_opening_hours):
            when = ", ".join(
                from_to % dict(zip(("first", "last"), (
                    days[day] for day in item.split("-")))) if "-" in item else days[item]
                for item in selector) or _("every day")
            hours = joined.join(
                "%s – %s" % (self._defis_time_text(start), self._defis_time_text(end))
                for start, end in ranges) or _("closed")
            lines.append(_("%(when)s: %(hours)s") % {
                "when": when[:1].upper() + when[1:], "hours": hours})
        return lines

    def _defis_time_text(self, time):
        hours, minutes = (int(part) for part in time.split(":"))
        if minutes:
            return _("%(hours)d:%(minutes)02d") % {"hours": hours, "minutes": minutes}
        return _("%(hours)d:00") % {"hours": hours}

    @api.constrains(*["defis_place_%s_ids" % kind for kind in PLACE_KINDS])
    def _check_defis_place_vocabularies(self):
        for partner in self:
            for kind in PLACE_KINDS:
                wrong = partner["defis_place_%s_ids" % kind].filtered(
                    lambda value, kind=kind: value.kind != kind)
                if wrong:
                    raise ValidationError(_(
                        "\"%(value)s\" does not belong to the list \"%(field)s\".") % {
                        "value": wrong[0].name,
                        "field": partner._fields["defis_place_%s_ids" % kind].get_description(
                            self.env)["string"]})

    # the published file follows the publications ------------------------------------
    @api.model
    def create(self, vals):
        partner = super().create(vals)
        if vals.get("defis_place_published"):
            self.env["defis.place.export"].defis_refresh_files()
        return partner

    @api.multi
    def write(self, vals):
        result = super().write(vals)
        if "defis_place_published" in vals:
            # a place withdrawn from the map leaves the published file at once
            self.env["defis.place.export"].defis_refresh_files()
        return result
