"""``kioskctl print-test`` and ``kioskctl printer-status``: prove the receipt printer works.

Every driver call runs under ``--deadline``: a hung printer or driver is reported (exit 1)
instead of holding the command. A printer whose driver cannot be loaded exits 1 with the
reason; nothing falls back to another printer.
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from drivers.printers.base import Printer, PrinterError, PrinterStatus
from drivers.printers.sim.inprocess import emulator_of
from drivers.registry import DriverUnavailable, make_printer
from drivers.status import DeviceState
from drivers.uri import DeviceUriError
from kiosk.cli.common import ConfigError, driver_hint, fail, print_json, settings_from_args
from kiosk.devices.guard import DeviceTimeout, call_once
from kiosk.printing.escpos_render import Renderer
from kiosk.printing.jobs import JobNotFound, PrintJobs
from kiosk.printing.layouts import TestPageData, test_page
from kiosk.printing.profiles import DEFAULT_PROFILE, PROFILES, PrinterProfile, get_profile
from kiosk.store import Store, StoreError

log = logging.getLogger(__name__)
T = TypeVar("T")

SEND_DEADLINE_S = 30.0
STATUS_DEADLINE_S = 10.0

_HINTS = {
    "paper_out": "load a new paper roll and close the cover",
    "cover_open": "close the printer cover",
    "offline": "check the printer's error light; switch it off and on",
    "unreachable": "check the cable, power and the printer URI",
    "timeout": "the printer or its driver does not answer: check the printer, then its driver",
}


class _Stop(Exception):
    """Ends a command with an exit code after its message was printed."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


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
    test.add_argument(
        "--deadline",
        type=float,
        default=SEND_DEADLINE_S,
        metavar="S",
        help=f"give up on a printer that has not taken the page after S seconds "
        f"(default {SEND_DEADLINE_S:g})",
    )
    test.set_defaults(func=run_test)
    status = sub.add_parser(
        "printer-status",
        help="ask the printer for paper and online state",
        description="Exit 0 when the printer can print (or does not say), 1 when it cannot.",
    )
    status.add_argument("--printer", help="printer URI (default: the configured printer)")
    status.add_argument("--json", action="store_true", help="machine-readable output")
    status.add_argument(
        "--deadline",
        type=float,
        default=STATUS_DEADLINE_S,
        metavar="S",
        help=f"give up on a printer that has not answered after S seconds "
        f"(default {STATUS_DEADLINE_S:g})",
    )
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
    """Printer URI and profile name from the options, else the settings. Settings that cannot
    be read are an error unless ``--printer`` names the printer: never a quiet ``sim:``."""
    try:
        settings = settings_from_args(args)
        uri, profile = settings.printer, settings.printer_profile
    except ConfigError as exc:
        if not args.printer:
            message = f"{exc}; fix the settings or name the printer with --printer"
            raise _Stop(fail(message)) from None
        uri, profile = args.printer, DEFAULT_PROFILE
    return args.printer or uri, getattr(args, "profile", None) or profile


def _open(uri: str) -> Printer:
    try:
        return make_printer(uri)
    except DriverUnavailable as exc:
        log.info("printer %s cannot be built", uri, exc_info=True)
        hint = driver_hint(exc, "")
        raise _Stop(
            fail(f"printer {uri} cannot be used: {exc}" + (f"\n  -> {hint}" if hint else ""))
        ) from None
    except (DeviceUriError, ValueError, PrinterError) as exc:
        raise _Stop(fail(f"printer URI {uri!r} cannot be used: {exc}", 2)) from None


def _call(uri: str, operation: str, fn: Callable[[], T], deadline_s: float) -> T:
    """A driver call under its deadline; a driver's own bug becomes a PrinterError."""
    try:
        return call_once(f"printer {uri}", operation, fn, deadline_s)
    except (PrinterError, DeviceTimeout):
        raise
    except Exception as exc:
        log.info("printer %s: %s failed", uri, operation, exc_info=True)
        raise PrinterError(f"the driver failed: {type(exc).__name__}: {exc}", "error") from exc


def _close(uri: str, printer: Printer) -> None:
    try:
        _call(uri, "close", printer.close, STATUS_DEADLINE_S)
    except (PrinterError, DeviceTimeout) as exc:
        log.warning("closing printer %s failed: %s", uri, exc)


def run_test(args: argparse.Namespace) -> int:
    """Print the test page; report where it went or why it did not."""
    try:
        return _run_test(args)
    except _Stop as stop:
        return stop.code


def _run_test(args: argparse.Namespace) -> int:
    uri, profile_name = _configured(args)
    profile: PrinterProfile = get_profile(profile_name)
    if args.width:
        profile = profile.with_width(args.width)
    printer = _open(uri)
    try:
        document = test_page(
            TestPageData(uri.split("?", 1)[0], profile.name, profile.paper_mm, datetime.now())
        )
        data = Renderer(profile).render(document)
        _call(uri, "send", lambda: printer.send(data), args.deadline)
        status = _call(uri, "status", printer.query_status, min(args.deadline, STATUS_DEADLINE_S))
        unverified = not isinstance(status, PrinterStatus) or status.online is None
    except (PrinterError, DeviceTimeout) as exc:
        reason = getattr(exc, "reason", "error")
        hint = _HINTS.get(reason, "")
        return fail(
            f"test page NOT printed on {uri}: {exc} [{reason}]" + (f"\n  -> {hint}" if hint else "")
        )
    finally:
        _close(uri, printer)
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
    """Query status once; never waits longer than ``--deadline``."""
    try:
        return _run_status(args)
    except _Stop as stop:
        return stop.code


def _run_status(args: argparse.Namespace) -> int:
    uri, _ = _configured(args)
    printer = _open(uri)
    try:
        status = _call(uri, "status", printer.query_status, args.deadline)
        if not isinstance(status, PrinterStatus):
            raise PrinterError(
                f"the driver does not conform: query_status() returned {type(status).__name__}",
                "error",
            )
        device = status.to_device_status()
        detail, broken = device.detail, device.state == DeviceState.ERROR
    except PrinterError as exc:
        status, detail, broken = PrinterStatus(online=False), str(exc), True
    except DeviceTimeout as exc:  # it did not say: not known to be offline
        status, detail, broken = PrinterStatus(online=None), str(exc), True
    finally:
        _close(uri, printer)
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
