# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Membership validity: the one place that says who is a member on a day."""
from odoo import fields, models

# the last day covered by a free (honorary) membership
FREE_MEMBER_UNTIL = "9999-12-31"
VALID_STATES = ("paid", "free")


# contacts are extended in one file per concern, on purpose
class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    def defis_is_member_on(self, date=None):
        """Whether this contact holds a valid membership on ``date``."""
        self.ensure_one()
        return bool(self.defis_members_on(date))

    def defis_members_on(self, date=None):
        """The contacts of ``self`` that are valid members on ``date`` (today
        by default)."""
        ends = self._defis_membership_ends(date)
        return self.filtered(lambda partner: partner.id in ends)

    def _defis_membership_ends(self, date=None):
        """``{contact id: last day covered}`` for the contacts of ``self``
        whose membership is valid on ``date`` (today by default), in one
        query. A membership is valid on a day when a paid or waived
        membership line covers it and is not cancelled by then, the
        contact's own or that of the member it is associated to; a free
        member is valid every day."""
        ids = tuple(partner_id for partner_id in self.ids if isinstance(partner_id, int))
        if not ids:
            return {}
        day = fields.Date.to_string(
            fields.Date.from_string(date or fields.Date.context_today(self)))
        self.env.cr.execute("""
            SELECT partner.id,
                   CASE WHEN partner.free_member THEN %(free)s::date
                        ELSE max(line.date_to) END
              FROM res_partner partner
              LEFT JOIN membership_membership_line line
                ON line.partner IN (partner.id, partner.associate_member)
               AND line.state IN %(states)s
               AND line.date_from <= %(day)s AND line.date_to >= %(day)s
               AND (line.date_cancel IS NULL OR line.date_cancel > %(day)s)
             WHERE partner.id IN %(ids)s
             GROUP BY partner.id""", {
            "free": FREE_MEMBER_UNTIL, "states": VALID_STATES, "day": day, "ids": ids})
        # dates come as strings (Odoo's typecaster)
        return {partner_id: end for partner_id, end in self.env.cr.fetchall() if end}
