"""``kioskctl vendor-check``: run a driver through the terminal's contract and report.

For a vendor, on an installed terminal or any machine with the kiosk package: builds the
driver from its URI as the terminal does, then exercises the happy path (open, status, a
read with no card / a test page, close twice) and the failure paths (the same scheme on a
device that does not exist must raise the protocol's error, in time). Every call runs under
``--deadline``; a hang is a FAIL, never a stuck command. Exit 0 when nothing failed, 1 when
something did (warnings do not count).
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from drivers.cards.base import CardRead, CardReaderError, CardReadError
from drivers.printers.base import PrinterError, PrinterStatus
from drivers.registry import (
    CARD_READERS,
    PRINTERS,
    DriverUnavailable,
    make_card_reader,
    make_printer,
    valid_scheme,
)
from drivers.status import DeviceStatus
from drivers.uri import DeviceUriError, parse_device_uri
from kiosk.cli.common import print_json
from kiosk.devices.guard import DeviceTimeout, call_once

log = logging.getLogger(__name__)

ABSENT_TARGET = "/dev/kiosk-vendor-check-absent"
DEFAULT_DEADLINE_S = 10.0


@dataclass(frozen=True)
class Finding:
    """One line of the report: device, what was checked, pass / warn / fail, and why."""

    device: str
    check: str
    result: str
    detail: str


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``vendor-check`` command."""
    parser = sub.add_parser(
        "vendor-check",
        help="check a driver plug-in against the terminal's contract (happy and failure paths)",
        description="Exit 0 when every check passed (warnings allowed), 1 when one failed.",
    )
    parser.add_argument("--reader", metavar="URI", help="card reader URI (no card on it)")
    parser.add_argument("--printer", metavar="URI", help="printer URI")
    parser.add_argument(
        "--no-print", action="store_true", help="do not send a test page to the printer"
    )
    parser.add_argument(
        "--deadline",
        type=float,
        default=DEFAULT_DEADLINE_S,
        metavar="S",
        help=f"a driver call taking longer is a failure (default {DEFAULT_DEADLINE_S:g})",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(func=run)


class _Report:
    def __init__(self, device: str, deadline_s: float) -> None:
        self.device = device
        self.deadline_s = deadline_s
        self.findings: list[Finding] = []

    def add(self, check: str, result: str, detail: str) -> None:
        self.findings.append(Finding(self.device, check, result, detail))

    def call(self, check: str, fn: Callable[[], Any], deadline_s: float | None = None) -> Any:
        """``fn()`` under the deadline; raises what it raised (DeviceTimeout on a hang)."""
        return call_once(self.device, check, fn, deadline_s or self.deadline_s)


def _scheme_check(report: _Report, uri: str) -> bool:
    try:
        scheme = parse_device_uri(uri).scheme
    except DeviceUriError as exc:
        report.add("uri", "fail", str(exc))
        return False
    if not valid_scheme(scheme):
        report.add("scheme", "fail", f"{scheme!r} is not a lower-case identifier")
        return False
    report.add("scheme", "pass", f"{scheme!r} is a valid scheme name")
    return True


def _build(report: _Report, make: Callable[[str], Any], uri: str) -> Any:
    try:
        device = report.call("build", lambda: make(uri))
    except DriverUnavailable as exc:
        report.add("build", "fail", f"[{exc.reason}] {exc}")
        return None
    except DeviceTimeout as exc:
        report.add("build", "fail", f"{exc} (the factory must do no I/O)")
        return None
    except Exception as exc:
        report.add("build", "fail", f"{type(exc).__name__}: {exc}")
        return None
    report.add("build", "pass", f"{type(device).__name__}, uri {device.uri!r}, conforms")
    return device


def _close_twice(report: _Report, device: Any) -> None:
    try:
        report.call("close", device.close)
        report.call("close again", device.close)
    except Exception as exc:
        report.add("close twice", "fail", f"{type(exc).__name__}: {exc}")
        return
    report.add("close twice", "pass", "close() is safe to call twice")


def check_reader(uri: str, deadline_s: float) -> list[Finding]:
    """The reader at ``uri`` through the CardReader contract."""
    report = _Report(f"card reader {uri}", deadline_s)
    if not _scheme_check(report, uri):
        return report.findings
    reader = _build(report, make_card_reader, uri)
    if reader is None:
        return report.findings
    try:
        report.call("open", reader.open)
        report.add("open", "pass", "opened")
    except DeviceTimeout as exc:
        report.add("open", "fail", str(exc))
        return report.findings
    except CardReaderError as exc:
        report.add("open", "fail", f"CardReaderError [{exc.reason}] {exc} (is it connected?)")
        return report.findings
    except Exception as exc:
        report.add("open", "fail", f"{type(exc).__name__} instead of CardReaderError: {exc}")
        return report.findings
    _reader_status(report, reader)
    if callable(getattr(reader, "card_present", None)):
        try:
            present = report.call("card_present", reader.card_present)
            kind = "pass" if isinstance(present, bool) else "fail"
            report.add("card_present", kind, f"returned {present!r}")
        except Exception as exc:
            report.add("card_present", "fail", f"{type(exc).__name__}: {exc}")
    else:
        report.add(
            "card_present",
            "warn",
            "not implemented: the terminal reads over and over and relies on read_card "
            "returning None once the card is lifted",
        )
    try:
        card = report.call("read_card(1)", lambda: reader.read_card(1.0), 1.0 + deadline_s)
        if card is None:
            report.add("read_card(1)", "pass", "None with no card on the reader")
        elif isinstance(card, CardRead):
            report.add("read_card(1)", "warn", f"a card was read ({card.card_type}): remove it")
        else:
            report.add("read_card(1)", "fail", f"returned {type(card).__name__}, not CardRead")
    except (CardReaderError, CardReadError) as exc:
        report.add("read_card(1)", "fail", f"{type(exc).__name__} [{exc.reason}] with no card")
    except Exception as exc:
        report.add("read_card(1)", "fail", f"{type(exc).__name__}: {exc}")
    _close_twice(report, reader)
    _absent_reader(report, uri, deadline_s)
    return report.findings


def _reader_status(report: _Report, reader: Any) -> None:
    try:
        status = report.call("status", reader.status)
    except Exception as exc:
        report.add("status", "fail", f"{type(exc).__name__}: {exc}")
        return
    if isinstance(status, DeviceStatus):
        report.add("status", "pass", f"{status.state.value}: {status.detail}")
    else:
        report.add("status", "fail", f"returned {type(status).__name__}, not DeviceStatus")


def _absent_uri(uri: str) -> str:
    parsed = parse_device_uri(uri)
    return f"{parsed.scheme}:{ABSENT_TARGET}"


def _absent_reader(report: _Report, uri: str, deadline_s: float) -> None:
    absent = _absent_uri(uri)
    try:
        reader = report.call("absent: build", lambda: make_card_reader(absent))
    except Exception as exc:
        report.add("absent device", "pass", f"{absent} refused when built: {exc}")
        return
    try:
        report.call("absent: open", reader.open)
        report.call("absent: read", lambda: reader.read_card(1.0), 1.0 + deadline_s)
        report.add("absent device", "fail", f"{absent}: open and read_card raised nothing")
    except CardReaderError as exc:
        report.add("absent device", "pass", f"{absent}: CardReaderError [{exc.reason}]")
    except DeviceTimeout as exc:
        report.add("absent device", "fail", f"{absent}: {exc}")
    except Exception as exc:
        report.add(
            "absent device", "fail", f"{absent}: {type(exc).__name__} instead of CardReaderError"
        )
    finally:
        try:
            report.call("absent: close", reader.close)
        except Exception as exc:
            report.add("absent: close", "fail", f"{type(exc).__name__}: {exc}")


def check_printer(uri: str, deadline_s: float, print_page: bool) -> list[Finding]:
    """The printer at ``uri`` through the Printer contract."""
    report = _Report(f"printer {uri}", deadline_s)
    if not _scheme_check(report, uri):
        return report.findings
    printer = _build(report, make_printer, uri)
    if printer is None:
        return report.findings
    try:
        status = report.call("query_status", printer.query_status)
        if isinstance(status, PrinterStatus):
            report.add("query_status", "pass", status.to_device_status().detail)
        else:
            report.add("query_status", "fail", f"returned {type(status).__name__}")
    except PrinterError as exc:
        report.add("query_status", "fail", f"PrinterError [{exc.reason}] {exc}")
    except Exception as exc:
        report.add("query_status", "fail", f"{type(exc).__name__}: {exc}")
    if print_page:
        _send_test_page(report, printer, uri)
    _close_twice(report, printer)
    _absent_printer(report, uri)
    return report.findings


def _send_test_page(report: _Report, printer: Any, uri: str) -> None:
    from datetime import datetime

    from kiosk.printing.escpos_render import Renderer
    from kiosk.printing.layouts import TestPageData, test_page
    from kiosk.printing.profiles import DEFAULT_PROFILE, get_profile

    profile = get_profile(DEFAULT_PROFILE)
    page = test_page(TestPageData(uri, profile.name, profile.paper_mm, datetime.now()))
    data = Renderer(profile).render(page)
    try:
        report.call("send", lambda: printer.send(data))
        report.add("send", "pass", f"test page sent ({len(data)} bytes): check the paper")
    except DeviceTimeout as exc:
        report.add("send", "fail", str(exc))
    except PrinterError as exc:
        report.add("send", "fail", f"PrinterError [{exc.reason}] {exc}")
    except Exception as exc:
        report.add("send", "fail", f"{type(exc).__name__}: {exc}")


def _absent_printer(report: _Report, uri: str) -> None:
    absent = _absent_uri(uri)
    try:
        printer = report.call("absent: build", lambda: make_printer(absent))
    except Exception as exc:
        report.add("absent device", "pass", f"{absent} refused when built: {exc}")
        return
    try:
        report.call("absent: send", lambda: printer.send(b"\x1b@"))
        report.add("absent device", "fail", f"{absent}: send raised nothing")
    except PrinterError as exc:
        report.add("absent device", "pass", f"{absent}: PrinterError [{exc.reason}]")
    except DeviceTimeout as exc:
        report.add("absent device", "fail", f"{absent}: {exc}")
    except Exception as exc:
        report.add("absent device", "fail", f"{absent}: {type(exc).__name__}, not PrinterError")
    finally:
        try:
            report.call("absent: close", printer.close)
        except Exception as exc:
            report.add("absent: close", "fail", f"{type(exc).__name__}: {exc}")


def run(args: argparse.Namespace) -> int:
    """Check the given drivers and print the report."""
    if not args.reader and not args.printer:
        print("kioskctl: vendor-check needs --reader URI and/or --printer URI")
        return 2
    findings: list[Finding] = []
    if args.reader:
        findings += check_reader(args.reader, args.deadline)
    if args.printer:
        findings += check_printer(args.printer, args.deadline, not args.no_print)
    failed = any(f.result == "fail" for f in findings)
    if args.json:
        print_json({"ok": not failed, "findings": [asdict(f) for f in findings]})
    else:
        marks = {"pass": "PASS", "warn": "WARN", "fail": "FAIL"}
        for f in findings:
            print(f"[{marks[f.result]}] {f.device}: {f.check} — {f.detail}")
        print("Driver check FAILED." if failed else "Driver check passed.")
    return 1 if failed else 0


__all__ = ["CARD_READERS", "PRINTERS", "Finding", "check_printer", "check_reader", "register"]
