"""Build a driver from its device URI, through plug-ins found by entry point.

Every driver — built-in or a vendor's — is a factory ``(DeviceUri) -> device`` registered
under a URI scheme in one of three entry-point groups::

    [project.entry-points."kiosk.card_readers"]   sam = "drivers.builtin:sam_card_reader"
    [project.entry-points."kiosk.printers"]       usb = "drivers.builtin:escpos_printer"
    [project.entry-points."kiosk.scanners"]       …
    [project.entry-points."kiosk.cameras"]        v4l2 = "drivers.builtin:v4l2_camera"
    [project.entry-points."kiosk.pages"]          cups = "drivers.builtin:cups_page_printer"

A vendor ships a package that declares its own scheme (``acme = "acme_kiosk:reader"``) and
configures ``card_reader = "acme:/dev/ttyACM0"``. The built-in drivers are declared the same way
in this project's pyproject.toml; :data:`BUILTIN` repeats them only so a checkout whose
installed metadata is stale still starts (a test checks both lists agree). Built-in schemes
cannot be taken over by a plug-in: a vendor's scheme must have its own name, and it must be
an identifier in lower case (``acme``, ``acme_2``; not ``acme-2``) since URIs are parsed so.

A driver that cannot be used raises :class:`DriverUnavailable` from :func:`make_device` with a
``reason`` — ``driver_missing`` (no such scheme), ``driver_import_failed`` (the plug-in's
module does not import: missing SDK, missing ``.so``, syntax error), ``driver_factory_failed``
(the factory raised) or ``driver_nonconforming`` (what it built lacks ``uri`` or a method of
the protocol) — and the plug-in's package name, so the terminal can disable that one device
and say why, and keep the rest working.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, Any

from drivers.beacons.base import Beacon
from drivers.cameras.base import Camera
from drivers.cards.base import CardReader
from drivers.errors import DeviceError
from drivers.printers.base import Printer
from drivers.scanners.base import Scanner
from drivers.uri import DeviceUri, DeviceUriError, parse_device_uri

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

    from drivers.pages.base import PagePrinter


def entry_points(*, group: str) -> list[EntryPoint]:
    """The installed plug-ins of ``group``. importlib.metadata is imported here, when a
    device is first opened, not with the settings before the first frame."""
    from importlib import metadata

    return list(metadata.entry_points(group=group))


log = logging.getLogger(__name__)

# Optional: a plug-in's function ``() -> list[dict]`` listing the devices it can reach (each
# {"uri": …, "description": …}), shown by ``kioskctl devices`` (hardware behind a vendor SDK
# that is no serial port or PC/SC reader).
DISCOVERY = "kiosk.discovery"
CARD_READERS = "kiosk.card_readers"
PRINTERS = "kiosk.printers"
SCANNERS = "kiosk.scanners"
BEACONS = "kiosk.beacons"
CAMERAS = "kiosk.cameras"
PAGES = "kiosk.pages"  # A4 page printers (PDF), not receipts
GROUPS = (CARD_READERS, PRINTERS, SCANNERS, BEACONS, CAMERAS, PAGES)
_KIND = {
    CARD_READERS: "card reader",
    PRINTERS: "printer",
    SCANNERS: "scanner",
    BEACONS: "call light",
    CAMERAS: "document camera",
    PAGES: "A4 printer",
}

# scheme -> "module:function", exactly as declared in pyproject.toml.
BUILTIN: dict[str, dict[str, str]] = {
    CARD_READERS: {
        "sim": "drivers.builtin:sim_card_reader",
        "sam": "drivers.builtin:sam_card_reader",
        "pcsc": "drivers.builtin:pcsc_card_reader",
    },
    PRINTERS: {
        "sim": "drivers.builtin:sim_printer",
        "usb": "drivers.builtin:escpos_printer",
        "serial": "drivers.builtin:escpos_printer",
        "tcp": "drivers.builtin:escpos_printer",
        "file": "drivers.builtin:escpos_printer",
        "cups": "drivers.builtin:escpos_printer",
    },
    SCANNERS: {
        "scanner": "drivers.builtin:serial_scanner",
        "sim": "drivers.builtin:sim_scanner",
    },
    BEACONS: {
        "led": "drivers.builtin:led_beacon",
        "sim": "drivers.builtin:sim_beacon",
    },
    CAMERAS: {
        "v4l2": "drivers.builtin:v4l2_camera",
        "sim": "drivers.builtin:sim_camera",
    },
    PAGES: {
        "cups": "drivers.builtin:cups_page_printer",
        "ipp": "drivers.builtin:cups_page_printer",
        "sim": "drivers.builtin:sim_page_printer",
    },
}


# What a device built by a factory must have: the ``uri`` string and these methods.
REQUIRED_METHODS: dict[str, tuple[str, ...]] = {
    CARD_READERS: ("open", "close", "read_card", "status"),
    PRINTERS: ("send", "query_status", "close"),
    SCANNERS: ("open", "read_scan", "close"),
    BEACONS: ("open", "show", "close"),
    CAMERAS: ("open", "frame", "close"),
    PAGES: ("print_pdf", "job_state", "status", "close"),
}
_PROTOCOL = {
    CARD_READERS: "CardReader",
    PRINTERS: "Printer",
    SCANNERS: "Scanner",
    BEACONS: "Beacon",
    CAMERAS: "Camera",
    PAGES: "PagePrinter",
}


class UnsupportedDevice(DeviceError, ValueError):
    """No driver is installed for this URI's scheme; the message lists the installed ones."""

    reason = "unsupported_device"


