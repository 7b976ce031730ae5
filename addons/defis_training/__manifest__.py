# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Défis - Training",
    "summary": "Training programmes as events: sessions, learner-hours, "
               "funders, certificates and a public registration portal",
    "version": "11.0.1.0.0",
    "category": "Défis",
    "website": "https://www.defis.info",
    "author": "Défis",
    "license": "AGPL-3",
    "application": False,
    "installable": True,
    "depends": [
        "defis_network",
        "defis_website",
        "website_event",
        "report_xlsx",
    ],
    "data": [
        "security/defis_training_security.xml",
        "security/ir.model.access.csv",
        "data/defis_training_data.xml",
        "report/defis_training_certificate.xml",
        "views/event_event_views.xml",
        "views/event_registration_views.xml",
        "views/defis_training_programme_views.xml",
        "views/defis_training_funding_views.xml",
        "views/defis_training_session_views.xml",
        "views/defis_training_menus.xml",
        "data/mail_template_data.xml",
        "views/defis_training_portal_templates.xml",
        "data/website_menu_data.xml",
        "views/defis_training_register_wizard_views.xml",
        "views/defis_training_history_views.xml",
        "report/defis_training_report_views.xml",
        "wizards/defis_training_report_wizard_views.xml",
    ],
}
