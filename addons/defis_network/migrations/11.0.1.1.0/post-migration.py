# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The retention job (a noupdate record) ran weekly on households only: it
now runs daily on every kind of person, and says so in its name."""

NAME = "Défis: anonymise the personal data past their retention period"


def migrate(cr, version):
    cr.execute("""
        SELECT res_id FROM ir_model_data
         WHERE module = 'defis_network' AND model = 'ir.cron'
           AND name = 'cron_anonymize_inactive_households'""")
    crons = tuple(row[0] for row in cr.fetchall()) or (0,)
    cr.execute("""
        UPDATE ir_cron SET interval_type = 'days', interval_number = 1, cron_name = %s
         WHERE id IN %s""", (NAME, crons))
    cr.execute("""
        UPDATE ir_act_server SET name = %s
         WHERE id IN (SELECT ir_actions_server_id FROM ir_cron WHERE id IN %s)""",
               (NAME, crons))
