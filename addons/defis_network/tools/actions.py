# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What our public methods return travels over XML-RPC, which refuses None."""


def rpc_safe(action):
    """``action`` (a window or report action) without its empty values."""
    return {key: value for key, value in action.items() if value is not None}
