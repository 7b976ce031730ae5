# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import _, api, models
from odoo.exceptions import AccessError

# what the template engine evaluates: ${...}, <% ... %> blocks, "% ..." lines
DYNAMIC = re.compile(r"\$\{|<%|^\s*%", re.MULTILINE)
TEMPLATE_FIELDS = ("subject", "body_html", "email_from", "reply_to", "email_to",
                   "partner_to", "email_cc", "report_name", "lang")


class MailComposeMessage(models.TransientModel):
    _inherit = "mail.compose.message"

    @api.model
    def render_template(self, template, model, res_ids, post_process=False):
        """The composer renders what its user typed with the e-mail template
        engine, whose sandbox lets an expression reach ``object.env`` and run
        anything as anybody (CVE-2018-14862). Only administrators write
        expressions; others send the text of a stored template (which only
        administrators may edit) or plain text."""
        if template and DYNAMIC.search(template) and not self.env.user._is_system() \
                and template not in self._defis_stored_template_texts():
            raise AccessError(_(
                "Only an administrator may write placeholders (${...}) in a message: "
                "choose a template or write plain text."))
        return super().render_template(template, model, res_ids, post_process=post_process)

    def _defis_stored_template_texts(self):
        templates = self.mapped("template_id").sudo()
        return {template[field] for template in templates for field in TEMPLATE_FIELDS
                if template[field]}
