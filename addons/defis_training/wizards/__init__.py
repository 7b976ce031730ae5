# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import defis_training_register_wizard
from . import defis_training_report_wizard
from . import defis_training_attendance_correction
