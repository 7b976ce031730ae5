from . import defis_training_report_wizard
