# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""How often a structure's referents come to the network's meetings."""
from odoo import fields, models


# contacts are extended in one file per concern, on purpose
class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    defis_meeting_attendance_rate = fields.Float(
        string="Meeting attendance (%)", digits=(5, 1), groups="defis_network.group_defis_user",
        compute="_compute_defis_meeting_attendance_rate",
        help="Held meetings where at least one referent of the structure was present, "
             "out of the held meetings it was invited to.")

    def _compute_defis_meeting_attendance_rate(self):
        # the ORM computes a batch of 1000 records at a time; each query
        # scans the attendance lines: one query for all the records read
        if not self:
            return
        field = self._fields["defis_meeting_attendance_rate"]
        first = self[:1].with_prefetch(self._prefetch)
        partners = self | first._in_cache_without(field, limit=None)
        rates = self.env["defis.meeting.attendance"]._structure_rates(partners.ids)
        # straight to the cache, as the ORM sets computed values: nothing
        # depends on the rate, no dependency to mark per record
        cache = self.env.cache
        for partner in partners:
            cache.set(partner, field, field.convert_to_cache(rates.get(partner.id, 0.0), partner))
