# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Phone numbers of contacts.

``phone`` and ``mobile`` keep what was written to them. A person types a
number in the Défis fields (``defis_phone_display``, the portals), where it
is validated and stored in E.164. Whatever the text stored, its E.164 form is
kept in an indexed field used to search and to match people; a number that
does not parse (old data, an import, another module) is never refused on
write: the contact is flagged « phone to check » instead."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools import phone as phone_tools

PHONE_FIELDS = ("phone", "mobile")


# contacts are extended in one file per concern, on purpose
class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    defis_phone_e164 = fields.Char(
        string="Phone (E.164)", compute="_compute_defis_phone_e164", store=True, index=True,
        help="The phone number in international format, to search and match contacts.")
    defis_mobile_e164 = fields.Char(
        string="Mobile (E.164)", compute="_compute_defis_mobile_e164", store=True, index=True)
    defis_phone_to_check = fields.Boolean(
        string="Phone number to check", compute="_compute_defis_phone_to_check", store=True,
        help="A phone or mobile number of this contact is not a valid number.")
    # one compute and one inverse per number: writing one does not recompute the other
    defis_phone_display = fields.Char(
        string="Phone number", compute="_compute_defis_phone_display",
        inverse="_inverse_defis_phone_display")
    defis_mobile_display = fields.Char(
        string="Mobile number", compute="_compute_defis_mobile_display",
        inverse="_inverse_defis_mobile_display")
    defis_phone_search = fields.Char(
        string="Phone or mobile", compute="_compute_defis_phone_search",
        search="_search_defis_phone",
        help="Search a phone or mobile number typed in any format.")

    @api.depends("phone", "country_id")
    def _compute_defis_phone_e164(self):
        for partner in self:
            partner.defis_phone_e164 = phone_tools.normalized(
                partner.phone, partner.country_id.code)

    @api.depends("mobile", "country_id")
    def _compute_defis_mobile_e164(self):
        for partner in self:
            partner.defis_mobile_e164 = phone_tools.normalized(
                partner.mobile, partner.country_id.code)

    @api.depends("phone", "mobile", "defis_phone_e164", "defis_mobile_e164")
    def _compute_defis_phone_to_check(self):
        for partner in self:
            partner.defis_phone_to_check = any(
                partner[field] and not partner["defis_%s_e164" % field]
                for field in PHONE_FIELDS)

    @api.depends("defis_phone_e164")
    def _compute_defis_phone_display(self):
        for partner in self:
            partner.defis_phone_display = partner._defis_shown_phone("phone")

    @api.depends("defis_mobile_e164")
    def _compute_defis_mobile_display(self):
        for partner in self:
            partner.defis_mobile_display = partner._defis_shown_phone("mobile")

    def _inverse_defis_phone_display(self):
        for partner in self:
            partner._defis_set_phone("phone", partner.defis_phone_display)

    def _inverse_defis_mobile_display(self):
        for partner in self:
            partner._defis_set_phone("mobile", partner.defis_mobile_display)

    @api.model
    def create(self, vals):
        return super().create(self._defis_typed_phones_stored(vals))

    @api.model
    def _defis_typed_phones_stored(self, vals):
        """The values of a creation with the numbers typed in the Défis
        fields put in ``phone`` and ``mobile`` themselves, by the inverse's
        rule: left to the inverse, each cost a second write of the new
        contact (audited, its fields read before and after)."""
        typed = [field for field in PHONE_FIELDS if "defis_%s_display" % field in vals]
        if not typed:
            return vals
        # who may not create a contact is told so, not about its number
        self.check_access_rights("create")
        vals = dict(vals)
        country_id = vals["country_id"] if "country_id" in vals else self.default_get(
            ["country_id"]).get("country_id")
        country_code = self.env["res.country"].browse(country_id).code
        for field in typed:
            number = vals.pop("defis_%s_display" % field)
            stored = vals.get(field) or False
            shown = self._defis_phone_as_shown(
                phone_tools.normalized(stored, country_code) or stored)
            if (number or False) != shown:
                vals[field] = self._defis_validated_phone(number, country_code)
        return vals

    def _defis_set_phone(self, field, typed):
        """A number typed by a person: refused in French when it is not
        valid, stored in E.164 otherwise. The number shown, written back
        unchanged (a form saving both numbers), is left as it is."""
        self.ensure_one()
        if (typed or False) != self._defis_shown_phone(field):
            self[field] = self._defis_validated_phone(typed, self.country_id.code)

    def _defis_shown_phone(self, field):
        return self._defis_phone_as_shown(self["defis_%s_e164" % field] or self[field])

    @api.model
    def _defis_phone_as_shown(self, stored):
        return phone_tools.to_display(stored, extension_label=_("ext.")) or False

    @api.model
    def _defis_validated_phone(self, typed, country_code):
        """E.164 of a number a person typed for a contact of the country
        ``country_code``; a French ValidationError when it is not valid."""
        try:
            return phone_tools.to_e164(typed, country_code)
        except phone_tools.InvalidPhone:
            raise ValidationError(_(
                "The phone number \"%s\" is not valid. Type it as it is dialled "
                "(e.g. 02 97 12 34 56, 06 12 34 56 78 or +44 20 7946 0958).") % typed)

    def _compute_defis_phone_search(self):
        for partner in self:
            partner.defis_phone_search = partner.defis_phone_display

    @api.model
    def _search_defis_phone(self, operator, value):
        """Stored numbers are in E.164: a search typed in any format
        (``02 97 12``, ``+33 2 97``, ``0033297``) looks for the same digits."""
        if operator not in ("ilike", "like", "=", "=like", "=ilike") or not isinstance(
                value, str):
            return ["|", ("phone", operator, value), ("mobile", operator, value)]
        digits = phone_tools.search_digits(value)
        if not digits:
            return ["|", ("phone", "ilike", value), ("mobile", "ilike", value)]
        return ["|", "|", "|",
                ("defis_phone_e164", "like", digits), ("defis_mobile_e164", "like", digits),
                ("phone", "ilike", value), ("mobile", "ilike", value)]

    @api.model
    def _defis_phone_match_domain(self, e164):
        """Contacts whose phone or mobile is the number ``e164``."""
        return ["|", ("defis_phone_e164", "=", e164), ("defis_mobile_e164", "=", e164)]
