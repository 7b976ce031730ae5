# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

CONTACT_FIELDS = ("name", "phone", "email")


class DefisReferent(models.Model):
    """A person a structure names as its referent for the network, over a
    period: ending a referent and naming another keeps who was referent when."""

    _name = "defis.referent"
    _description = "Referent of a network structure"
    _order = "structure_id, date_end desc, date_start desc, id"
    _rec_name = "partner_id"

    REFERENTS_PER_STRUCTURE = 2

    structure_id = fields.Many2one(
        "res.partner", string="Structure", required=True, index=True, ondelete="cascade",
        domain=[("is_company", "=", True)])
    partner_id = fields.Many2one(
        "res.partner", string="Referent", required=True, index=True, ondelete="restrict",
        domain="[('parent_id', '=', structure_id), ('is_company', '=', False)]")
    date_start = fields.Date(string="From", required=True, default=fields.Date.context_today)
    date_end = fields.Date(string="Until", help="Empty while the person is referent.")
    is_current = fields.Boolean(string="Current", compute="_compute_is_current")
    # the person's contact details, writable so that a spreadsheet import can
    # name a referent who is not yet a contact of the structure
    name = fields.Char(related="partner_id.name", string="Name")
    phone = fields.Char(related="partner_id.defis_phone_display", string="Phone")
    email = fields.Char(related="partner_id.email", string="Email")

    _sql_constraints = [
        ("dates_in_order", "CHECK(date_end IS NULL OR date_end >= date_start)",
         "A referent's end date cannot precede the start date."),
    ]

    def init(self):
        self.env.cr.execute("""
            CREATE UNIQUE INDEX IF NOT EXISTS defis_referent_current_unique
                ON defis_referent (structure_id, partner_id) WHERE date_end IS NULL
        """)

    @api.model
    def create(self, vals):
        if not vals.get("partner_id") and vals.get("name") and vals.get("structure_id"):
            vals = dict(vals, partner_id=self._find_or_create_person(vals).id)
            for field in CONTACT_FIELDS:
                vals.pop(field, None)
        return super().create(vals)

    @api.model
    def _find_or_create_person(self, vals):
        """The contact of the structure named ``vals["name"]``, created if
        the structure has none; the phone and e-mail of ``vals`` are kept."""
        partners = self.env["res.partner"]
        name = vals["name"].strip()
        details = {field: vals[field] for field in ("phone", "email") if vals.get(field)}
        person = partners.search([
            ("parent_id", "=", vals["structure_id"]), ("is_company", "=", False),
            ("name", "=", name)], limit=1)
        if person:
            person.write(details)
            return person
        return partners.create(dict(
            details, name=name, parent_id=vals["structure_id"], is_company=False,
            type="contact"))

    @api.depends("date_end")
    def _compute_is_current(self):
        for referent in self:
            referent.is_current = not referent.date_end

    @api.constrains("structure_id", "partner_id")
    def _check_person_of_structure(self):
        for referent in self:
            if referent.partner_id.parent_id != referent.structure_id:
                raise ValidationError(_(
                    "%(person)s is not a contact person of %(structure)s: a referent must be "
                    "one of the structure's contacts.") % {
                        "person": referent.partner_id.name,
                        "structure": referent.structure_id.name})

    @api.constrains("structure_id", "date_end")
    def _check_two_current_referents(self):
        structures = self.mapped("structure_id")
        if not structures:
            return
        # serialise concurrent nominations for the same structure
        self.env.cr.execute(
            "SELECT id FROM res_partner WHERE id IN %s FOR UPDATE", (tuple(structures.ids),))
        for structure in structures:
            current = self.search_count([
                ("structure_id", "=", structure.id), ("date_end", "=", False)])
            if current > self.REFERENTS_PER_STRUCTURE:
                raise ValidationError(_(
                    "%(structure)s already has %(count)d current referents: end one before "
                    "naming another (use \"Replace\").") % {
                        "structure": structure.name, "count": self.REFERENTS_PER_STRUCTURE})

    def action_end(self, date=None):
        self.write({"date_end": date or fields.Date.context_today(self)})
        return True
