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
        "membership_extension",
        "membership_variable_period",
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
    ],
    "demo": [
        "demo/res_company_demo.xml",
        "demo/defis_subnetwork_demo.xml",
        "demo/res_partner_structure_demo.xml",
        "demo/res_partner_referent_demo.xml",
        "demo/defis_referent_demo.xml",
        "demo/res_partner_household_demo.xml",
        "demo/membership_demo.xml",
        "demo/defis_referral_demo.xml",
    ],
}
