# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Public pages: upcoming course runs and registration, without JavaScript."""
import pytz

from odoo import _, fields, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request
from odoo.tools import html_escape

from odoo.addons.defis_network.tools.dates import format_long_date
from odoo.addons.http_routing.models.ir_http import slug

from ..models.event_event import DefisRunFull

FORM_FIELDS = ("name", "phone", "email", "structure_id", "heard_from")
SESSION_KEY = "defis_training_registrations"
# a course run in a URL; the domain keeps other events out of the sitemap
RUN = '<model("event.event", "[(\'defis_is_training\', \'=\', True)]"):run>'


class DefisTrainingPortal(http.Controller):

    # helpers ------------------------------------------------------------------
    @staticmethod
    def _published_runs(domain=None):
        # searched with the visitor's rights: published runs only
        return request.env["event.event"].search(
            request.env["event.event"]._defis_portal_domain() + (domain or []),
            order="date_begin, id")

    def _published_run(self, run):
        """The run if the visitor may register to it, else an empty recordset."""
        return self._published_runs([("id", "=", run.id)])

    @staticmethod
    def _date_helpers(run):
        lang = request.env.context.get("lang") or "fr_FR"
        tz = pytz.timezone(run.date_tz or "Europe/Paris")

        def local(value):
            return pytz.utc.localize(fields.Datetime.from_string(value)).astimezone(tz)
        return {
            "fmt_day": lambda value: format_long_date(local(value).date(), lang),
            "fmt_time": lambda value: local(value).strftime("%H:%M"),
        }

    @staticmethod
    def _today(run):
        """The day where the run takes place (no user's time zone to read)."""
        return fields.Date.context_today(run.with_context(tz=run.date_tz or "Europe/Paris"))

    def _structure_options(self, run, selected):
        """The <option> tags of the network's 200-odd structures, built here:
        rendering them one by one in QWeb costs a fifth of the page's time."""
        # sudo: names of the network's structures (organisations), for the select
        choices = request.env["res.partner"].sudo().defis_structure_choices(self._today(run))
        return "".join(
            '<option value="%d"%s>%s</option>' % (
                structure_id, ' selected="selected"' if str(structure_id) == selected else "",
                html_escape(name))
            for structure_id, name in choices)

    def _run_values(self, run, form=None, errors=None, consent=False):
        # sudo to show the programme, place and sittings of a published run
        values = {
            "guard": request.env["defis.portal.form"].defis_form_guard(
                "registration", consent),
            "run": run.sudo(),
            "main_object": run,
            # the visitor's record (the name of the sudo one, in the URL,
            # would read the superuser's time zone)
            "run_slug": slug(run),
            "form": form or dict.fromkeys(FORM_FIELDS, ""),
            "errors": errors or {},
            "structure_options": self._structure_options(
                run, (form or {}).get("structure_id") or ""),
            "seats_left": run._defis_seats_left(),
            "sittings": run.sudo().defis_session_ids.filtered(
                lambda s: s.state != "cancelled").sorted("date_begin"),
        }
        values.update(self._date_helpers(run))
        return values

    # pages ----------------------------------------------------------------
    @http.route("/formations", type="http", auth="public", website=True)
    def training_runs(self, **kw):
        runs = self._published_runs().sudo()
        programmes = runs.mapped("defis_programme_id")
        values = {
            "groups": [(programme, runs.filtered(lambda r, p=programme: r.defis_programme_id == p))
                       for programme in programmes.sorted("name")],
            "slug": slug,
            "additional_title": _("Training courses"),
        }
        values.update(self._date_helpers(runs[:1] or request.env["event.event"]))
        return request.render("defis_training.portal_training_runs", values)

    @http.route("/formations/%s" % RUN, type="http", auth="public",
                website=True)
    def training_run(self, run, **kw):
        run = self._published_run(run)
        if not run:
            return request.not_found()
        return request.render("defis_training.portal_training_run", self._run_values(run))

    @http.route("/formations/%s/inscription" % RUN, type="http",
                auth="public", website=True, methods=["POST"])
    def training_register(self, run, **post):
        """Validate the form (its CSRF token checked by Odoo) and register;
        show the form again with the errors, or the "full" page."""
        run = self._published_run(run)
        if not run:
            return request.not_found()
        form = {key: (post.get(key) or "").strip() for key in FORM_FIELDS}
        # an unknown structure (-1) is refused by the validation
        structure_id = (int(form["structure_id"]) if form["structure_id"].isdigit()
                        else -1 if form["structure_id"] else 0)
        values = dict(form, structure_id=structure_id, source="portal")
        errors = self._defis_refusals(run, values, post)
        if not errors:
            values.update(request.env["defis.portal.form"].defis_consent_values("registration"))
            try:
                with request.env.cr.savepoint():
                    # sudo only to register with the validated values
                    registration = run.sudo()._defis_register(values)
            except DefisRunFull:
                return request.render("defis_training.portal_training_full",
                                      self._run_values(run))
            except (UserError, ValidationError) as error:
                errors["form"] = error.name
            else:
                done = request.session.get(SESSION_KEY, [])
                request.session[SESSION_KEY] = (done + [registration.id])[-20:]
                return request.redirect("/formations/%s/merci" % slug(run))
        return request.render("defis_training.portal_training_run",
                              self._run_values(run, form, errors, bool(post.get("consent"))))

    def _defis_refusals(self, run, values, post):
        """French messages by field for what is refused in the posted form:
        its values (a structure among those offered), the consent, what
        looks like a robot, the caps."""
        form = request.env["defis.portal.form"]
        errors = run._defis_registration_errors(values)
        offered_error = not errors.get("structure_id") and form._defis_structure_error(
            values["structure_id"], self._today(run))
        if offered_error:
            errors["structure_id"] = offered_error
        errors.update(form.defis_guard_errors(post))
        capped = run._defis_session_cap_error(request.session.get(SESSION_KEY, []))
        if capped:
            errors.setdefault("form", capped)
        return errors

    @http.route("/formations/%s/merci" % RUN, type="http",
                auth="public", website=True, sitemap=False)
    def training_registered(self, run, **kw):
        # only a registration made in this browser session is shown
        registration = request.env["event.registration"].sudo().search([
            ("id", "in", request.session.get(SESSION_KEY, [])),
            ("event_id", "=", run.id)], limit=1)
        if not registration:
            return request.redirect("/formations")
        values = self._run_values(registration.event_id)
        values["registration"] = registration
        return request.render("defis_training.portal_training_registered", values)
