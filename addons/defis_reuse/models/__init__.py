from . import defis_co2_factor
from . import defis_reuse_history
