from . import test_security
from . import test_website
from . import test_attendance
