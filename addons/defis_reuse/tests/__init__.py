from . import test_security
from . import test_loan
from . import test_loan_concurrency
from . import test_recycling_batch
from . import test_co2_factor
from . import test_reuse_history
from . import test_reuse_report
