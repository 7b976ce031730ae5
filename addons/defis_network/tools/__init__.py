from . import dates
from . import phone
