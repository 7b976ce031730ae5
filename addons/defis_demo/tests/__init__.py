from . import test_network_figures
from . import test_reuse_figures
from . import test_training_figures
from . import test_reuse_demo
from . import test_place_demo
from . import test_reuse_current_demo
from . import test_demo_loader