class DriverUnavailable(UnsupportedDevice):
    """The driver for a device cannot be used; ``reason`` says why (see the module docstring),
    ``package`` names the distribution that provides it ("" for built-ins and missing ones)."""

    def __init__(self, message: str, reason: str, package: str = "") -> None:
        super().__init__(message, reason)
        self.package = package


def valid_scheme(name: str) -> bool:
    """Whether ``name`` can be a URI scheme: a lower-case ASCII identifier."""
    return name.isascii() and name.isidentifier() and name == name.lower()


def _load(target: str) -> Callable[[DeviceUri], Any]:
    module, _, attr = target.partition(":")
    factory: Callable[[DeviceUri], Any] = getattr(import_module(module), attr)
    return factory


def _package_of(group: str, scheme: str) -> str:
    for ep in entry_points(group=group):
        if ep.name.lower() == scheme and ep.dist is not None:
            return str(ep.dist.name)
    return ""


def installed(group: str) -> dict[str, str]:
    """Scheme → ``module:function`` for every driver of ``group`` (built-in and plug-in)."""
    found = dict(BUILTIN[group])
    for ep in entry_points(group=group):
        scheme = ep.name.lower()
        if scheme in BUILTIN[group] and ep.value != BUILTIN[group][scheme]:
            log.warning("ignoring plug-in %s: scheme %r is built in", ep.value, scheme)
            continue
        if not valid_scheme(ep.name):
            log.warning("ignoring plug-in %s: scheme %r is not an identifier", ep.value, ep.name)
            continue
        found[scheme] = ep.value
    return found


def plugins() -> list[dict[str, str]]:
    """Installed vendor plug-ins (not the built-ins): group, scheme, target, distribution, and
    ``state`` — ``loaded`` when its factory imports, else ``failed`` with ``error`` saying why.
    Nothing is built or opened: no device is touched."""
    out: list[dict[str, str]] = []
    for group in GROUPS:
        for ep in entry_points(group=group):
            builtin = BUILTIN[group].get(ep.name.lower())
            if builtin == ep.value:
                continue
            dist = ep.dist
            version = f"{dist.name} {dist.version}" if dist is not None else "?"
            entry = {"group": group, "scheme": ep.name, "target": ep.value, "distribution": version}
            error = ""
            if builtin is not None:
                error = f"scheme {ep.name!r} is built in and cannot be taken over"
            elif not valid_scheme(ep.name):
                error = f"scheme {ep.name!r} is not a lower-case identifier (try {_fix(ep.name)!r})"
            else:
                try:
                    factory = _load(ep.value)
                    if not callable(factory):
                        error = f"{ep.value} is not callable"
                except Exception as exc:  # any failure of a vendor's import is reported
                    error = f"cannot be imported: {type(exc).__name__}: {exc}"
            entry["state"] = "failed" if error else "loaded"
            entry["error"] = error
            out.append(entry)
    return out


def _fix(name: str) -> str:
    fixed = "".join(c if c.isalnum() else "_" for c in name.lower())
    return fixed if fixed[:1].isalpha() else f"x{fixed}"


