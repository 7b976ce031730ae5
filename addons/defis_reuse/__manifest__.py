# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Défis - Reuse",
    "summary": "Donated equipment refurbished into low-cost devices: "
               "intakes, workshop, point of sale, free loans, recycling",
    "version": "11.0.1.0.0",
    "category": "Défis",
    "website": "https://www.defis.info",
    "author": "Défis",
    "license": "AGPL-3",
    "application": False,
    "installable": True,
    "depends": [
        "defis_network",
        "stock",
        "point_of_sale",
        "l10n_fr",
    ],
    "data": [
        "security/defis_reuse_security.xml",
        "security/ir.model.access.csv",
        "data/defis_device_category_data.xml",
        "data/defis_device_grade_data.xml",
        "data/stock_location_data.xml",
        "data/defis_intake_data.xml",
        "data/defis_checklist_item_data.xml",
        "views/stock_production_lot_views.xml",
        "views/defis_device_category_views.xml",
        "views/defis_intake_views.xml",
        "report/defis_reuse_reports.xml",
        "views/defis_reuse_menus.xml",
        "data/account_journal_data.xml",
        "views/pos_order_views.xml",
        "views/pos_templates.xml",
    ],
    "demo": [
        "demo/pos_config_demo.xml",
        "demo/defis_intake_demo.xml",
        "demo/pos_order_demo.xml",
    ],
    "qweb": [
        "static/src/xml/defis_pos.xml",
    ],
}
