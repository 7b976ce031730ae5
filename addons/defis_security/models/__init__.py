# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import res_users
from . import mail_thread
from . import mail_followers
from . import mail_notification
from . import mail_channel
from . import mail_channel_partner
from . import ir_http
from . import ir_translation
from . import auditlog_rule
from . import res_partner_privacy
