from . import test_security
from . import test_loan
from . import test_loan_concurrency
from . import test_recycling_batch
from . import test_intake
from . import test_device_workshop
from . import test_reports
from . import test_device_list
