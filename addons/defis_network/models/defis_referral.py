# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

SERVICES = [
    ("equipment_purchase", "Equipment purchase"),
    ("equipment_loan", "Equipment loan"),
    ("training", "Training"),
]
STATES = [
    ("new", "New"),
    ("accepted", "Accepted"),
    ("done", "Done"),
    ("refused", "Refused"),
    ("cancelled", "Cancelled"),
]
OPEN_STATES = ("new", "accepted")


class DefisReferral(models.Model):
    """A structure of the network refers (orients) a person to a service of the
    association. What it led to (a sale, a loan, a registration) is linked by
    the add-on that provides the service, through ``result_ref``."""

    _name = "defis.referral"
    _description = "Referral"
    _inherit = ["mail.thread", "mail.activity.mixin", "defis.consent.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/")
    structure_id = fields.Many2one(
        "res.partner", string="Referring structure", required=True, index=True,
        domain=[("defis_is_structure", "=", True)], track_visibility="onchange")
    referent_id = fields.Many2one(
        "res.partner", string="Referent",
        domain="[('parent_id', '=', structure_id), ('is_company', '=', False)]")
    person_id = fields.Many2one(
        "res.partner", string="Person referred", required=True, index=True,
        ondelete="restrict", track_visibility="onchange")
    service = fields.Selection(
        SERVICES, required=True, track_visibility="onchange")
    reason = fields.Text()
    date = fields.Date(
        required=True, default=fields.Date.context_today, index=True)
    state = fields.Selection(
        STATES, string="Status", required=True, default="new", index=True,
        track_visibility="onchange")
    result_ref = fields.Reference(
        selection="_selection_result_models", string="Led to", readonly=True, copy=False)
    result_date = fields.Date(string="Done on", readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.user.company_id)

    @api.model
    def _selection_result_models(self):
        """Models a referral can lead to; the reuse and training add-ons
        add theirs (sale, loan, event registration)."""
        return [("res.partner", _("Contact"))]

    @api.model
    def create(self, vals):
        if vals.get("name", "/") == "/":
            # sudo: structures create referrals from the portal, without
            # read access to sequences
            vals["name"] = self.env["ir.sequence"].sudo().next_by_code("defis.referral") or "/"
        if not self.env.user.has_group("defis_network.group_defis_user"):
            # a structure submits a referral; the association's staff handle it
            vals = dict(vals, state="new", result_ref=False, result_date=False)
        return super().create(vals)

    @api.multi
    def _write(self, vals):
        # Odoo 11 stores recomputed fields with the rights of the user who
        # triggered the recomputation; the activity deadline of
        # mail.activity.mixin is for internal users only, so a referral created
        # from the portal would be refused. This derived value is stored as
        # superuser; write() has checked the rights before calling _write().
        if set(vals) == {"activity_date_deadline"}:
            return super(DefisReferral, self.sudo())._write(vals)
        return super()._write(vals)

    @api.constrains("structure_id", "referent_id")
    def _check_referent_of_structure(self):
        for referral in self:
            if referral.referent_id and referral.referent_id.parent_id != referral.structure_id:
                raise ValidationError(_("The referent must be a contact of the referring "
                                        "structure."))

    @api.constrains("structure_id")
    def _check_structure(self):
        for referral in self:
            if not referral.structure_id.defis_is_structure:
                raise ValidationError(_("%s is not a structure of the network.")
                                      % referral.structure_id.display_name)

    def _check_state(self, allowed, action):
        for referral in self:
            if referral.state not in allowed:
                state = dict(self._fields["state"]._description_selection(self.env))
                raise UserError(_("Referral %(name)s is %(state)s: it cannot be %(action)s.") % {
                    "name": referral.name, "state": state[referral.state], "action": action})

    def action_accept(self):
        self._check_state(("new",), _("accepted"))
        self.write({"state": "accepted"})
        return True

    def action_refuse(self):
        self._check_state(OPEN_STATES, _("refused"))
        self.write({"state": "refused"})
        return True

    def action_cancel(self):
        self._check_state(OPEN_STATES, _("cancelled"))
        self.write({"state": "cancelled"})
        return True

    def action_reset(self):
        self._check_state(("refused", "cancelled"), _("reopened"))
        self.write({"state": "new"})
        return True

    def action_done_with(self, record):
        """Called by the add-on that delivered the service: link what the
        referral led to and mark it done."""
        self._check_state(OPEN_STATES, _("marked done"))
        self.write({
            "state": "done",
            "result_ref": "%s,%d" % (record._name, record.id),
            "result_date": fields.Date.context_today(self),
        })
        self.mapped("person_id").sudo().write(
            {"defis_last_activity_date": fields.Date.context_today(self)})
        return True

    @api.model
    def _count_by_structure(self, structure_ids, domain=None):
        groups = self.sudo().read_group(
            [("structure_id", "in", structure_ids)] + (domain or []),
            ["structure_id"], ["structure_id"])
        return {group["structure_id"][0]: group["structure_id_count"] for group in groups}
