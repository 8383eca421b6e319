"""``kioskctl version``."""

from __future__ import annotations

import argparse

from kiosk import __version__
from kiosk.cli.common import print_json
from kiosk.diagnostics import version_info
from kiosk.store import SCHEMA_VERSION


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``version`` command."""
    parser = sub.add_parser(
        "version",
        help="print the software and schema versions and installed driver plug-ins "
        "(loaded, or failed and why)",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print versions."""
    info = version_info()
    if args.json:
        print_json(info)
    else:
        print(f"kiosk {__version__} (schema v{SCHEMA_VERSION}, Python {info['python']})")
        for p in info["plugins"]:
            state = "loaded" if p["state"] == "loaded" else f"failed: {p['error']}"
            print(
                f"plug-in {p['group']} {p['scheme']}: {p['target']} ({p['distribution']}) — {state}"
            )
        if not info["plugins"]:
            print("no driver plug-ins installed (built-in drivers only)")
    return 0
