from . import defis_reuse_report
from . import defis_reuse_report_xlsx
