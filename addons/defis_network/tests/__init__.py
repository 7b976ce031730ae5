from . import test_security
from . import test_growth
from . import test_import
