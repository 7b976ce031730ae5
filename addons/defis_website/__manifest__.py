# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Défis - Website",
    "summary": "The association's public website: its name, logo and footer "
               "(address, phone, opening hours), a privacy page, an accessible theme",
    "version": "11.0.1.0.0",
    "category": "Défis",
    "website": "https://www.defis.info",
    "author": "Défis",
    "license": "AGPL-3",
    "application": False,
    "installable": True,
    "depends": [
        "defis_network",
        "website",
    ],
    "data": [
        "data/website_data.xml",
        "data/website_page_data.xml",
        "views/website_templates.xml",
        "views/privacy_templates.xml",
    ],
    "demo": [
        "demo/res_company_demo.xml",
    ],
}
