"""Stand-ins for a device whose driver cannot be used, so the rest of the terminal runs.

When a plug-in does not import, its factory raises or what it builds does not conform, the
composition root puts one of these in the device's place: the device is reported broken with
the reason (status bar, staff screen, doctor), every call fails at once with that reason, and
everything else keeps serving citizens — a broken printer means "no printing", not "out of
service".
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from drivers.beacons.base import Beacon, BeaconError, Light
from drivers.cameras.base import Camera, CameraError, Frame
from drivers.cards.base import CardRead, CardReader, CardReaderError
from drivers.printers.base import Printer, PrinterError, PrinterStatus
from drivers.registry import (
    DriverUnavailable,
    make_beacon,
    make_camera,
    make_card_reader,
    make_printer,
    make_scanner,
)
from drivers.scanners.base import Scan, Scanner, ScannerError
from drivers.status import DeviceState, DeviceStatus
from drivers.uri import DeviceUriError

log = logging.getLogger(__name__)

T = TypeVar("T")

BROKEN_REASON = "driver_broken"


class _Broken:
    def __init__(self, uri: str, problem: str) -> None:
        self.uri = uri
        self.broken = problem

    def close(self) -> None:
        """Nothing to release."""

    def status(self) -> DeviceStatus:
        """Always an error, with the reason the driver cannot be used."""
        return DeviceStatus(DeviceState.ERROR, self.broken, BROKEN_REASON)


class BrokenCardReader(_Broken):
    """A card reader whose driver failed; ``open`` and ``read_card`` raise its reason."""

    def open(self) -> None:
        raise CardReaderError(self.broken, "reader_error")

    def read_card(self, timeout_s: float) -> CardRead | None:
        raise CardReaderError(self.broken, "reader_error")


class BrokenPrinter(_Broken):
    """A printer whose driver failed; every job fails with reason ``driver_broken``."""

    def send(self, data: bytes) -> None:
        raise PrinterError(self.broken, BROKEN_REASON)

    def query_status(self) -> PrinterStatus:
        raise PrinterError(self.broken, BROKEN_REASON)


class BrokenScanner(_Broken):
    """A scanner whose driver failed; opening it raises its reason."""

    def open(self) -> None:
        raise ScannerError(self.broken, BROKEN_REASON)

    def read_scan(self, timeout_s: float) -> Scan | None:
        raise ScannerError(self.broken, BROKEN_REASON)


class BrokenBeacon(_Broken):
    """A call light whose driver failed; switching it raises its reason."""

    def open(self) -> None:
        raise BeaconError(self.broken, BROKEN_REASON)

    def show(self, light: Light) -> None:
        raise BeaconError(self.broken, BROKEN_REASON)


class BrokenCamera(_Broken):
    """A document camera whose driver failed; opening it raises its reason."""

    def open(self) -> None:
        raise CameraError(self.broken, BROKEN_REASON)

    def frame(self, timeout_s: float) -> Frame | None:
        raise CameraError(self.broken, BROKEN_REASON)


def broken_problem(device: Any) -> str:
    """The reason ``device`` is a stand-in for a broken driver; "" for a real driver."""
    problem = getattr(device, "broken", "") if isinstance(device, _Broken) else ""
    return str(problem)


def _build(make: Callable[[str], T], uri: str, stand_in: Callable[[str, str], T], kind: str) -> T:
    try:
        return make(uri)
    except (DriverUnavailable, DeviceUriError) as exc:
        # One line for staff in the log; the traceback (a vendor's import error) at debug.
        log.error("%s %s disabled: %s", kind, uri, exc)
        log.debug("%s %s cannot be built", kind, uri, exc_info=True)
        return stand_in(uri, str(exc))


def card_reader_or_broken(uri: str) -> CardReader:
    """The card reader for ``uri``, or a :class:`BrokenCardReader` saying why not."""
    return _build(make_card_reader, uri, BrokenCardReader, "card reader")


def printer_or_broken(uri: str) -> Printer:
    """The printer for ``uri``, or a :class:`BrokenPrinter` saying why not."""
    return _build(make_printer, uri, BrokenPrinter, "printer")


def scanner_or_broken(uri: str) -> Scanner:
    """The scanner for ``uri``, or a :class:`BrokenScanner` saying why not."""
    return _build(make_scanner, uri, BrokenScanner, "scanner")


def beacon_or_broken(uri: str) -> Beacon:
    """The call light for ``uri``, or a :class:`BrokenBeacon` saying why not."""
    return _build(make_beacon, uri, BrokenBeacon, "call light")


def camera_or_broken(uri: str) -> Camera:
    """The document camera for ``uri``, or a :class:`BrokenCamera` saying why not."""
    return _build(make_camera, uri, BrokenCamera, "document camera")
