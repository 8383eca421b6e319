"""``kioskctl calendar``: import the official holiday arrangement and show the calendar."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from kiosk.catalog.calendar import CalendarImportError, install, read_file, work_calendar
from kiosk.cli.common import ConfigError, fail, print_json, settings_from_args
from kiosk.store import Store, StoreError

MONTH = re.compile(r"^(\d{4})-(\d{2})$")
WEEKDAYS = "一二三四五六日"


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``calendar`` command group."""
    parser = sub.add_parser("calendar", help="holiday arrangement: import it, show a month")
    group = parser.add_subparsers(dest="calendar_command", metavar="ACTION", required=True)

    p = group.add_parser("import", help="validate a calendar file as a whole and install it")
    p.add_argument("file", type=Path)
    p.add_argument("--force", action="store_true", help="reinstall the same version")
    p.set_defaults(func=run_import)

    p = group.add_parser("show", help="each day of a month: working or not, official or estimated")
    p.add_argument("month", help="YEAR-MM, e.g. 2027-01")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=run_show)


def _open_store(args: argparse.Namespace) -> Store:
    return Store(settings_from_args(args).db_path)


def run_import(args: argparse.Namespace) -> int:
    """Install a calendar file; on refusal print every problem and change nothing."""
    try:
        doc = read_file(args.file)
    except CalendarImportError as exc:
        for issue in exc.issues:
            print(f"  {issue}", file=sys.stderr)
        return fail(f"{exc} [{exc.reason}]")
    try:
        store = _open_store(args)
    except (ConfigError, StoreError) as exc:
        return fail(str(exc))
    try:
        result = install(store, doc, force=args.force)
    except CalendarImportError as exc:
        return fail(f"{exc} [{exc.reason}]")
    finally:
        store.close()
    before = result.previous_version if result.previous_version is not None else "none"
    years = ", ".join(str(y) for y in result.years)
    print(f"Installed calendar version {result.version} (was {before}): official for {years}.")
    return 0


def run_show(args: argparse.Namespace) -> int:
    """Print every day of a month with its kind and source."""
    match = MONTH.match(args.month)
    if match is None or not 1 <= int(match.group(2)) <= 12:
        return fail(f"month {args.month!r} is not YEAR-MM (e.g. 2027-01)", 2)
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= year <= 9998:
        return fail(f"year {year} is out of range", 2)
    try:
        store = _open_store(args)
    except (ConfigError, StoreError) as exc:
        return fail(str(exc))
    try:
        calendar = work_calendar(store)
    finally:
        store.close()
    days = calendar.month(year, month)
    estimated = any(not d.official for d in days)
    until = calendar.official_until()
    if args.json:
        print_json(
            {
                "month": f"{year:04d}-{month:02d}",
                "source": "estimated" if estimated else "official",
                "official_until": until.isoformat() if until else None,
                "days": [
                    {
                        "date": d.day.isoformat(),
                        "working": d.working,
                        "kind": d.kind,
                        "holiday": d.holiday,
                        "source": d.source,
                    }
                    for d in days
                ],
            }
        )
        return 0
    label = "ESTIMATED (no official arrangement yet)" if estimated else "official"
    print(f"{year:04d}-{month:02d}: {label}")
    for d in days:
        kind = "working" if d.working else f"off ({d.holiday})" if d.holiday else "off"
        print(f"  {d.day.isoformat()} 周{WEEKDAYS[d.day.weekday()]}  {kind:<14} {d.source}")
    return 0
