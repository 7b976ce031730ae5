from . import defis_training_demo
from . import defis_training_demo_current
