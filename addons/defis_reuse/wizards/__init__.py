from . import defis_reuse_report_wizard
from . import defis_snapshot_import
