"""``kioskctl version``."""

from __future__ import annotations

import argparse
import platform

from kiosk import __version__
from kiosk.cli.common import print_json
from kiosk.store import SCHEMA_VERSION


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``version`` command."""
    parser = sub.add_parser("version", help="print the software and schema versions")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print versions."""
    info = {
        "version": __version__,
        "schema_version": SCHEMA_VERSION,
        "python": platform.python_version(),
    }
    if args.json:
        print_json(info)
    else:
        print(f"kiosk {__version__} (schema v{SCHEMA_VERSION}, Python {info['python']})")
    return 0
