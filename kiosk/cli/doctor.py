"""``kioskctl doctor``: is this terminal fit to serve citizens? Each check gives a fix."""

from __future__ import annotations

import argparse
import importlib.util
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from drivers.errors import ReasonError
from drivers.registry import make_card_reader, make_printer, make_scanner
from drivers.status import DeviceState, DeviceStatus
from kiosk.catalog.calendar import work_calendar
from kiosk.cli.common import ConfigError, driver_hint, print_json, settings_from_args
from kiosk.config import Settings
from kiosk.devices.guard import DeviceGuard, DeviceTimeout, call_once
from kiosk.health import check_card_reader, check_central, check_data_dir, check_printer
from kiosk.store import Store, StoreError
from kiosk.sync.client import AuthenticationError, CentralError
from kiosk.sync.factory import SyncNotConfigured, make_client
from kiosk.sync.runner import read_auth_failure

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class Check:
    """One line of the doctor's report."""

    name: str
    state: str
    detail: str
    hint: str = ""


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``doctor`` command."""
    parser = sub.add_parser(
        "doctor",
        help="check settings, data, database, devices and the central service",
        description="Exit 0 when the terminal can serve citizens, 1 when something is broken.",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument(
        "--deadline",
        type=float,
        default=DEVICE_DEADLINE_S,
        metavar="S",
        help=f"report a device as hung when one driver call takes longer than S seconds "
        f"(default {DEVICE_DEADLINE_S:g})",
    )
    parser.set_defaults(func=run)


def _from_status(name: str, status: DeviceStatus, hint: str) -> Check:
    return Check(name, status.state.value, status.detail, hint if status.state == "error" else "")


def _check_store(settings: Settings) -> Check:
    try:
        store = Store(settings.db_path)
    except StoreError as exc:
        return Check(
            "database",
            "error",
            str(exc),
            "restore the last backup (kiosk.db.pre-v*.bak) or call the vendor",
        )
    try:
        result = store.integrity_check()
        version = store.schema_version
    finally:
        store.close()
    if result != "ok":
        return Check("database", "error", f"integrity check: {result}", "call the vendor")
    return Check("database", "ok", f"{settings.db_path} (schema v{version}) integrity ok")


# The official holiday arrangement should reach this far ahead (the State Council publishes
# the next year's in October or November).
CALENDAR_WARN_DAYS = 60


def check_calendar(settings: Settings, today: date | None = None) -> Check:
    """Warn when the official holiday arrangement ends within CALENDAR_WARN_DAYS days: past
    it, promised dates are estimated (预计)."""
    today = today or date.today()
    try:
        store = Store(settings.db_path)
    except StoreError as exc:
        return Check("calendar", "unknown", f"database cannot be opened: {exc}")
    try:
        until = work_calendar(store).official_until(today)
    finally:
        store.close()
    hint = "import the State Council's arrangement: kioskctl calendar import FILE (or sync)"
    if until is None:
        detail = f"no official holiday arrangement for {today.year}; dates are estimated"
        return Check("calendar", "warning", detail, hint)
    left = (until - today).days
    if left < 0:
        detail = f"official holiday arrangement ended {until.isoformat()}; dates are estimated"
        return Check("calendar", "warning", detail, hint)
    if left < CALENDAR_WARN_DAYS:
        detail = f"official holiday arrangement ends {until.isoformat()} (in {left} days)"
        return Check("calendar", "warning", detail, hint)
    return Check("calendar", "ok", f"official holiday arrangement until {until.isoformat()}")


READER_HINT = "check the reader's cable and power, then retry"
PRINTER_HINT = "check paper, cover and cable of the printer, then retry"
SCANNER_HINT = "check the scanner's USB cable, then retry"
# How long one driver call may take before doctor reports the device as hung.
DEVICE_DEADLINE_S = 5.0


def _device_check(name: str, status: DeviceStatus, hint: str, exc: BaseException | None) -> Check:
    """A device's line; the hint names the plug-in package when its driver is at fault."""
    if exc is not None:
        hint = driver_hint(exc, hint)
    elif status.reason in ("timeout", "driver_nonconforming"):
        hint = driver_hint(ReasonError(status.reason, status.detail or status.reason), hint)
    return _from_status(name, status, hint)


def _build(make: Callable[[str], T], uri: str) -> tuple[T | None, DeviceStatus, Exception | None]:
    try:
        return make(uri), DeviceStatus(DeviceState.OK), None
    except Exception as exc:  # DriverUnavailable, DeviceUriError, a factory's own error
        return None, DeviceStatus(DeviceState.ERROR, str(exc), getattr(exc, "reason", "")), exc


