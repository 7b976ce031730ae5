# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The workshop's probe, ``defis-probe``, a script the technicians copy to a
stick, loaded here as the module ``probe``: the suite reads the snapshots it
receives with the probe's own parser."""
import importlib.machinery
import importlib.util
import os

PROBE_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "defis-probe")


def _load_probe():
    loader = importlib.machinery.SourceFileLoader("defis_reuse_probe", PROBE_PATH)
    module = importlib.util.module_from_spec(
        importlib.util.spec_from_loader(loader.name, loader))
    loader.exec_module(module)
    return module


probe = _load_probe()
