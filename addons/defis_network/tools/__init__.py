from . import dates
from . import opening_hours
from . import phone
from . import place_standard