def _close(device: str, closer: Callable[[], None], deadline_s: float) -> None:
    try:
        call_once(device, "close", closer, deadline_s)
    except Exception as exc:
        log.info("closing %s failed: %s", device, exc)


def _check_reader(uri: str, deadline_s: float = DEVICE_DEADLINE_S) -> Check:
    reader, status, exc = _build(make_card_reader, uri)
    if reader is None:
        return _device_check("card_reader", status, READER_HINT, exc)
    device = f"card reader {uri}"
    guard = DeviceGuard(device)
    try:
        guard.call("open", reader.open, deadline_s)
        status = check_card_reader(reader, guard, deadline_s)
    except DeviceTimeout as timeout:
        status, exc = DeviceStatus(DeviceState.ERROR, str(timeout), timeout.reason), timeout
    except Exception as failure:
        status = DeviceStatus(DeviceState.ERROR, f"{uri}: {failure}")
    finally:
        try:
            guard.call("close", reader.close, deadline_s)
        except Exception as failure:
            log.info("closing %s failed: %s", device, failure)
        guard.close()
    return _device_check("card_reader", status, READER_HINT, exc)


def _check_printer(uri: str, deadline_s: float = DEVICE_DEADLINE_S) -> Check:
    printer, status, exc = _build(make_printer, uri)
    if printer is None:
        return _device_check("printer", status, PRINTER_HINT, exc)
    status = check_printer(printer, None, deadline_s)
    _close(f"printer {uri}", printer.close, deadline_s)
    return _device_check("printer", status, PRINTER_HINT, None)


def _check_scanner(uri: str, deadline_s: float = DEVICE_DEADLINE_S) -> Check:
    """A scanner answers no status query: it is fine when its port opens."""
    scanner, status, exc = _build(make_scanner, uri)
    if scanner is None:
        return _device_check("scanner", status, SCANNER_HINT, exc)
    try:
        call_once(f"scanner {uri}", "open", scanner.open, deadline_s)
        status = DeviceStatus(DeviceState.OK, f"scanner {uri}: port opens")
    except DeviceTimeout as timeout:
        status, exc = DeviceStatus(DeviceState.ERROR, str(timeout), timeout.reason), timeout
    except Exception as failure:
        status = DeviceStatus(DeviceState.ERROR, f"{uri}: {failure}")
    _close(f"scanner {uri}", scanner.close, deadline_s)
    return _device_check("scanner", status, SCANNER_HINT, exc)


def _check_devices(settings: Settings, deadline_s: float) -> list[Check]:
    """Each device on its own: one that hangs or whose driver is broken is its own line."""
    checks = [
        _check_reader(settings.card_reader, deadline_s),
        _check_printer(settings.printer, deadline_s),
    ]
    if settings.scanner:
        checks.append(_check_scanner(settings.scanner, deadline_s))
    return checks


def _ui_folder(name: str) -> Path | None:
    """A folder of the installed ui package, found without importing it (nor Qt)."""
    spec = importlib.util.find_spec("ui")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / name


def check_translations(folder: Path | None = None) -> Check:
    """The screens' English and Traditional Chinese need their compiled ``.qm`` files."""
    folder = folder or _ui_folder("i18n")
    if folder is None:
        return Check("translations", "error", "the ui package is not installed", "reinstall")
    sources = sorted(folder.glob("kiosk_*.ts"))
    stale = [
        ts.stem.removeprefix("kiosk_")
        for ts in sources
        if not ts.with_suffix(".qm").exists()
        or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime
    ]
    if stale:
        return Check(
            "translations",
            "warning",
            f"not built: {', '.join(stale)} (those languages show Simplified Chinese)",
            "run: <venv>/bin/python -m ui.i18n.build",
        )
    names = ", ".join(ts.stem.removeprefix("kiosk_") for ts in sources)
    return Check("translations", "ok", f"zh_CN, {names}")


def check_screen_font(folder: Path | None = None) -> Check:
    """The screens' font cut from Noto Sans CJK SC (ui/fonts): built, and not older than the
    screens' text it was cut for. Without it the screens look the same and keep about 11 MB
    more of the full font in memory."""
    folder = folder or _ui_folder("fonts")
    if folder is None:
        return Check("screen font", "error", "the ui package is not installed", "reinstall")
    hint = "run: <venv>/bin/python -m ui.fonts.build"
    fonts = [folder / name for name in ("KioskSansSC-Regular.otf", "KioskSansSC-Bold.otf")]
    if not all(path.is_file() for path in fonts):
        return Check("screen font", "warning", "not built: the full Noto Sans CJK SC is used", hint)
    built = min(path.stat().st_mtime for path in fonts)
    texts = [*folder.parent.glob("qml/**/*.qml"), *folder.parent.glob("i18n/*.ts")]
    if any(path.stat().st_mtime > built for path in texts):
        return Check(
            "screen font",
            "warning",
            "older than the screens' text (new characters fall back)",
            hint,
        )
    return Check("screen font", "ok", "Kiosk Sans SC (Noto Sans CJK SC cut to the screens)")


