from . import defis_referent_replace
