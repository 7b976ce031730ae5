from . import test_security
from . import test_portal_referral