def make_device(group: str, text: str) -> Any:
    """The driver for ``text`` from ``group``, checked against its protocol; raises
    :class:`DriverUnavailable` or :class:`drivers.uri.DeviceUriError`."""
    uri = parse_device_uri(text)
    kind = _KIND[group]
    drivers = installed(group)
    target = drivers.get(uri.scheme)
    if target is None:
        names = ", ".join(sorted(drivers)) or "none"
        raise DriverUnavailable(
            f"no {kind} driver for {uri.scheme!r} is installed (installed schemes: {names})",
            "driver_missing",
        )
    package = "" if target == BUILTIN[group].get(uri.scheme) else _package_of(group, uri.scheme)
    where = f" (package {package})" if package else ""
    try:
        factory = _load(target)
    except Exception as exc:  # ImportError, OSError from a .so, SyntaxError, AttributeError …
        log.debug("loading %s failed", target, exc_info=True)
        raise DriverUnavailable(
            f"the {kind} driver {target}{where} for {uri.scheme!r} cannot be loaded: "
            f"{type(exc).__name__}: {exc}",
            "driver_import_failed",
            package,
        ) from exc
    try:
        device = factory(uri)
    except DeviceUriError:  # a URI the driver reads further (options, ports) is wrong
        raise
    except Exception as exc:
        log.debug("factory %s failed", target, exc_info=True)
        raise DriverUnavailable(
            f"the {kind} driver {target}{where} failed to build {text}: "
            f"{type(exc).__name__}: {exc}",
            "driver_factory_failed",
            package,
        ) from exc
    problem = nonconformance(group, device)
    if problem:
        raise DriverUnavailable(
            f"the {kind} driver {target}{where} does not conform to the {_PROTOCOL[group]} "
            f"protocol: {problem}",
            "driver_nonconforming",
            package,
        )
    return device


def nonconformance(group: str, device: Any) -> str:
    """What ``device`` lacks of its group's protocol, as a phrase; "" when it conforms."""
    if device is None:
        return "the factory returned None"
    problems = []
    if not isinstance(getattr(device, "uri", None), str):
        problems.append("no 'uri' string attribute")
    problems += [
        f"no '{name}' method"
        for name in REQUIRED_METHODS[group]
        if not callable(getattr(device, name, None))
    ]
    return ", ".join(problems)


def make_card_reader(text: str) -> CardReader:
    """A card reader driver for ``text`` (not yet opened)."""
    reader: CardReader = make_device(CARD_READERS, text)
    return reader


def make_printer(text: str) -> Printer:
    """A printer driver for ``text`` (connects lazily on first use)."""
    printer: Printer = make_device(PRINTERS, text)
    return printer


def make_scanner(text: str) -> Scanner:
    """A barcode/QR scanner driver for ``text`` (opened on first read)."""
    scanner: Scanner = make_device(SCANNERS, text)
    return scanner


def make_beacon(text: str) -> Beacon:
    """A call-light driver for ``text`` (checked on open)."""
    beacon: Beacon = make_device(BEACONS, text)
    return beacon


def make_camera(text: str) -> Camera:
    """A document-camera driver for ``text`` (checked on open)."""
    camera: Camera = make_device(CAMERAS, text)
    return camera


def make_page_printer(text: str) -> PagePrinter:
    """An A4 page-printer driver for ``text`` (asks its server only when used)."""
    printer: PagePrinter = make_device(PAGES, text)
    return printer


def discover() -> list[dict[str, str]]:
    """Devices the installed plug-ins report through :data:`DISCOVERY`: name (the entry
    point), uri, description — or an ``error`` for a plug-in whose discovery failed. Each
    discovery function must return quickly; callers put a deadline on this."""
    found: list[dict[str, str]] = []
    for ep in entry_points(group=DISCOVERY):
        try:
            module, _, attr = ep.value.partition(":")
            lister: Callable[[], Any] = getattr(import_module(module), attr)
            listed = lister()
            for item in listed:
                found.append(
                    {
                        "plugin": ep.name,
                        "uri": str(item["uri"]),
                        "description": str(item.get("description", "")),
                    }
                )
        except Exception as exc:  # a vendor's discovery must not break the listing
            found.append({"plugin": ep.name, "error": f"{type(exc).__name__}: {exc}"})
    return found
