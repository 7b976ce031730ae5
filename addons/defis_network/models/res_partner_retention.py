# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Retention of personal data: one rule per kind of person, one daily job,
one anonymisation that each add-on extends for the copies it keeps."""
from collections import namedtuple

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

# What a legal obligation keeps of a person: ``blocking`` holds refuse any
# anonymisation (an open loan); the others keep the person's name until
# ``until`` (accounting documents, a funder's audit) and let the rest go.
Hold = namedtuple("Hold", ["reason", "until", "blocking"])

RETENTION_PARAMETERS = {
    "household": "defis_network.retention_years",
    "referent": "defis_network.referent_retention_years",
}
ERASED_BODY = "<p>—</p>"


def years_before(date, years):
    """The date ``years`` years before ``date`` (date strings)."""
    return fields.Date.to_string(fields.Date.from_string(date) - relativedelta(years=years))


def years_after(date, years):
    return fields.Date.to_string(fields.Date.from_string(date) + relativedelta(years=years))


# contacts are extended in one file per concern, on purpose
class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    defis_anonymized = fields.Boolean(string="Anonymised", readonly=True, copy=False)
    defis_privacy_kept = fields.Text(
        string="Kept by a legal obligation", readonly=True, copy=False,
        groups="defis_network.group_defis_user",
        help="What an erasure had to keep, why and until when.")
    defis_privacy_kept_until = fields.Date(
        string="Kept until", readonly=True, copy=False, index=True,
        groups="defis_network.group_defis_user",
        help="The daily retention job anonymises what was kept after this date.")

    # -- the rules -----------------------------------------------------------

    @api.model
    def _defis_retention_limit(self, parameter, default=3):
        """Today minus the retention period (years) of ``parameter``."""
        years = int(self.env["ir.config_parameter"].sudo().get_param(parameter, default))
        return years_before(fields.Date.context_today(self), years)

    @api.model
    def _defis_retention_due(self):
        """People whose retention period is over, by kind of person (the other
        add-ons add theirs: learners), and what an erasure kept until a past date."""
        return (self._defis_households_due() | self._defis_referents_due()
                | self._defis_retention_candidates([("defis_privacy_kept_until", "!=", False)]))

    @api.model
    def _defis_retention_candidates(self, domain):
        """People of ``domain`` that no one anonymised yet, with no login and
        nothing kept for later."""
        return self.sudo().with_context(active_test=False).search([
            ("defis_anonymized", "=", False), ("user_ids", "=", False),
            ("is_company", "=", False), ("defis_is_structure", "=", False),
            "|", ("defis_privacy_kept_until", "=", False),
            ("defis_privacy_kept_until", "<", fields.Date.context_today(self)),
        ] + domain)

    @api.model
    def _defis_households_due(self):
        """Households: the period after their last membership, loan or purchase."""
        limit = self._defis_retention_limit(RETENTION_PARAMETERS["household"])
        households = self._defis_retention_candidates([
            ("defis_is_household", "=", True),
            "|", ("defis_last_activity_date", "<", limit),
            "&", ("defis_last_activity_date", "=", False), ("create_date", "<", limit),
        ])
        return households.filtered(lambda p: not p._defis_active_since(limit))

    def _defis_active_since(self, date):
        """Activity the other add-ons record elsewhere (memberships here);
        they extend this hook with sales, loans and trainings."""
        self.ensure_one()
        return bool(self.env["membership.membership_line"].sudo().search_count([
            ("partner", "=", self.id), ("date_to", ">=", date)]))

    @api.model
    def _defis_referents_due(self):
        """Referents: once they left the network (no current referent period)
        and their last period and meetings are older than the period."""
        limit = self._defis_retention_limit(RETENTION_PARAMETERS["referent"])
        self.env.cr.execute("""
            SELECT r.partner_id
              FROM defis_referent r
             GROUP BY r.partner_id
            HAVING bool_and(r.date_end IS NOT NULL) AND MAX(r.date_end) < %s
               AND NOT EXISTS (
                   SELECT 1 FROM defis_meeting_attendance a
                     JOIN defis_meeting m ON m.id = a.meeting_id
                    WHERE a.partner_id = r.partner_id AND m.date >= %s)
        """, (limit, limit))
        ids = [row[0] for row in self.env.cr.fetchall()]
        return self._defis_retention_candidates([("id", "in", ids)])

    @api.model
    def _cron_defis_anonymize_inactive(self):
        """The daily job: anonymise whoever is due and nothing keeps."""
        due = self._defis_retention_due()
        due = due.filtered(lambda p: not any(h.blocking for h in p._defis_privacy_holds()))
        due._defis_anonymize()
        return due

    # -- what the law keeps --------------------------------------------------

    def _defis_privacy_holds(self):
        """The holds on this person's data (list of Hold); the other add-ons
        add theirs (open loans, accounting documents, funders' audits)."""
        self.ensure_one()
        return []

    # -- the anonymisation ---------------------------------------------------

    def action_defis_anonymize(self):
        """The right to erasure, now: the same anonymisation as the daily job,
        refused with its reason while a legal obligation blocks it."""
        if not self.env.user.has_group("defis_network.group_defis_manager"):
            raise UserError(_("Only a Défis manager can anonymise a person."))
        for partner in self:
            if partner.user_ids or partner.defis_is_structure or partner.is_company:
                raise UserError(_(
                    "%s is a user or a structure, not a person the association serves: "
                    "it cannot be anonymised.") % partner.display_name)
            blocking = [h.reason for h in partner._defis_privacy_holds() if h.blocking]
            if blocking:
                raise UserError(_("The data of %(name)s cannot be erased yet: %(reasons)s") % {
                    "name": partner.display_name, "reasons": " ".join(blocking)})
        self._defis_anonymize()
        return True

    def _defis_anonymize(self):
        """Erase what identifies each person, here and in every copy; keep
        what the statistics use (town, postcode, household size, benefit,
        memberships, referrals, registrations, loans, sales). A non-blocking
        hold keeps the name until its date."""
        for partner in self.sudo():
            holds = [h for h in partner._defis_privacy_holds() if not h.blocking]
            keep_name = bool(holds)
            partner.write(partner._defis_anonymized_values(holds))
            partner._defis_anonymize_copies(keep_name)
        return True

    def _defis_anonymized_values(self, holds=()):
        self.ensure_one()
        values = {
            "email": False, "phone": False, "mobile": False,
            "street": False, "street2": False, "comment": False,
            "website": False, "function": False, "title": False, "ref": False,
            "image": False, "defis_consent_date": False,
        }
        if holds:
            until = max(h.until for h in holds)
            return dict(values, defis_privacy_kept_until=until, defis_privacy_kept="\n".join(
                _("%(reason)s Kept until %(until)s.") % {
                    "reason": h.reason, "until": self._defis_format_date(h.until)}
                for h in holds))
        if self.defis_is_household:
            name = _("Anonymised household %s") % self.id
        else:
            name = _("Anonymised person %s") % self.id
        return dict(values, name=name, defis_anonymized=True,
                    defis_privacy_kept=False, defis_privacy_kept_until=False)

    def _defis_format_date(self, date):
        return fields.Date.from_string(date).strftime("%d/%m/%Y")

    def _defis_anonymize_copies(self, keep_name):
        """The copies of this person's data on other records: the history
        here, the free text of their referrals; the other add-ons extend it
        (registrations, loans, till orders). ``keep_name``: a hold keeps the
        person's name where it is written."""
        self.ensure_one()
        self._defis_erase_history()
        self.env["defis.referral"].search([("person_id", "=", self.id)]).write(
            {"reason": False})
        return True

    def _defis_erase_history(self):
        """Messages about the person, and what they wrote elsewhere, may
        name them; tracked values copy their former name."""
        messages = self.env["mail.message"]
        messages.search([("model", "=", "res.partner"), ("res_id", "in", self.ids)]).unlink()
        messages.search([("author_id", "in", self.ids)]).write(
            {"body": ERASED_BODY, "email_from": False, "subject": False, "reply_to": False})
        self.env["mail.followers"].search([("partner_id", "in", self.ids)]).unlink()
        self.env["ir.attachment"].search([
            ("res_model", "=", "res.partner"), ("res_id", "in", self.ids)]).unlink()
        self._defis_rename_tracking()

    def _defis_rename_tracking(self):
        """Tracked changes of a link to this person show its name then."""
        tracking = self.env["mail.tracking.value"]
        for side in ("old", "new"):
            tracking.search([
                ("field_type", "=", "many2one"), ("%s_value_integer" % side, "=", self.id),
            ]).filtered(self._defis_tracks_a_partner).write({"%s_value_char" % side: self.name})

    def _defis_tracks_a_partner(self, tracking):
        model = self.env.get(tracking.mail_message_id.model)
        field = model is not None and model._fields.get(tracking.field)
        return bool(field) and field.comodel_name == "res.partner"
