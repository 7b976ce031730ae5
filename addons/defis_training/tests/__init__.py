from . import test_security
from . import test_website
from . import test_attendance
from . import test_training_report
from . import test_demo_figures
from . import test_funding
from . import test_certificate
