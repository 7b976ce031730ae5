# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.tools import html_escape


class MailWizardInvite(models.TransientModel):
    _inherit = "mail.wizard.invite"

    @api.model
    def default_get(self, fields_list):
        """Odoo 11 builds the invitation's HTML from the inviter's and the
        document's names without escaping them: a document named with markup
        runs its script in the browser of whoever opens the invitation, and
        in the e-mail sent (CVE-2018-15635). The same message, names escaped."""
        result = super().default_get(fields_list)
        model, res_id = result.get("res_model"), result.get("res_id")
        if "message" in fields_list and model and res_id:
            result["message"] = _(
                "<div><p>Hello,</p><p>%(user)s invited you to follow the %(model)s "
                "document %(document)s.</p></div>") % {
                    "user": html_escape(self.env.user.name_get()[0][1]),
                    "model": html_escape(self.env["ir.model"]._get(model).display_name),
                    "document": html_escape(self.env[model].browse(res_id).name_get()[0][1])}
        elif "message" in fields_list:
            result["message"] = _(
                "<div><p>Hello,</p><p>%(user)s invited you to follow a new document."
                "</p></div>") % {"user": html_escape(self.env.user.name_get()[0][1])}
        return result
