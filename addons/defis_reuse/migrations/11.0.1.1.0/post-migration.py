# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Device products got the company's default sale tax (20 %) at installation,
added on top of the grid price at the till: they carry no tax."""


def migrate(cr, version):
    for table in ("product_taxes_rel", "product_supplier_taxes_rel"):
        cr.execute("""
            DELETE FROM %s rel USING product_template template
             WHERE rel.prod_id = template.id AND template.defis_category_id IS NOT NULL
        """ % table)
