from . import account_journal
from . import defis_pos_voucher
from . import defis_referral
from . import pos_config
from . import pos_order
from . import pos_order_line
from . import res_partner
from . import pos_session
