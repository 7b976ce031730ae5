from . import defis_network_growth
from . import defis_network_growth_xlsx
