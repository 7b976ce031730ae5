# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Défis - Network",
    "summary": "Partners of the inclusion network as tagged contacts: "
               "structures, referents, sub-networks, members, referrals",
    "version": "11.0.1.0.0",
    "category": "Défis",
    "website": "https://www.defis.info",
    "author": "Défis",
    "license": "AGPL-3",
    "application": True,
    "installable": True,
    "depends": [
        "contacts",
        "mail",
        "portal",
        "sms",
        "membership_extension",
        "membership_variable_period",
        "report_xlsx",
    ],
    "external_dependencies": {"python": ["phonenumbers"]},
    "data": [
        "security/defis_network_security.xml",
        "security/ir.model.access.csv",
        "data/res_partner_category_data.xml",
        "data/defis_structure_type_data.xml",
        "data/defis_network_data.xml",
        "views/defis_referral_views.xml",
        "views/defis_network_tag_views.xml",
        "wizards/defis_referent_replace_views.xml",
        "views/res_partner_views.xml",
        "views/defis_menus.xml",
        "views/defis_meeting_views.xml",
        "report/defis_network_growth_views.xml",
        "wizards/defis_network_growth_wizard_views.xml",
        "views/defis_referral_portal_templates.xml",
    ],
    "demo": [
        "demo/res_company_demo.xml",
    ],
}
