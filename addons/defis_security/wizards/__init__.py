# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import account_fr_fec
from . import base_language_import
from . import base_language_install
from . import base_update_translations
from . import mail_compose_message
from . import mail_wizard_invite
