# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class DefisTrainingRegisterWizard(models.TransientModel):
    """Staff register a person on a course run (assisted registration), or
    the person a structure referred: same checks and seat lock as the website."""

    _name = "defis.training.register.wizard"
    _description = "Register a learner on a course run"

    event_id = fields.Many2one(
        "event.event", string="Course run", required=True,
        domain=[("defis_is_training", "=", True), ("state", "in", ("draft", "confirm"))])
    partner_id = fields.Many2one(
        "res.partner", string="Contact", domain=[("is_company", "=", False)],
        help="An existing contact; leave empty to create one from the name and phone.")
    name = fields.Char(string="First and last name")
    phone = fields.Char()
    email = fields.Char(string="E-mail")
    structure_id = fields.Many2one(
        "res.partner", string="Referring structure",
        domain=[("defis_is_structure", "=", True)])
    heard_from = fields.Char(string="Heard of it through")
    referral_id = fields.Many2one("defis.referral", string="Referral", readonly=True)
    seats_left = fields.Char(string="Places left", compute="_compute_seats_left")

    @api.depends("event_id")
    def _compute_seats_left(self):
        for wizard in self.filtered("event_id"):
            left = wizard.event_id._defis_seats_left()
            wizard.seats_left = (_("Unlimited") if left is None
                                 else _("Full") if left <= 0 else str(left))

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        partner = self.partner_id
        if partner:
            self.name = partner.name
            self.phone = partner.defis_phone_display or partner.defis_mobile_display or self.phone
            self.email = partner.email or self.email

    def _registration_values(self):
        self.ensure_one()
        return {
            "name": self.name or self.partner_id.name,
            "phone": self.phone,
            "email": self.email,
            "partner_id": self.partner_id.id,
            "structure_id": self.structure_id.id,
            "heard_from": self.heard_from,
            "referral_id": self.referral_id.id,
            "source": "referral" if self.referral_id else "assisted",
        }

    def action_register(self):
        """Register, link the referral (marked done) and show the registration."""
        self.ensure_one()
        if self.referral_id and self.referral_id.state not in ("new", "accepted"):
            raise ValidationError(_("This referral is already closed."))
        registration = self.event_id._defis_register(self._registration_values())
        if self.referral_id:
            self.referral_id.action_done_with(registration)
        return {
            "type": "ir.actions.act_window",
            "res_model": "event.registration",
            "res_id": registration.id,
            "view_mode": "form",
            "target": "current",
        }