def _auth_hint(settings: Settings) -> str:
    return (
        "check the clock (timedatectl), then ask the central operator whether this terminal "
        f"was re-keyed or disabled: kiosk-central add-terminal {settings.terminal_id}, and "
        f"put the new secret in {settings.secret_path} (mode 0600)"
    )


def _recorded_auth_failure(settings: Settings) -> dict[str, Any] | None:
    """What the sync worker last saw: central refusing this terminal (None if fine)."""
    if not settings.db_path.exists():
        return None
    try:
        store = Store(settings.db_path)
    except StoreError:
        return None
    try:
        return read_auth_failure(store)
    finally:
        store.close()


def check_central_auth(settings: Settings, reachable: bool) -> Check | None:
    """Does central accept this terminal's signature? A signed probe when central answers,
    else the sync worker's last word. 认证失败 is what staff mode shows for the same thing."""
    if not settings.central_url:
        return None
    recorded = _recorded_auth_failure(settings)
    if not reachable:
        if recorded is None:
            return None
        return Check(
            "central_auth",
            "error",
            f"认证失败 (authentication failed) at the last sync: HTTP {recorded.get('status')} "
            f"{recorded.get('reason')}, {recorded.get('count')} time(s) since "
            f"{recorded.get('since')}; items stay queued",
            _auth_hint(settings),
        )
    try:
        client = make_client(settings, settings.central_url)
    except SyncNotConfigured as exc:
        return Check(
            "central_auth", "error", f"认证失败 (cannot sign): {exc}", _auth_hint(settings)
        )
    try:
        for attempt in (1, 2):
            try:
                client.check_auth()
                break
            except AuthenticationError as exc:
                if attempt == 1 and exc.clock_corrected:
                    continue  # central's Date header corrected the signing clock: once more
                return Check(
                    "central_auth",
                    "error",
                    f"认证失败 (authentication failed): central answered HTTP {exc.status} "
                    f"({exc.auth_reason}); items stay queued until this is fixed",
                    _auth_hint(settings),
                )
    except CentralError as exc:
        return Check("central_auth", "warning", f"signed probe failed: {exc}", "retry later")
    finally:
        client.close()
    offset = client.clock_offset_s
    if abs(offset) > 30:
        return Check(
            "central_auth",
            "warning",
            f"central accepts this terminal, but the clock differs from central's by "
            f"{-offset:+.0f} s (requests are signed with central's time)",
            "enable time synchronisation (timedatectl set-ntp true)",
        )
    return Check("central_auth", "ok", "central accepts this terminal's signature")


def diagnose(settings: Settings, deadline_s: float = DEVICE_DEADLINE_S) -> list[Check]:
    """Every check, in the order staff should fix them."""
    checks = [Check("settings", "ok", f"loaded from {settings.source}")]
    data = check_data_dir(settings.data_dir)
    checks.append(_from_status("data_folder", data, "free disk space or fix folder permissions"))
    if data.ok:
        checks.append(_check_store(settings))
        checks.append(check_calendar(settings))
    checks.extend(_check_devices(settings, deadline_s))
    checks.append(check_translations())
    checks.append(check_screen_font())
    central = check_central(settings.central_url)
    hint = "check the network cable; the terminal keeps working offline meanwhile"
    checks.append(_from_status("central", central, hint))
    auth = check_central_auth(settings, central.ok)
    if auth is not None:
        checks.append(auth)
    return checks


def run(args: argparse.Namespace) -> int:
    """Run every check; exit 1 when any is an error."""
    try:
        settings = settings_from_args(args)
    except ConfigError as exc:
        checks = [Check("settings", "error", str(exc), f"fix '{exc.key}' in the settings file")]
    else:
        checks = diagnose(settings, args.deadline)
    broken = any(c.state == "error" for c in checks)
    if args.json:
        print_json({"ok": not broken, "checks": [asdict(c) for c in checks]})
    else:
        marks = {"ok": "OK  ", "warning": "WARN", "unknown": "??  ", "error": "FAIL"}
        for c in checks:
            print(f"[{marks.get(c.state, c.state)}] {c.name:<12} {c.detail}")
            if c.hint and c.state != "ok":
                print(f"       -> {c.hint}")
        print("Terminal is NOT ready." if broken else "Terminal is ready.")
    return 1 if broken else 0
