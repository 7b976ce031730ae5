# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Défis - Security",
    "summary": "Published Odoo 11 security advisories closed through inheritance; "
               "login throttling, password policy, idle sessions, audit trail",
    "version": "11.0.1.0.0",
    "category": "Défis",
    "website": "https://www.defis.info",
    "author": "Défis",
    "license": "AGPL-3",
    "application": False,
    "installable": True,
    "depends": [
        "web",
        "portal",
        "mail",
        "defis_network",
        "defis_reuse",
        "defis_training",
        "l10n_fr_fec",
        "payment",
        "auth_brute_force",
        "password_security",
        "auth_session_timeout",
        "auditlog",
    ],
    "data": [
        "security/ir.model.access.csv",
        "data/security_settings_data.xml",
        "data/auditlog_rule_data.xml",
    ],
}
