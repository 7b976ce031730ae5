from . import test_security
from . import test_loan
from . import test_loan_concurrency
from . import test_recycling_batch
