"""``kioskctl print-test`` and ``kioskctl printer-status``: prove the receipt printer works."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from drivers.printers.base import Printer, PrinterError, PrinterStatus
from drivers.printers.sim.inprocess import emulator_of
from drivers.registry import make_printer
from drivers.status import DeviceState
from drivers.uri import DeviceUriError
from kiosk.cli.common import ConfigError, fail, print_json, settings_from_args
from kiosk.printing.escpos_render import Renderer
from kiosk.printing.jobs import JobNotFound, PrintJobs
from kiosk.printing.layouts import TestPageData, test_page
from kiosk.printing.profiles import DEFAULT_PROFILE, PROFILES, PrinterProfile, get_profile
from kiosk.store import Store, StoreError

_HINTS = {
    "paper_out": "load a new paper roll and close the cover",
    "cover_open": "close the printer cover",
    "offline": "check the printer's error light; switch it off and on",
    "unreachable": "check the cable, power and the printer URI",
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``print-test`` and ``printer-status`` commands."""
    test = sub.add_parser(
        "print-test",
        help="print a test page (Chinese text, QR code, cut)",
        description="Exit 0 when the page was printed, 1 with the reason when it was not.",
    )
    test.add_argument("--printer", help="printer URI (default: the configured printer)")
    test.add_argument("--width", type=int, choices=(58, 80), help="paper width in mm")
    test.add_argument("--profile", choices=sorted(PROFILES), help="printer profile")
    test.set_defaults(func=run_test)
    status = sub.add_parser(
        "printer-status",
        help="ask the printer for paper and online state",
        description="Exit 0 when the printer can print (or does not say), 1 when it cannot.",
    )
    status.add_argument("--printer", help="printer URI (default: the configured printer)")
    status.add_argument("--json", action="store_true", help="machine-readable output")
    status.set_defaults(func=run_status)
    jobs = sub.add_parser(
        "print-jobs",
        help="list today's print jobs; --reprint ID queues one again",
        description="The running terminal's print worker picks a reprint up within seconds.",
    )
    jobs.add_argument("--reprint", type=int, metavar="ID", help="queue today's job ID again")
    jobs.add_argument("--json", action="store_true", help="machine-readable output")
    jobs.set_defaults(func=run_jobs)


def _configured(args: argparse.Namespace) -> tuple[str, str]:
    """Printer URI and profile name from the options, else the settings, else defaults."""
    try:
        settings = settings_from_args(args)
        uri, profile = settings.printer, settings.printer_profile
    except ConfigError:
        uri, profile = "sim:", DEFAULT_PROFILE
    return args.printer or uri, getattr(args, "profile", None) or profile


def _open(uri: str) -> Printer:
    try:
        return make_printer(uri)
    except (DeviceUriError, ValueError, PrinterError) as exc:
        raise SystemExit(fail(f"printer URI {uri!r} cannot be used: {exc}", 2)) from None


def run_test(args: argparse.Namespace) -> int:
    """Print the test page; report where it went or why it did not."""
    uri, profile_name = _configured(args)
    profile: PrinterProfile = get_profile(profile_name)
    if args.width:
        profile = profile.with_width(args.width)
    printer = _open(uri)
    try:
        document = test_page(
            TestPageData(uri.split("?", 1)[0], profile.name, profile.paper_mm, datetime.now())
        )
        printer.send(Renderer(profile).render(document))
        unverified = printer.query_status().online is None
    except PrinterError as exc:
        hint = _HINTS.get(exc.reason, "")
        return fail(
            f"test page NOT printed on {uri}: {exc} [{exc.reason}]"
            + (f"\n  -> {hint}" if hint else "")
        )
    finally:
        printer.close()
    print(f"Test page printed on {uri} ({profile.name}).")
    if unverified:
        print("The printer does not report its status: check that the page came out.")
    emulator = emulator_of(printer)
    if emulator is not None and emulator.latest_png is not None:
        print(f"Picture of the page: {emulator.latest_png}")
    return 0


def _status_dict(status: PrinterStatus, detail: str) -> dict[str, Any]:
    return {
        "online": status.online,
        "paper": status.paper,
        "cover_open": status.cover_open,
        "detail": detail,
    }


def run_status(args: argparse.Namespace) -> int:
    """Query status once; never waits longer than the driver's timeouts."""
    uri, _ = _configured(args)
    printer = _open(uri)
    try:
        status = printer.query_status()
        device = status.to_device_status()
        detail, broken = device.detail, device.state == DeviceState.ERROR
    except PrinterError as exc:
        status, detail, broken = PrinterStatus(online=False), str(exc), True
    finally:
        printer.close()
    if args.json:
        print_json(_status_dict(status, detail))
    else:
        online = {True: "yes", False: "no", None: "unknown (no answer)"}[status.online]
        print(
            f"printer {uri}: online {online}, paper {status.paper}"
            + (", cover OPEN" if status.cover_open else "")
            + f" — {detail}"
        )
    return 1 if broken else 0


def run_jobs(args: argparse.Namespace) -> int:
    """List today's jobs (no personal data: kind, reference, status), or queue a reprint."""
    try:
        settings = settings_from_args(args)
        store = Store(settings.db_path)
    except (ConfigError, StoreError) as exc:
        return fail(str(exc))
    try:
        jobs = PrintJobs(store)
        if args.reprint is not None:
            try:
                job = jobs.reprint(args.reprint)
            except JobNotFound as exc:
                return fail(str(exc), 2)
            print(f"job {job.id} ({job.kind} {job.reference}) is {job.status}")
            return 0
        today = jobs.list_today()
    finally:
        store.close()
    rows = [
        {
            "id": j.id,
            "kind": j.kind,
            "reference": j.reference,
            "status": j.status,
            "reason": j.reason,
            "attempts": j.attempts,
            "created_at": j.created_at.isoformat(),
        }
        for j in today
    ]
    if args.json:
        print_json(rows)
    else:
        for j in today:
            reason = f" ({j.reason})" if j.reason else ""
            print(
                f"{j.id:>5}  {j.created_at:%H:%M:%S}  {j.kind:<15} {j.reference:<22}"
                f" {j.status}{reason}"
            )
        if not rows:
            print("no print jobs today")
    return 0
