# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import phone as phone_tools

PHONE_FIELDS = ("phone", "mobile")
PHONE_OPERATORS = ("ilike", "like", "not ilike", "not like")
HOUSEHOLD_GROUP = "defis_network.group_defis_user"


class ResPartner(models.Model):
    _inherit = "res.partner"

    # network structures -----------------------------------------------------
    defis_structure_type_id = fields.Many2one(
        "defis.structure.type", string="Structure type", index=True,
        compute="_compute_defis_network_tags", inverse="_inverse_defis_structure_type",
        store=True, track_visibility="onchange")
    defis_subnetwork_id = fields.Many2one(
        "defis.subnetwork", string="Sub-network", index=True,
        compute="_compute_defis_network_tags", inverse="_inverse_defis_subnetwork",
        store=True, track_visibility="onchange")
    defis_is_structure = fields.Boolean(
        string="Network structure", compute="_compute_defis_is_structure", store=True,
        index=True)
    defis_affiliation_date = fields.Date(
        string="Affiliation date", track_visibility="onchange",
        help="Date the structure joined the departmental inclusion network.")
    defis_withdrawal_date = fields.Date(
        string="Withdrawal date", track_visibility="onchange",
        help="Date the structure left the network, if it did.")
    # referents and referrals are read by office staff (readme/ROLES.csv)
    defis_referent_ids = fields.One2many(
        "defis.referent", "structure_id", string="Referents (history)",
        groups="defis_network.group_defis_user")
    defis_current_referent_ids = fields.Many2many(
        "res.partner", string="Current referents",
        compute="_compute_defis_referents", groups="defis_network.group_defis_user")
    defis_missing_referent_count = fields.Integer(
        string="Missing referents", compute="_compute_defis_referents",
        groups="defis_network.group_defis_user")
    defis_referral_ids = fields.One2many(
        "defis.referral", "structure_id", string="Referrals made",
        groups="defis_network.group_defis_user")
    defis_referral_count = fields.Integer(
        string="Referrals", compute="_compute_defis_referral_counts")
    defis_referral_done_count = fields.Integer(
        string="Referrals that led to something", compute="_compute_defis_referral_counts")

    # households -------------------------------------------------------------
    defis_is_household = fields.Boolean(string="Household", index=True)
    defis_household_size = fields.Integer(
        string="Household size", groups=HOUSEHOLD_GROUP,
        help="Number of people living in the household.")
    defis_minimum_benefit = fields.Boolean(
        string="Receives a minimum social benefit", groups=HOUSEHOLD_GROUP)
    defis_referring_structure_id = fields.Many2one(
        "res.partner", string="Referring structure", groups=HOUSEHOLD_GROUP,
        domain=[("defis_is_structure", "=", True)], ondelete="set null")
    defis_consent_date = fields.Date(
        string="Consent date", groups=HOUSEHOLD_GROUP,
        help="Date the person agreed that the association keeps their data.")
    defis_last_activity_date = fields.Date(
        string="Last activity", groups=HOUSEHOLD_GROUP, index=True,
        help="Last membership, purchase, loan, training or referral; households "
             "without activity for the retention period are anonymised.")
    defis_anonymized = fields.Boolean(string="Anonymised", readonly=True, copy=False)

    # phones, shown in national format ---------------------------------------
    defis_phone_display = fields.Char(
        string="Phone number", compute="_compute_defis_phone_display",
        inverse="_inverse_defis_phone_display")
    defis_mobile_display = fields.Char(
        string="Mobile number", compute="_compute_defis_phone_display",
        inverse="_inverse_defis_phone_display")

    _sql_constraints = [
        ("defis_withdrawal_after_affiliation",
         "CHECK(defis_withdrawal_date IS NULL OR defis_affiliation_date IS NULL"
         " OR defis_withdrawal_date >= defis_affiliation_date)",
         "The withdrawal date cannot precede the affiliation date."),
        ("defis_household_size_positive",
         "CHECK(defis_household_size IS NULL OR defis_household_size >= 0)",
         "The household size cannot be negative."),
    ]

    # structure type and sub-network as tags ---------------------------------
    @api.depends("category_id")
    def _compute_defis_network_tags(self):
        types = self.env["defis.structure.type"].with_context(active_test=False).search([])
        subnetworks = self.env["defis.subnetwork"].with_context(active_test=False).search([])
        type_by_tag = {rec.category_id.id: rec for rec in types}
        subnetwork_by_tag = {rec.category_id.id: rec for rec in subnetworks}
        for partner in self:
            tag_ids = partner.category_id.ids
            partner.defis_structure_type_id = next(
                (type_by_tag[tag] for tag in tag_ids if tag in type_by_tag), False)
            partner.defis_subnetwork_id = next(
                (subnetwork_by_tag[tag] for tag in tag_ids if tag in subnetwork_by_tag), False)

    def _replace_family_tag(self, family, new_tag):
        for partner in self:
            old = partner.category_id.filtered(lambda tag: tag.parent_id == family)
            commands = [(3, tag.id) for tag in old - new_tag]
            if new_tag and new_tag not in partner.category_id:
                commands.append((4, new_tag.id))
            if commands:
                partner.category_id = commands

    def _inverse_defis_structure_type(self):
        family = self.env.ref("defis_network.category_structure_type")
        for partner in self:
            partner._replace_family_tag(family, partner.defis_structure_type_id.category_id)

    def _inverse_defis_subnetwork(self):
        family = self.env.ref("defis_network.category_subnetwork")
        for partner in self:
            partner._replace_family_tag(family, partner.defis_subnetwork_id.category_id)

    @api.constrains("category_id")
    def _check_defis_single_network_tags(self):
        families = (
            (self.env.ref("defis_network.category_structure_type"),
             _("A structure has one structure type only; %(name)s has several: %(tags)s.")),
            (self.env.ref("defis_network.category_subnetwork"),
             _("A structure belongs to one sub-network only; %(name)s has several: "
               "%(tags)s.")),
        )
        for partner in self:
            for family, message in families:
                tags = partner.category_id.filtered(lambda tag: tag.parent_id == family)
                if len(tags) > 1:
                    raise ValidationError(message % {
                        "name": partner.display_name, "tags": ", ".join(tags.mapped("name"))})

    @api.depends("is_company", "defis_structure_type_id", "defis_subnetwork_id")
    def _compute_defis_is_structure(self):
        for partner in self:
            partner.defis_is_structure = partner.is_company and bool(
                partner.defis_structure_type_id or partner.defis_subnetwork_id)

    # referents and referrals ------------------------------------------------
    def _compute_defis_referents(self):
        referents = self.env["defis.referent"].search([
            ("structure_id", "in", self.ids), ("date_end", "=", False)])
        by_structure = {}
        for referent in referents:
            by_structure.setdefault(referent.structure_id.id, self.browse())
            by_structure[referent.structure_id.id] |= referent.partner_id
        required = self.env["defis.referent"].REFERENTS_PER_STRUCTURE
        for partner in self:
            current = by_structure.get(partner.id, self.browse())
            partner.defis_current_referent_ids = current
            partner.defis_missing_referent_count = (
                max(required - len(current), 0) if partner.defis_is_structure else 0)

    def _compute_defis_referral_counts(self):
        referrals = self.env["defis.referral"]
        total = referrals._count_by_structure(self.ids)
        done = referrals._count_by_structure(self.ids, [("state", "=", "done")])
        for partner in self:
            partner.defis_referral_count = total.get(partner.id, 0)
            partner.defis_referral_done_count = done.get(partner.id, 0)

    @api.model
    def defis_count_affiliated(self, date, domain=None):
        """Number of structures affiliated to the network on ``date``."""
        return self.search_count(self._defis_affiliated_domain(date) + (domain or []))

    @api.model
    def _defis_affiliated_domain(self, date):
        return [
            ("defis_is_structure", "=", True),
            ("defis_affiliation_date", "<=", date),
            "|", ("defis_withdrawal_date", "=", False), ("defis_withdrawal_date", ">", date),
        ]

    # membership -------------------------------------------------------------
    def defis_is_member_on(self, date=None):
        """Whether this contact holds a valid membership on ``date`` (today
        by default): a paid or waived membership line covering the date and
        not cancelled by then, its own or that of the member it is associated
        to, or a free membership."""
        self.ensure_one()
        return bool(self.defis_members_on(date) & self)

    def defis_members_on(self, date=None):
        """The contacts of ``self`` that are valid members on ``date``."""
        date = fields.Date.to_string(
            fields.Date.from_string(date or fields.Date.context_today(self)))
        candidates = self | self.mapped("associate_member")
        lines = self.env["membership.membership_line"].sudo().search([
            ("partner", "in", candidates.ids),
            ("state", "in", ("paid", "free")),
            ("date_from", "<=", date), ("date_to", ">=", date),
            "|", ("date_cancel", "=", False), ("date_cancel", ">", date),
        ])
        holder_ids = set(lines.mapped("partner").ids)
        return self.filtered(lambda partner: partner.free_member
                             or partner.id in holder_ids
                             or partner.associate_member.id in holder_ids)

    # phones -------------------------------------------------------------
    @api.depends("phone", "mobile", "country_id")
    def _compute_defis_phone_display(self):
        for partner in self:
            partner.defis_phone_display = phone_tools.to_display(partner.phone)
            partner.defis_mobile_display = phone_tools.to_display(partner.mobile)

    def _inverse_defis_phone_display(self):
        for partner in self:
            partner.write({"phone": partner.defis_phone_display,
                           "mobile": partner.defis_mobile_display})

    def _defis_phone_region(self, vals):
        country = self.env["res.country"].browse(vals.get("country_id")) \
            if vals.get("country_id") else self.country_id
        return country.code or phone_tools.DEFAULT_REGION

    def _defis_normalize_phones(self, vals):
        """``vals`` with its phone numbers in E.164; a clear error otherwise."""
        if not any(vals.get(field) for field in PHONE_FIELDS):
            return vals
        vals = dict(vals)
        region = self._defis_phone_region(vals)
        for field in PHONE_FIELDS:
            if vals.get(field):
                try:
                    vals[field] = phone_tools.to_e164(vals[field], region)
                except phone_tools.InvalidPhone:
                    raise ValidationError(_(
                        "The phone number \"%s\" is not valid. Type it as it is dialled "
                        "(e.g. 02 97 12 34 56, 06 12 34 56 78 or +44 20 7946 0958).")
                        % vals[field])
        return vals

    @api.model
    def create(self, vals):
        return super().create(self._defis_normalize_phones(vals))

    @api.multi
    def write(self, vals):
        if not any(vals.get(field) for field in PHONE_FIELDS):
            return super().write(vals)
        for partner in self:
            super(ResPartner, partner).write(partner._defis_normalize_phones(vals))
        return True

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False,
                access_rights_uid=None):
        return super()._search(
            self._defis_phone_domain(args), offset=offset, limit=limit, order=order,
            count=count, access_rights_uid=access_rights_uid)

    @api.model
    def _defis_phone_domain(self, domain):
        """Phone numbers are stored in E.164: a search typed in any format
        (``02 97 12``, ``+33 2 97``, ``0033297``) looks for the same digits."""
        result = []
        for leaf in domain:
            if (isinstance(leaf, (list, tuple)) and len(leaf) == 3
                    and leaf[0] in PHONE_FIELDS and leaf[1] in PHONE_OPERATORS
                    and isinstance(leaf[2], str)):
                digits = phone_tools.search_digits(leaf[2])
                if digits:
                    leaf = (leaf[0], leaf[1], digits)
            result.append(leaf)
        return result

    # retention ----------------------------------------------------------------
    def _defis_anonymized_values(self):
        self.ensure_one()
        return {
            "name": _("Anonymised household %s") % self.id,
            "email": False, "phone": False, "mobile": False,
            "street": False, "street2": False, "comment": False,
            "website": False, "function": False, "title": False, "ref": False,
            "image": False, "defis_consent_date": False, "defis_anonymized": True,
        }

    def action_defis_anonymize(self):
        """Erase what identifies the household; keep what the statistics use
        (town, postcode, household size, benefit, memberships, referrals)."""
        if not self.env.user.has_group("defis_network.group_defis_manager") \
                and not self.env.context.get("defis_retention_cron"):
            raise UserError(_("Only a Défis manager can anonymise a household."))
        for partner in self:
            if partner.user_ids or partner.defis_is_structure or partner.is_company:
                raise UserError(_(
                    "%s is a user or a structure, not a household: it cannot be "
                    "anonymised.") % partner.display_name)
            partner.sudo().write(partner._defis_anonymized_values())
            partner.sudo()._defis_erase_history()
        return True

    def _defis_erase_history(self):
        """Messages, tracked values and attachments may still name the person."""
        self.env["mail.message"].search([
            ("model", "=", "res.partner"), ("res_id", "in", self.ids)]).unlink()
        self.env["ir.attachment"].search([
            ("res_model", "=", "res.partner"), ("res_id", "in", self.ids)]).unlink()

    @api.model
    def _cron_defis_anonymize_inactive(self):
        """Anonymise households without activity for the retention period."""
        years = int(self.env["ir.config_parameter"].sudo().get_param(
            "defis_network.retention_years", 3))
        limit = fields.Date.to_string(
            fields.Date.from_string(fields.Date.context_today(self)) - relativedelta(years=years))
        households = self.sudo().with_context(active_test=False).search([
            ("defis_is_household", "=", True), ("defis_anonymized", "=", False),
            ("user_ids", "=", False),
            "|", ("defis_last_activity_date", "<", limit),
            "&", ("defis_last_activity_date", "=", False), ("create_date", "<", limit),
        ])
        households = households.filtered(lambda p: not p._defis_active_since(limit))
        households.with_context(defis_retention_cron=True).action_defis_anonymize()
        return households

    def _defis_active_since(self, date):
        """Activity the other add-ons record elsewhere (memberships here);
        they extend this hook with sales, loans and trainings."""
        self.ensure_one()
        return bool(self.env["membership.membership_line"].sudo().search_count([
            ("partner", "=", self.id), ("date_to", ">=", date)]))

    # network meetings ---------------------------------------------------------
    defis_meeting_attendance_rate = fields.Float(
        string="Meeting attendance (%)", digits=(5, 1), groups="defis_network.group_defis_user",
        compute="_compute_defis_meeting_attendance_rate",
        help="Held meetings where at least one referent of the structure was present, "
             "out of the held meetings it was invited to.")

    def _compute_defis_meeting_attendance_rate(self):
        rates = self.env["defis.meeting.attendance"]._structure_rates(self.ids)
        for partner in self:
            partner.defis_meeting_attendance_rate = rates.get(partner.id, 0.0)

    # spreadsheet import ---------------------------------------------------------
    @api.model
    def _convert_records(self, records, log=lambda a: None):
        """Structures imported from a spreadsheet: a bad phone number or a
        third referent is reported on its row, which is not imported (the
        import then rolls back as a whole)."""
        for dbid, xid, record, info in super()._convert_records(records, log=log):
            self._defis_import_defaults(record)
            errors = self.browse(dbid)._defis_import_errors(record)
            for message in errors:
                log(dict(info, type="error", message=message))
            if not errors:
                yield dbid, xid, record, info

    @api.model
    def _defis_import_defaults(self, record):
        """A row with a structure type or sub-network is a company; its
        referents start on its affiliation date unless the row says otherwise."""
        if (record.get("defis_structure_type_id") or record.get("defis_subnetwork_id")) \
                and "is_company" not in record and "company_type" not in record:
            record["is_company"] = True
        if record.get("defis_affiliation_date"):
            for command in record.get("defis_referent_ids") or []:
                if command[0] == 0:
                    command[2].setdefault("date_start", record["defis_affiliation_date"])

    def _defis_import_errors(self, record):
        """French messages on what would fail in ``record`` (converted values
        of one imported row; ``self`` is the partner it updates, if any)."""
        structure = record.get("name") or self.name or ""
        errors = []
        for field in PHONE_FIELDS:
            if self._defis_invalid_phone(record.get(field), record):
                errors.append(_("%(structure)s: the phone number \"%(phone)s\" is not "
                                "valid.") % {"structure": structure, "phone": record[field]})
        referents = [command[2] for command in record.get("defis_referent_ids") or []
                     if command[0] == 0]
        for vals in referents:
            if self._defis_invalid_phone(vals.get("phone"), vals):
                errors.append(_("%(structure)s, referent %(referent)s: the phone number "
                                "\"%(phone)s\" is not valid.") % {
                    "structure": structure, "referent": vals.get("name") or "",
                    "phone": vals["phone"]})
        current = len(self.defis_current_referent_ids) + len(
            [vals for vals in referents if not vals.get("date_end")])
        maximum = self.env["defis.referent"].REFERENTS_PER_STRUCTURE
        if current > maximum:
            errors.append(_("%(structure)s would have %(count)d current referents: a "
                            "structure names %(max)d at most.") % {
                "structure": structure, "count": current, "max": maximum})
        return errors

    def _defis_invalid_phone(self, number, vals):
        if not number:
            return False
        try:
            phone_tools.to_e164(number, self._defis_phone_region(vals))
        except phone_tools.InvalidPhone:
            return True
        return False
