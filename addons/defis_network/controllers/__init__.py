from . import portal
from . import place
