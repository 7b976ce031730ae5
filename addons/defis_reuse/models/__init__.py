from . import defis_device_category
from . import defis_device_grade
from . import defis_price_grid
from . import product_template
from . import stock_production_lot
from . import defis_co2_factor
from . import defis_reuse_history
