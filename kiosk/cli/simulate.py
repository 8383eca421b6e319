"""``kioskctl simulate DEVICE``: run a device simulator for vendors, demos and tests.

Each simulator registers itself from its own module (listed in :data:`SIMULATOR_MODULES`).
"""

from __future__ import annotations

import argparse
import importlib

SIMULATOR_MODULES = (
    "kiosk.cli.simulate_printer",
    "kiosk.cli.simulate_cards",
    "kiosk.cli.simulate_scanner",
    "kiosk.cli.simulate_camera",
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``simulate`` command group."""
    parser = sub.add_parser("simulate", help="run a simulated device until Ctrl-C")
    devices = parser.add_subparsers(dest="device", metavar="DEVICE")
    for name in SIMULATOR_MODULES:
        importlib.import_module(name).register(devices)
