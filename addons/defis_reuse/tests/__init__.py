from . import test_security
from . import test_co2_factor
from . import test_reuse_history
from . import test_reuse_report
