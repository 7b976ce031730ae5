from . import test_security
from . import test_structure
from . import test_referent
from . import test_phone
from . import test_membership
from . import test_household
from . import test_referral
from . import test_performance
