from . import test_security
from . import test_website
from . import test_registration
from . import test_seats_concurrency
from . import test_portal
from . import test_attendance
from . import test_funding
from . import test_certificate
