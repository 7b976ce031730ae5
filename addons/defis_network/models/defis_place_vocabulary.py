# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

KINDS = [
    ("itinerance", "Itinerance"),
    ("service", "Service"),
    ("public", "Public specifically addressed"),
    ("support", "Specific support"),
    ("fee", "Fees"),
    ("programme", "National programme"),
    ("label", "Training or label"),
    ("access", "Access mode"),
    ("accompaniment", "Accompaniment mode"),
]


class DefisPlaceVocabulary(models.Model):
    """A value of one of the controlled vocabularies of the national standard
    of digital-inclusion places, loaded from the add-on's data: files hold
    ``value`` exactly as the standard writes it, screens show ``name``."""

    _name = "defis.place.vocabulary"
    _description = "Value of the national standard of digital-inclusion places"
    _order = "kind, sequence, id"

    kind = fields.Selection(KINDS, required=True, index=True)
    value = fields.Char(
        required=True,
        help="The value exactly as the national standard writes it in files.")
    name = fields.Char(string="Label", required=True, translate=True)
    sequence = fields.Integer(default=10)

    _sql_constraints = [
        ("kind_value_unique", "unique(kind, value)",
         "This value is already in this vocabulary."),
    ]
