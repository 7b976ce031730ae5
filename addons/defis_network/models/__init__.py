from . import defis_network_tag_mixin
from . import defis_structure_type
from . import defis_subnetwork
from . import res_partner
from . import defis_referent
from . import defis_referral
from . import defis_meeting
from . import defis_meeting_attendance
