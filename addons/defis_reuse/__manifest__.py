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
        "report_xlsx",
    ],
    "data": [
        "security/defis_reuse_security.xml",
        "security/ir.model.access.csv",
        "data/defis_device_category_data.xml",
        "data/defis_device_grade_data.xml",
        "data/stock_location_data.xml",
        "views/stock_production_lot_views.xml",
        "views/defis_device_category_views.xml",
        "views/defis_reuse_menus.xml",
        "data/defis_co2_factor_data.xml",
        "views/defis_co2_factor_views.xml",
        "views/defis_reuse_history_views.xml",
        "report/defis_reuse_report_views.xml",
        "wizards/defis_reuse_report_wizard_views.xml",
    ],
    "demo": [
        "demo/pos_config_demo.xml",
        "demo/defis_reuse_history_demo.xml",
    ],
}
