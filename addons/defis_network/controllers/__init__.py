from . import portal
from . import place
from . import privacy
