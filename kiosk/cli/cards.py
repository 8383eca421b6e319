"""``kioskctl devices`` and ``kioskctl read-card``: find readers, read a card.

``read-card`` exits 0 when a card was read, 2 when no card came before the timeout, 1 when the
reader (or the card, or its driver) failed, with the reason on stderr — 2 means "no card" and
nothing else. It returns within ``--timeout`` plus a small margin whatever the driver does.
Without ``--full`` names, numbers, the address and the birth date (year only) are masked; the
photo is only printed (base64) with ``--full``.
"""

from __future__ import annotations

import argparse
import base64
import logging
from datetime import date
from typing import Any

from drivers.cards.base import CardRead, CardReaderError, CardReadError
from drivers.registry import UnsupportedDevice, make_card_reader
from drivers.uri import DeviceUriError
from kiosk.cli.common import driver_hint, fail, print_json
from kiosk.devices.guard import DeviceGuard, DeviceTimeout, call_once
from kiosk.domain.identity import Identity, IdentityError, identity_from_card, mask_number

log = logging.getLogger(__name__)

EXIT_READ, EXIT_ERROR, EXIT_NO_CARD = 0, 1, 2
# Beyond --timeout: how long opening, closing or finishing a read may take.
CALL_MARGIN_S = 3.0


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``devices`` and ``read-card`` commands."""
    devices = sub.add_parser(
        "devices",
        help="list serial ports, PC/SC card readers and devices found by driver plug-ins",
        description="Exit 0 when at least one port or reader was found, 2 when none.",
    )
    devices.add_argument("--json", action="store_true", help="machine-readable output")
    devices.set_defaults(func=run_devices)

    read = sub.add_parser(
        "read-card",
        help="wait for a card on a reader and print what it holds",
        description="Exit 0 read, 2 no card before the timeout, 1 reader or card error.",
    )
    read.add_argument("--reader", required=True, help="reader URI, e.g. sam:/dev/ttyUSB0, pcsc:")
    read.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for a card")
    read.add_argument("--json", action="store_true", help="machine-readable output")
    read.add_argument(
        "--full",
        action="store_true",
        help="show names and numbers unmasked, and the photo (written to the audit log)",
    )
    read.set_defaults(func=run_read_card)


def list_devices() -> dict[str, Any]:
    """Serial ports (pyserial) and PC/SC readers; a PC/SC problem is reported, not raised."""
    from serial.tools import list_ports

    from drivers.cards.pcsc import list_pcsc_readers

    ports = [
        {"device": p.device, "description": p.description, "hwid": p.hwid}
        for p in sorted(list_ports.comports(), key=lambda p: p.device)
    ]
    readers: list[str] = []
    pcsc_error = None
    try:
        readers = list_pcsc_readers()
    except CardReaderError as exc:
        pcsc_error = str(exc)
    except Exception as exc:  # pyscard missing its native library, …
        pcsc_error = f"PC/SC unavailable: {exc}"
    return {
        "serial_ports": ports,
        "pcsc_readers": readers,
        "pcsc_error": pcsc_error,
        "plugin_devices": _plugin_devices(),
    }


DISCOVERY_DEADLINE_S = 10.0


def _plugin_devices() -> list[dict[str, str]]:
    """What the plug-ins' discovery entry points report, within a deadline."""
    from drivers.registry import discover

    try:
        return call_once("plug-in discovery", "discover", discover, DISCOVERY_DEADLINE_S)
    except DeviceTimeout as exc:
        return [{"plugin": "?", "error": str(exc)}]


def run_devices(args: argparse.Namespace) -> int:
    """Print what ``list_devices`` found."""
    found = list_devices()
    if args.json:
        print_json(found)
    else:
        print("Serial ports (use as sam:<device>):")
        for port in found["serial_ports"]:
            print(f"  {port['device']:<20} {port['description']}  [{port['hwid']}]")
        if not found["serial_ports"]:
            print("  none")
        print("PC/SC readers (use as pcsc:<name>):")
        for name in found["pcsc_readers"]:
            print(f"  {name}")
        if found["pcsc_error"]:
            print(f"  {found['pcsc_error']}")
        elif not found["pcsc_readers"]:
            print("  none")
        if found["plugin_devices"]:
            print("Devices found by plug-ins:")
        for item in found["plugin_devices"]:
            if "error" in item:
                print(f"  {item['plugin']}: discovery failed: {item['error']}")
            else:
                print(f"  {item['uri']:<30} {item['description']}  [{item['plugin']}]")
    usable = [d for d in found["plugin_devices"] if "uri" in d]
    return 0 if found["serial_ports"] or found["pcsc_readers"] or usable else 2


def _mask_text(text: str) -> str:
    return text[:6] + "****" if len(text) > 6 else "*" * len(text)


