# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Learners in the retention rules: who is due, what a funder keeps, and the
copies of their name, e-mail and phone on their registrations."""
from odoo import _, api, fields, models

from odoo.addons.defis_network.models.res_partner_retention import Hold, years_after

LEARNER_RETENTION = "defis_training.learner_retention_years"


# contacts are extended in one file per concern, on purpose
class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _defis_retention_due(self):
        return super()._defis_retention_due() | self._defis_learners_due()

    @api.model
    def _defis_learners_due(self):
        """Learners who are not households: the period after their last
        attendance (the end of their last run when they never came)."""
        limit = self._defis_retention_limit(LEARNER_RETENTION)
        self.env.cr.execute("""
            SELECT r.partner_id
              FROM event_registration r
              JOIN event_event e ON e.id = r.event_id
              JOIN res_partner p ON p.id = r.partner_id
              LEFT JOIN defis_training_attendance a
                     ON a.registration_id = r.id AND a.state = 'present'
             WHERE p.defis_is_household IS NOT TRUE
             GROUP BY r.partner_id
            HAVING COALESCE(MAX(a.date), MAX(e.date_end)) < %s
        """, (limit,))
        ids = [row[0] for row in self.env.cr.fetchall()]
        return self._defis_retention_candidates([("id", "in", ids)])

    def _defis_privacy_holds(self):
        """A funding agreement keeps the names of its runs' learners for the
        years its funder may audit the attendance."""
        holds = super()._defis_privacy_holds()
        today = fields.Date.context_today(self)
        registrations = self.env["event.registration"].sudo().search([
            ("partner_id", "=", self.id),
            ("event_id.defis_funding_id.learner_retention_years", ">", 0)])
        for funding in registrations.mapped("event_id.defis_funding_id"):
            until = years_after(funding.date_end, funding.learner_retention_years)
            if until >= today:
                holds.append(Hold(_(
                    "The name on the attendance of the course runs funded by the agreement "
                    "%(agreement)s (%(funder)s), which its funder may audit.") % {
                        "agreement": funding.name, "funder": funding.funder_id.name},
                    until, False))
        return holds

    def _defis_anonymize_copies(self, keep_name):
        """Registrations copy the learner's name, e-mail and phone."""
        super()._defis_anonymize_copies(keep_name)
        values = {"email": False, "phone": False}
        if not keep_name:
            values["name"] = self.name
        self.env["event.registration"].sudo().with_context(active_test=False).search(
            [("partner_id", "=", self.id)]).write(values)
        return True

    def _defis_personal_data(self):
        data = super()._defis_personal_data()
        registrations = self.env["event.registration"].with_context(active_test=False).search(
            [("partner_id", "=", self.id)])
        data[_("Training registrations")] = self._defis_export_rows(registrations, [
            "event_id", "name", "email", "phone", "date_open", "state", "defis_source",
            "defis_structure_id", "defis_hours_attended", "defis_completed"])
        data[_("Training attendance")] = self._defis_export_rows(
            registrations.mapped("defis_attendance_ids"),
            ["event_id", "date", "state", "hours"])
        return data
