from . import defis_referent_replace
from . import defis_network_growth_wizard
from . import defis_place_import
from . import defis_place_import_line
from . import defis_proof_correction
