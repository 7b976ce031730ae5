from . import defis_training_report
from . import defis_training_funder_xlsx
from . import defis_training_bpf_xlsx
