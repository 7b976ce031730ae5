# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Défis - Demo",
    "summary": "The association's demo database: the network, workshop, till, loans "
               "and courses of 2018 as the article tells them, and a living current year",
    "version": "11.0.1.0.0",
    "category": "Défis",
    "website": "https://www.defis.info",
    "author": "Défis",
    "license": "AGPL-3",
    "application": False,
    "installable": True,
    "depends": [
        "defis_network",
        "defis_reuse",
        "defis_training",
    ],
    "external_dependencies": {"python": ["holidays"]},
    # installing this add-on loads the demo: never install it in production
    "data": [
        "data/network/defis_subnetwork_demo.xml",
        "data/network/res_partner_structure_demo.xml",
        "data/network/res_partner_referent_demo.xml",
        "data/network/defis_referent_demo.xml",
        "data/network/defis_meeting_demo.xml",
        "data/network/res_partner_household_demo.xml",
        "data/network/membership_demo.xml",
        "data/network/defis_referral_demo.xml",
        "data/network/res_users_demo.xml",
        "data/network/defis_place_demo.xml",
        "data/reuse/defis_intake_demo.xml",
        "data/reuse/pos_order_demo.xml",
        "data/reuse/defis_loan_demo.xml",
        "data/reuse/defis_reuse_history_demo.xml",
        "data/reuse/defis_reuse_current_demo.xml",
        "data/reuse/res_users_demo.xml",
        "data/defis_training_demo.xml",
    ],
}
