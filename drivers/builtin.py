"""The built-in driver factories, registered as entry points in pyproject.toml.

Each takes a parsed :class:`~drivers.uri.DeviceUri` and returns an unopened device; heavy
imports happen inside, so listing drivers stays cheap. Vendor plug-ins have the same shape.
"""

from __future__ import annotations

from drivers.beacons.base import Beacon
from drivers.cameras.base import Camera
from drivers.cards.base import CardReader
from drivers.pages.base import PagePrinter
from drivers.printers.base import Printer
from drivers.scanners.base import Scanner
from drivers.uri import DeviceUri


def sim_card_reader(uri: DeviceUri) -> CardReader:
    """``sim:sam`` (SAM driver on the pty emulator) or ``sim:pcsc`` (in-memory reader)."""
    # sim:pcsc would need pcscd and vpcd running, too heavy for a demo: it uses the memory reader.
    if uri.target == "sam":
        from drivers.cards.sim.sam_sim import SimulatedSamReader

        return SimulatedSamReader(str(uri))
    from drivers.cards.sim.memory import MemoryCardReader

    return MemoryCardReader(str(uri))


def sam_card_reader(uri: DeviceUri) -> CardReader:
    """A SAM (GA 467) ID-card reader on a serial port: ``sam:/dev/ttyUSB0?baud=115200``."""
    from drivers.cards.sam import DEFAULT_BAUD, SamReader

    return SamReader(uri.target, uri.int_option("baud", DEFAULT_BAUD), uri=str(uri))


def pcsc_card_reader(uri: DeviceUri) -> CardReader:
    """A PC/SC reader: ``pcsc:`` (first reader) or ``pcsc:<reader name>``."""
    from drivers.cards.pcsc import PcscReader

    return PcscReader(uri.target, uri=str(uri))


def sim_printer(uri: DeviceUri) -> Printer:
    """The ESC/POS driver on an in-process emulator (``sim:?out=DIR&width=58|80``)."""
    from drivers.printers.sim.inprocess import emulated_printer

    return emulated_printer(uri)


def escpos_printer(uri: DeviceUri) -> Printer:
    """An ESC/POS printer on usb:, serial:, tcp://, file: or cups: transports."""
    from drivers.printers.escpos import EscposPrinter
    from drivers.printers.transports import transport_for

    return EscposPrinter(str(uri), transport_for(uri))


def serial_scanner(uri: DeviceUri) -> Scanner:
    """A barcode/QR scanner on a serial port: ``scanner:/dev/ttyACM0?baud=9600``."""
    from drivers.scanners.serial_scanner import DEFAULT_BAUD, SerialScanner

    if not uri.target:
        raise ValueError("a scanner URI needs a port, e.g. scanner:/dev/ttyACM0")
    return SerialScanner(uri.target, uri.int_option("baud", DEFAULT_BAUD), uri=str(uri))


def sim_scanner(uri: DeviceUri) -> Scanner:
    """``sim:``: a scanner on an in-process pty emulator (demo and tests)."""
    from drivers.scanners.sim.sim_scanner import SimulatedScanner

    return SimulatedScanner(str(uri))


def led_beacon(uri: DeviceUri) -> Beacon:
    """A call light on a Linux LED: ``led:<name>`` (``/sys/class/leds/<name>``)."""
    from pathlib import Path

    from drivers.beacons.led import LEDS, LedBeacon

    sysfs = uri.options.get("sysfs")
    return LedBeacon(uri.target, uri=str(uri), sysfs=Path(sysfs) if sysfs else LEDS)


def sim_beacon(uri: DeviceUri) -> Beacon:
    """``sim:``: a call light that remembers what it shows."""
    from drivers.beacons.sim import SimulatedBeacon

    return SimulatedBeacon(str(uri))


def v4l2_camera(uri: DeviceUri) -> Camera:
    """A UVC document camera: ``v4l2:/dev/video0?width=2592&height=1944&fourcc=MJPG``."""
    from drivers.cameras.v4l2 import V4l2Camera

    if not uri.target:
        raise ValueError("a camera URI needs a device, e.g. v4l2:/dev/video0")
    return V4l2Camera(
        uri.target,
        str(uri),
        width=uri.int_option("width", 0),
        height=uri.int_option("height", 0),
        fourcc=uri.options.get("fourcc", ""),
    )


def sim_camera(uri: DeviceUri) -> Camera:
    """``sim:?scene=angled``: a camera over the sample desk pictures (``folder=`` another;
    ``control=FILE``: what lies under it, or the cable, set from another process by
    ``kioskctl simulate camera``). ``sim:face?seq=holder-live&seed=0``: a face camera in front of
    a simulated citizen (:mod:`drivers.cameras.face_sim`)."""
    from pathlib import Path

    if uri.target == "face":
        return _sim_face_camera(uri)
    from drivers.cameras.sim import DEFAULT_FOLDER, SimCamera

    folder = Path(uri.options["folder"]) if uri.options.get("folder") else DEFAULT_FOLDER
    control = Path(uri.options["control"]) if uri.options.get("control") else None
    return SimCamera(str(uri), folder, uri.options.get("scene", "angled"), control=control)


def cups_page_printer(uri: DeviceUri) -> PagePrinter:
    """An A4 printer on a CUPS queue: ``cups:QUEUE`` (the local server),
    ``cups://HOST:PORT/QUEUE`` or ``ipp://HOST:PORT/printers/QUEUE``; ``?timeout=SECONDS``."""
    from drivers.pages.cups import DEFAULT_TIMEOUT_S, CupsPagePrinter, cups_target

    server, queue = cups_target(uri)
    timeout = uri.int_option("timeout", int(DEFAULT_TIMEOUT_S))
    return CupsPagePrinter(str(uri), queue, server, timeout_s=float(max(1, timeout)))


def sim_page_printer(uri: DeviceUri) -> PagePrinter:
    """``sim:DIR`` (or ``sim:?out=DIR``): the demo A4 printer writing each job into DIR."""
    from pathlib import Path

    from drivers.pages.sim import SimPagePrinter

    folder = uri.options.get("out") or uri.target
    if not folder.startswith("/"):
        raise ValueError("the simulated A4 printer needs a folder, e.g. sim:/tmp/kiosk-pages")
    return SimPagePrinter(str(uri), Path(folder))


def _sim_face_camera(uri: DeviceUri) -> Camera:
    from pathlib import Path

    from drivers.cameras.face_sim import DEFAULT_FOLDER, SimFaceCamera

    folder = Path(uri.options["folder"]) if uri.options.get("folder") else DEFAULT_FOLDER
    seed = uri.options.get("seed", "0")
    if not seed.isdigit():
        raise ValueError(f"seed must be a whole number, got {seed!r}")
    return SimFaceCamera(str(uri), folder, uri.options.get("seq", "holder-live"), int(seed))
