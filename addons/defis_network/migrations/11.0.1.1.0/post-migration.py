# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The retention job (a noupdate record) ran weekly on households only: it
now runs daily on every kind of person."""


def migrate(cr, version):
    cr.execute("""
        UPDATE ir_cron SET interval_type = 'days', interval_number = 1
         WHERE id IN (SELECT res_id FROM ir_model_data
                       WHERE module = 'defis_network' AND model = 'ir.cron'
                         AND name = 'cron_anonymize_inactive_households')
    """)
