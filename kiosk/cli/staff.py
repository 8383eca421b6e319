"""``kioskctl set-pin`` and ``kioskctl audit``: the staff PIN and the audit log."""

from __future__ import annotations

import argparse
import getpass
import os
import pwd
import sys
from datetime import UTC, datetime

from kiosk.cli.common import ConfigError, fail, print_json, settings_from_args
from kiosk.staff import PinPolicyError, StaffAccess
from kiosk.store import Store, StoreError


def cli_actor() -> str:
    """Who is acting from the command line, for the audit log: the account of the real user
    id (``getpass.getuser()`` believes ``LOGNAME``/``USER``, which anyone can set)."""
    uid = os.getuid()
    try:
        return f"cli:{pwd.getpwuid(uid).pw_name}"
    except KeyError:
        return f"cli:uid={uid}"


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``set-pin`` and ``audit``."""
    parser = sub.add_parser(
        "set-pin",
        help="set the staff PIN (6-12 digits) used to open staff mode",
        description="Reads the PIN twice without echo; exit 0 set, 1 store error, 2 refused.",
    )
    parser.add_argument(
        "--pin-stdin", action="store_true", help="read the PIN from the first line of stdin"
    )
    parser.set_defaults(func=run_set_pin)

    parser = sub.add_parser(
        "audit",
        help="show the audit log of staff and vendor actions",
        description="Exit 0 with entries, 2 when there are none (or the date is wrong).",
    )
    parser.add_argument("--since", help="only entries from this date (YYYY-MM-DD) on")
    parser.add_argument("--limit", type=int, default=1000, help="at most this many (newest)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(func=run_audit)


def _open(args: argparse.Namespace) -> Store:
    return Store(settings_from_args(args).db_path)


def _read_pin(args: argparse.Namespace) -> str | None:
    if args.pin_stdin:
        return sys.stdin.readline().strip()
    if not sys.stdin.isatty():
        return None
    first = getpass.getpass("New staff PIN: ")
    second = getpass.getpass("Again: ")
    return first if first == second else ""


def run_set_pin(args: argparse.Namespace) -> int:
    """Set the staff PIN."""
    pin = _read_pin(args)
    if pin is None:
        return fail("no terminal to read the PIN from; use --pin-stdin", 2)
    if pin == "":
        return fail("the two PINs differ (or are empty); nothing changed", 2)
    try:
        store = _open(args)
    except (ConfigError, StoreError) as exc:
        return fail(str(exc))
    try:
        StaffAccess(store).set_pin(pin, cli_actor())
    except PinPolicyError as exc:
        return fail(f"{exc}; nothing changed", 2)
    finally:
        store.close()
    print("Staff PIN set.")
    return 0


def run_audit(args: argparse.Namespace) -> int:
    """Print the audit log."""
    since = None
    if args.since:
        try:
            since = datetime.fromisoformat(args.since)
        except ValueError:
            return fail(f"--since must be a date like 2026-11-28, got {args.since!r}", 2)
        if since.tzinfo is None:
            since = since.astimezone()  # a plain date means local midnight
        since = since.astimezone(UTC)
    try:
        store = _open(args)
    except (ConfigError, StoreError) as exc:
        return fail(str(exc))
    try:
        entries = StaffAccess(store).entries(since, max(1, args.limit))
    finally:
        store.close()
    if args.json:
        print_json([e.as_dict() for e in entries])
    else:
        for e in entries:
            when = e.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            print(f"{when}  {e.actor:<16} {e.action:<22} {e.detail}")
        if not entries:
            print("No audit entries.")
    return 0 if entries else 2
