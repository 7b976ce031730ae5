from . import defis_training_programme
from . import defis_training_funding
from . import defis_training_session
from . import defis_training_attendance
from . import event_event
from . import event_registration
from . import defis_referral
from . import defis_training_history
