from . import defis_demo_loader
from . import defis_intake_demo
from . import pos_session_demo
from . import defis_loan_demo
from . import defis_recycling_batch_demo
from . import defis_training_demo
from . import defis_training_demo_current
from . import defis_reuse_demo_current
