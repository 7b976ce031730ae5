from . import test_security
from . import test_pos_sale
from . import test_intake
from . import test_device_workshop
from . import test_reports
from . import test_device_list
