# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Portal pages where a structure of the network refers people to Défis."""
from odoo import _, fields, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal, pager as portal_pager

from ..models.defis_referral import SERVICES
from ..tools import phone as phone_tools

FORM_FIELDS = ("name", "phone", "email", "service", "reason")


class DefisReferralPortal(CustomerPortal):

    # the structure of the logged-in user ------------------------------------
    def _defis_referring_structure(self):
        """The network structure the user refers people for: their commercial
        partner, when it is a structure still in the network and the user may
        create referrals; an empty recordset otherwise."""
        user = request.env.user
        structure = user.commercial_partner_id
        if not request.env["defis.referral"].check_access_rights(
                "create", raise_exception=False):
            return structure.browse()
        today = fields.Date.context_today(user)
        if not structure.defis_is_structure or (
                structure.defis_withdrawal_date and structure.defis_withdrawal_date <= today):
            return structure.browse()
        return structure

    def _defis_refuse(self):
        values = self._prepare_portal_layout_values()
        values["page_name"] = "referral"
        return request.render("defis_network.portal_referral_refused", values, status=403)

    def details_form_validate(self, data):
        """The phone of "My account" is checked like the other forms' and,
        valid, stored in E.164 (Odoo's own check rewrites the VAT number so)."""
        error, error_message = super().details_form_validate(data)
        if data.get("phone"):
            country_id = str(data.get("country_id") or "")
            country = request.env["res.country"].browse(
                int(country_id) if country_id.isdigit() else [])
            message = request.env["defis.portal.form"]._defis_phone_error(
                data["phone"], False, country.code)
            if message:
                error["phone"] = "error"
                error_message.append(message)
            else:
                data["phone"] = phone_tools.to_e164(data["phone"], country.code)
        return error, error_message

    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        structure = self._defis_referring_structure()
        values["defis_referral_structure"] = structure
        values["defis_referral_count"] = request.env["defis.referral"].search_count(
            [("structure_id", "=", structure.id)]) if structure else 0
        return values

    @staticmethod
    def _defis_person_names(referrals):
        # the referred persons are not contacts of the structure, so the
        # portal user cannot read them: only their names, for referrals the
        # user has read with their own rights
        return {referral.id: referral.person_id.sudo().name for referral in referrals}

    # list -----------------------------------------------------------------------
    @http.route(["/my/referrals", "/my/referrals/page/<int:page>"], type="http",
                auth="user", website=True)
    def portal_my_referrals(self, page=1, **kw):
        structure = self._defis_referring_structure()
        if not structure:
            return self._defis_refuse()
        referrals = request.env["defis.referral"]
        domain = [("structure_id", "=", structure.id)]
        pager = portal_pager(url="/my/referrals", total=referrals.search_count(domain),
                             page=page, step=self._items_per_page)
        referrals = referrals.search(domain, limit=self._items_per_page,
                                     offset=pager["offset"])
        values = self._prepare_portal_layout_values()
        values.update({
            "page_name": "referral",
            "default_url": "/my/referrals",
            "pager": pager,
            "referrals": referrals,
            "person_names": self._defis_person_names(referrals),
        })
        return request.render("defis_network.portal_my_referrals", values)

    # form -----------------------------------------------------------------------
    @http.route("/my/referrals/new", type="http", auth="user", website=True,
                methods=["GET", "POST"])
    def portal_referral_new(self, **post):
        """GET shows the form; POST (its CSRF token checked by Odoo) validates
        it and creates the referral, or shows the form again with the errors."""
        structure = self._defis_referring_structure()
        if not structure:
            return self._defis_refuse()
        form = {key: (post.get(key) or "").strip() for key in FORM_FIELDS}
        errors = {}
        guard = request.env["defis.portal.form"]
        if request.httprequest.method == "POST":
            errors = self._defis_referral_errors(form, post)
            if not errors:
                referral, error = self._defis_referral_create(structure, form)
                if referral:
                    return request.redirect("/my/referrals/%d/confirmation" % referral.id)
                errors["form"] = error
        values = self._prepare_portal_layout_values()
        values.update({
            "page_name": "referral",
            "referral_form": True,
            "form": form,
            "errors": errors,
            "services": self._defis_services(),
            "guard": guard.defis_form_guard("referral", bool(post.get("consent"))),
        })
        return request.render("defis_network.portal_referral_form", values)

    @staticmethod
    def _defis_services():
        """The services, labelled in the user's language."""
        field = request.env["defis.referral"]._fields["service"]
        return field._description_selection(request.env)

    @staticmethod
    def _defis_referral_errors(form, post):
        """French (user's language) messages by field for what is wrong in
        ``form``, the consent and what looks like a robot in ``post``."""
        guard = request.env["defis.portal.form"]
        errors = guard.defis_errors(form, free_texts=("reason",))
        errors.update(guard.defis_guard_errors(post))
        if form["service"] not in dict(SERVICES):
            errors["service"] = _("Choose the service the person needs.")
        if not form["reason"]:
            errors.setdefault("reason", _("Say in a few words why you refer this person."))
        return errors

    @staticmethod
    def _defis_referral_create(structure, form):
        """Create the person and the referral; return (referral, None), or
        (None, message) when the data is refused, with nothing stored."""
        user_partner = request.env.user.partner_id
        person = request.env["defis.portal.form"].defis_cleaned(form)
        try:
            with request.env.cr.savepoint():
                # sudo only to create the contact of the person referred: a
                # portal user may not create contacts. Only the validated form
                # values are written and nothing of the record is returned to
                # the page; the referral itself is created with the user's own
                # rights (access rights and rule "own structure") just below.
                person = request.env["res.partner"].sudo().create({
                    "name": person["name"],
                    "phone": person["phone"],
                    "email": person["email"],
                    "defis_is_household": True,
                    "defis_referring_structure_id": structure.id,
                })
                referral = request.env["defis.referral"].create({
                    "structure_id": structure.id,
                    "referent_id": (user_partner.id if user_partner.parent_id == structure
                                    else False),
                    "person_id": person.id,
                    "service": form["service"],
                    "reason": form["reason"],
                    **request.env["defis.portal.form"].defis_consent_values("referral")
                })
        except (UserError, ValidationError) as error:
            return None, error.name
        return referral, None

    # confirmation ---------------------------------------------------------------
    @http.route("/my/referrals/<int:referral_id>/confirmation", type="http",
                auth="user", website=True)
    def portal_referral_confirmation(self, referral_id, **kw):
        structure = self._defis_referring_structure()
        if not structure:
            return self._defis_refuse()
        # searched with the user's rights: another structure's referral is not found
        referral = request.env["defis.referral"].search(
            [("id", "=", referral_id), ("structure_id", "=", structure.id)])
        if not referral:
            return request.not_found()
        values = self._prepare_portal_layout_values()
        values.update({
            "page_name": "referral",
            "referral": referral,
            "person_name": self._defis_person_names(referral)[referral.id],
        })
        return request.render("defis_network.portal_referral_confirmation", values)
