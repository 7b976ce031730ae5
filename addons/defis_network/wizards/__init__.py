from . import defis_referent_replace
from . import defis_network_growth_wizard
