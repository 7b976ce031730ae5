# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Structures of the network: their type and sub-network are tags."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


# contacts are extended in one file per concern, on purpose
class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

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

    _sql_constraints = [
        ("defis_withdrawal_after_affiliation",
         "CHECK(defis_withdrawal_date IS NULL OR defis_affiliation_date IS NULL"
         " OR defis_withdrawal_date >= defis_affiliation_date)",
         "The withdrawal date cannot precede the affiliation date."),
    ]

    @api.depends("category_id")
    def _compute_defis_network_tags(self):
        # most contacts (households, persons) have no tag: no search for them
        untagged = self.filtered(lambda partner: not partner.category_id)
        for partner in untagged:
            partner.defis_structure_type_id = partner.defis_subnetwork_id = False
        (self - untagged)._compute_defis_network_tags_of_tagged()

    def _compute_defis_network_tags_of_tagged(self):
        if not self:
            return
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

    @api.model
    def defis_count_affiliated(self, date, domain=None):
        """Number of structures affiliated to the network on ``date``."""
        return self.search_count(self._defis_affiliated_domain(date) + (domain or []))

    @api.model
    def _defis_affiliated_domain(self, date):
        return [("defis_affiliation_date", "<=", date)] + self._defis_not_withdrawn_domain(date)

    @api.model
    def _defis_not_withdrawn_domain(self, date):
        """Structures that have not left the network on ``date``."""
        return [
            ("defis_is_structure", "=", True),
            "|", ("defis_withdrawal_date", "=", False), ("defis_withdrawal_date", ">", date),
        ]

    @api.model
    def defis_structure_choices(self, date):
        """``(id, name)`` of the structures still in the network on ``date``,
        by name: the choices a public form offers. The records are searched
        with the caller's rights; their names are read in one query (the ORM's
        read of two hundred names is a tenth of a public page's time)."""
        structures = self.search(self._defis_not_withdrawn_domain(date), order="name, id")
        if not structures:
            return []
        self.env.cr.execute(
            "SELECT id, name FROM res_partner WHERE id IN %s ORDER BY name, id",
            [tuple(structures.ids)])
        return self.env.cr.fetchall()
