"""Build a driver from its device URI.

Scheme → factory. Built-in drivers register here; vendor plug-ins will register through entry
points (``kiosk.card_readers``, ``kiosk.printers``) with the same shape.
"""

from __future__ import annotations

from collections.abc import Callable

from drivers.cards.base import CardReader
from drivers.printers.base import Printer
from drivers.scanners.base import Scanner
from drivers.uri import (
    CARD_READER_SCHEMES,
    PRINTER_SCHEMES,
    SCANNER_SCHEMES,
    DeviceUri,
    parse_device_uri,
)


class UnsupportedDevice(ValueError):
    """No driver is installed for this URI's scheme."""


def _sim_card_reader(uri: DeviceUri) -> CardReader:
    # sim:sam runs the real SAM driver against the pty emulator in this process. sim:pcsc
    # would need pcscd and vpcd running, too heavy for a demo: it uses the memory reader.
    if uri.target == "sam":
        from drivers.cards.sim.sam_sim import SimulatedSamReader

        return SimulatedSamReader(str(uri))
    from drivers.cards.sim.memory import MemoryCardReader

    return MemoryCardReader(str(uri))


def _sam_card_reader(uri: DeviceUri) -> CardReader:
    from drivers.cards.sam import DEFAULT_BAUD, SamReader

    return SamReader(uri.target, uri.int_option("baud", DEFAULT_BAUD), uri=str(uri))


def _pcsc_card_reader(uri: DeviceUri) -> CardReader:
    from drivers.cards.pcsc import PcscReader

    return PcscReader(uri.target, uri=str(uri))


def _sim_printer(uri: DeviceUri) -> Printer:
    # The ESC/POS driver on an in-process emulator (``sim:?out=DIR&width=58|80``); unit
    # tests that only need captured bytes use drivers.printers.sim.memory.MemoryPrinter.
    from drivers.printers.sim.inprocess import emulated_printer

    return emulated_printer(uri)


def _escpos_printer(uri: DeviceUri) -> Printer:
    from drivers.printers.escpos import EscposPrinter
    from drivers.printers.transports import transport_for

    return EscposPrinter(str(uri), transport_for(uri))


CARD_READER_FACTORIES: dict[str, Callable[[DeviceUri], CardReader]] = {
    "sim": _sim_card_reader,
    "sam": _sam_card_reader,
    "pcsc": _pcsc_card_reader,
}
PRINTER_FACTORIES: dict[str, Callable[[DeviceUri], Printer]] = {
    "sim": _sim_printer,
    "usb": _escpos_printer,
    "serial": _escpos_printer,
    "tcp": _escpos_printer,
    "file": _escpos_printer,
    "cups": _escpos_printer,
}


def make_card_reader(text: str) -> CardReader:
    """A card reader driver for ``text`` (not yet opened)."""
    uri = parse_device_uri(text, CARD_READER_SCHEMES)
    factory = CARD_READER_FACTORIES.get(uri.scheme)
    if factory is None:
        raise UnsupportedDevice(f"no card reader driver for {uri.scheme!r} is installed")
    return factory(uri)


def make_printer(text: str) -> Printer:
    """A printer driver for ``text`` (connects lazily on first use)."""
    uri = parse_device_uri(text, PRINTER_SCHEMES)
    factory = PRINTER_FACTORIES.get(uri.scheme)
    if factory is None:
        raise UnsupportedDevice(f"no printer driver for {uri.scheme!r} is installed")
    return factory(uri)


def _serial_scanner(uri: DeviceUri) -> Scanner:
    from drivers.scanners.serial_scanner import DEFAULT_BAUD, SerialScanner

    if not uri.target:
        raise UnsupportedDevice("a scanner URI needs a port, e.g. scanner:/dev/ttyACM0")
    return SerialScanner(uri.target, uri.int_option("baud", DEFAULT_BAUD), uri=str(uri))


def _sim_scanner(uri: DeviceUri) -> Scanner:
    from drivers.scanners.sim.sim_scanner import SimulatedScanner

    return SimulatedScanner(str(uri))


SCANNER_FACTORIES: dict[str, Callable[[DeviceUri], Scanner]] = {
    "scanner": _serial_scanner,
    "sim": _sim_scanner,
}


def make_scanner(text: str) -> Scanner:
    """A barcode/QR scanner driver for ``text`` (opened on first read)."""
    uri = parse_device_uri(text, SCANNER_SCHEMES)
    factory = SCANNER_FACTORIES.get(uri.scheme)
    if factory is None:
        raise UnsupportedDevice(f"no scanner driver for {uri.scheme!r} is installed")
    return factory(uri)
