"""Build a driver from its device URI, through plug-ins found by entry point.

Every driver — built-in or a vendor's — is a factory ``(DeviceUri) -> device`` registered
under a URI scheme in one of three entry-point groups::

    [project.entry-points."kiosk.card_readers"]   sam = "drivers.builtin:sam_card_reader"
    [project.entry-points."kiosk.printers"]       usb = "drivers.builtin:escpos_printer"
    [project.entry-points."kiosk.scanners"]       …

A vendor ships a package that declares its own scheme (``acme = "acme_kiosk:reader"``) and
configures ``card_reader = "acme:/dev/ttyACM0"``. The built-in drivers are declared the same way
in this project's pyproject.toml; :data:`BUILTIN` repeats them only so a checkout whose
installed metadata is stale still starts (a test checks both lists agree). Built-in schemes
cannot be taken over by a plug-in: a vendor's scheme must have its own name.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from importlib import import_module
from importlib.metadata import entry_points
from typing import Any

from drivers.cards.base import CardReader
from drivers.printers.base import Printer
from drivers.scanners.base import Scanner
from drivers.uri import DeviceUri, parse_device_uri

log = logging.getLogger(__name__)

CARD_READERS = "kiosk.card_readers"
PRINTERS = "kiosk.printers"
SCANNERS = "kiosk.scanners"
GROUPS = (CARD_READERS, PRINTERS, SCANNERS)
_KIND = {CARD_READERS: "card reader", PRINTERS: "printer", SCANNERS: "scanner"}

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
}


class UnsupportedDevice(ValueError):
    """No driver is installed for this URI's scheme; the message lists the installed ones."""

    reason = "unsupported_device"


def _load(target: str) -> Callable[[DeviceUri], Any]:
    module, _, attr = target.partition(":")
    factory: Callable[[DeviceUri], Any] = getattr(import_module(module), attr)
    return factory


def installed(group: str) -> dict[str, str]:
    """Scheme → ``module:function`` for every driver of ``group`` (built-in and plug-in)."""
    found = dict(BUILTIN[group])
    for ep in entry_points(group=group):
        scheme = ep.name.lower()
        if scheme in BUILTIN[group] and ep.value != BUILTIN[group][scheme]:
            log.warning("ignoring plug-in %s: scheme %r is built in", ep.value, scheme)
            continue
        found[scheme] = ep.value
    return found


def plugins() -> list[dict[str, str]]:
    """Installed vendor plug-ins (not the built-ins): group, scheme, target, distribution."""
    out: list[dict[str, str]] = []
    for group in GROUPS:
        for ep in entry_points(group=group):
            if BUILTIN[group].get(ep.name.lower()) == ep.value:
                continue
            dist = ep.dist
            version = f"{dist.name} {dist.version}" if dist is not None else "?"
            out.append(
                {"group": group, "scheme": ep.name, "target": ep.value, "distribution": version}
            )
    return out


def make_device(group: str, text: str) -> Any:
    """The driver for ``text`` from ``group``; raises :class:`UnsupportedDevice` or
    :class:`drivers.uri.DeviceUriError`."""
    uri = parse_device_uri(text)
    drivers = installed(group)
    target = drivers.get(uri.scheme)
    if target is None:
        names = ", ".join(sorted(drivers)) or "none"
        raise UnsupportedDevice(
            f"no {_KIND[group]} driver for {uri.scheme!r} is installed (installed schemes: {names})"
        )
    try:
        factory = _load(target)
    except (ImportError, AttributeError) as exc:
        raise UnsupportedDevice(
            f"the {_KIND[group]} driver {target} for {uri.scheme!r} cannot be loaded: {exc}"
        ) from exc
    return factory(uri)


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
