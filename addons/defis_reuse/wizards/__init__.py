from . import defis_reuse_report_wizard
