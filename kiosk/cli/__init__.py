"""``kioskctl``: the staff and vendor command line.

Each command group lives in its own module with a ``register(subparsers)`` function that adds
its parser and sets ``func`` (which returns the exit code). Output is plain English for people,
``--json`` for scripts; exit codes mean something (0 fine, 1 broken, 2 usage or nothing found).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from kiosk.logs import setup_logging

log = logging.getLogger("kioskctl")

COMMAND_MODULES = (
    "kiosk.cli.catalog",
    "kiosk.cli.calendar",
    "kiosk.cli.doctor",
    "kiosk.cli.version",
    "kiosk.cli.printing",
    "kiosk.cli.cards",
    "kiosk.cli.simulate",
    "kiosk.cli.sync",
    "kiosk.cli.staff",
    "kiosk.cli.maintenance",
    "kiosk.cli.vendor_check",
    "kiosk.cli.camera",
)


def build_parser() -> argparse.ArgumentParser:
    """The full ``kioskctl`` parser with every command group registered."""
    parser = argparse.ArgumentParser(
        prog="kioskctl",
        description="Look after a hall self-service terminal: check, test devices, manage data.",
    )
    parser.add_argument("--config", help="settings file (default: $KIOSK_CONFIG or /etc/kiosk)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``kioskctl``."""
    parser = build_parser()
    args = parser.parse_args(argv)
    # stderr only (the terminal's own log file belongs to the running app), with the
    # personal-data filter like every other handler.
    setup_logging(None, logging.INFO if args.verbose else logging.WARNING)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except SystemExit:
        raise
    except Exception as exc:  # a driver's bug: a sentence for the person, the rest for -v
        log.info("kioskctl %s failed", args.command, exc_info=True)
        print(
            f"kioskctl: {args.command} failed: {type(exc).__name__}: {exc}"
            " (run with -v for details)",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
