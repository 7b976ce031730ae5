from . import defis_reuse_report_wizard
from . import defis_snapshot_import
from . import defis_erasure_correction
from . import defis_pos_voucher_correction