def identity_to_json(identity: Identity, today: date, full: bool) -> dict[str, Any]:
    """The ``read-card --json`` object; absent fields are None, personal ones masked unless full."""

    def iso(day: date | None) -> str | None:
        return day.isoformat() if day else None

    def opt(text: str) -> str | None:
        return text or None

    name = identity.name if full else (identity.masked_name if identity.name else "")
    name_en = identity.name_en
    if not full and name_en:
        name_en = name_en[0] + "*" * (len(name_en) - 2) + name_en[-1]
    return {
        "card_type": identity.card_type.value,
        "name": opt(name),
        "name_en": opt(name_en),
        "sex": identity.sex.value,
        "nation": identity.nation,
        "birth_date": iso(identity.birth_date)
        if full or identity.birth_date is None
        else f"{identity.birth_date.year:04d}-**-**",
        "address": opt(identity.address if full else _mask_text(identity.address)),
        "id_number": identity.id_number if full else identity.masked_id_number,
        "issuer": opt(identity.issuer),
        "valid_from": iso(identity.valid_from),
        "valid_to": "long_term" if identity.long_term else iso(identity.valid_to),
        "expired": identity.is_expired_on(today),
        "pass_number": opt(identity.pass_number if full else mask_number(identity.pass_number)),
        "issue_count": identity.issue_count,
        "nationality": opt(identity.nationality),
        "card_number": opt(identity.card_number if full else mask_number(identity.card_number)),
        "photo_wlt": base64.b64encode(identity.photo_wlt).decode()
        if full and identity.photo_wlt
        else None,
    }


def audit_full_read(args: argparse.Namespace) -> str | None:
    """Record in the terminal's audit log who asked for unmasked card data; the reason it
    could not be recorded, else None (then nothing is shown unmasked)."""
    from kiosk.cli.common import settings_from_args
    from kiosk.cli.staff import cli_actor
    from kiosk.config import ConfigError
    from kiosk.staff import StaffAccess
    from kiosk.store import Store, StoreError

    try:
        store = Store(settings_from_args(args).db_path)
    except (ConfigError, StoreError, OSError) as exc:
        return str(exc)
    try:
        StaffAccess(store).audit(cli_actor(), "card.read_full", f"reader={args.reader}")
    except Exception as exc:  # a locked or read-only database
        return str(exc)
    finally:
        store.close()
    return None


def run_read_card(args: argparse.Namespace) -> int:
    """Open the reader, wait for one card, print it."""
    try:
        reader = make_card_reader(args.reader)
    except (DeviceUriError, UnsupportedDevice) as exc:
        log.info("reader %s cannot be built", args.reader, exc_info=True)
        hint = driver_hint(exc, "")
        return fail(str(exc) + (f"\n  -> {hint}" if hint else ""), EXIT_ERROR)
    if args.full:
        problem = audit_full_read(args)
        if problem is not None:
            return fail(f"--full is written to the audit log, which failed: {problem}", EXIT_ERROR)
    guard = DeviceGuard(f"card reader {args.reader}")
    try:
        guard.call("open", reader.open, CALL_MARGIN_S)
        place = getattr(reader, "place", None)
        if args.reader.startswith("sim:") and callable(place):
            place()  # a simulated reader: lay its first sample card on it
        card = guard.call(
            "read", lambda: reader.read_card(args.timeout), args.timeout + CALL_MARGIN_S
        )
    except CardReaderError as exc:
        return fail(f"reader error ({exc.reason}): {exc}", EXIT_ERROR)
    except CardReadError as exc:
        return fail(f"card error ({exc.reason}): {exc}", EXIT_ERROR)
    except DeviceTimeout as exc:
        return fail(f"reader error (timeout): {exc}\n  -> {driver_hint(exc, '')}", EXIT_ERROR)
    except Exception as exc:  # the driver's own bug (a decode error …): no traceback here
        log.info("reader %s failed", args.reader, exc_info=True)
        return fail(f"reader error (driver): {type(exc).__name__} in the driver", EXIT_ERROR)
    finally:
        try:
            guard.call("close", reader.close, CALL_MARGIN_S)
        except Exception as exc:
            log.warning("closing reader %s failed: %s", args.reader, exc)
        guard.close()
    if card is not None and not isinstance(card, CardRead):
        return fail(
            f"reader error (driver): does not conform, read_card returned {type(card).__name__}",
            EXIT_ERROR,
        )
    if card is None:
        return fail(f"no card on {args.reader} within {args.timeout:g} s", EXIT_NO_CARD)
    today = date.today()
    try:
        identity = identity_from_card(card, today, allow_expired=True)
    except IdentityError as exc:
        return fail(f"card error ({exc.reason}): {exc}", EXIT_ERROR)
    data = identity_to_json(identity, today, args.full)
    if args.json:
        print_json(data)
    else:
        for key, value in data.items():
            if value is not None:
                print(f"{key:<12} {value}")
        if data["expired"]:
            print("WARNING: this card has expired.")
    return EXIT_READ
