"""Typed settings: a TOML file plus ``KIOSK_*`` environment overrides.

The file is ``$KIOSK_CONFIG`` when set, else ``/etc/kiosk/kiosk.toml`` when present, else
built-in defaults. Environment variables override single keys: ``KIOSK_HALL_NAME``,
``KIOSK_PRINTER``, ``KIOSK_IDLE_TIMEOUT_S`` … (the key's name upper-cased). Every error names
the bad key so staff can fix the file.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from drivers.registry import BEACONS, BUILTIN, CARD_READERS, PRINTERS, SCANNERS
from drivers.uri import DeviceUriError, parse_device_uri
from kiosk.printing.profiles import DEFAULT_PROFILE, PROFILES

SYSTEM_CONFIG = Path("/etc/kiosk/kiosk.toml")
ENV_PREFIX = "KIOSK_"
ORIENTATIONS = ("portrait", "landscape")
LOCALES = ("zh_CN", "en_US", "zh_TW")


class ConfigError(ValueError):
    """Settings that cannot be used; ``key`` names the offending setting."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(f"setting '{key}': {message}")
        self.key = key


def _default_data_dir() -> Path:
    """``offline_cache/`` beside the packages in a checkout; for an installed copy run without
    settings (``kiosk --demo`` on a vendor's box) the user's own data folder, since the
    installed packages are not writable."""
    checkout = Path(__file__).resolve().parent.parent / "offline_cache"
    if checkout.is_dir():
        return checkout
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "hall-kiosk"


@dataclass(frozen=True)
class Settings:
    """Everything a terminal is configured with. Immutable; reload builds a new one."""

    hall_id: str = "H0001"
    hall_name: str = "市民服务中心"
    terminal_id: str = "T01"
    terminal_name: str = "自助终端 1 号"
    data_dir: Path = field(default_factory=_default_data_dir)
    card_reader: str = "sim:sam"
    printer: str = "sim:"
    # QR/barcode scanner for receipt codes (进度查询): "" = none, "sim:" in demo mode.
    scanner: str = ""
    # Call light (呼叫灯) lit when a citizen calls for staff: "" = none, "sim:" in demo mode,
    # "led:<name>" for a lamp on a Linux LED (/sys/class/leds/<name>).
    beacon: str = ""
    printer_profile: str = DEFAULT_PROFILE
    central_url: str = ""
    idle_timeout_s: int = 90
    idle_form_s: int = 60
    idle_result_s: int = 30
    attract_after_s: int = 60
    locale: str = "zh_CN"
    orientation: str = "portrait"
    voice_engine: str = ""
    voice_volume: int = 70
    demo: bool = False
    # Sync with central: TLS trust and client certificate (empty = system CAs, no client
    # certificate; verification is never switched off), the terminal's shared secret, and how
    # long acknowledged items keep their (encrypted) personal fields.
    central_ca_file: str = ""
    central_client_cert: str = ""
    central_client_key: str = ""
    terminal_secret_file: str = ""
    retention_days: int = 7
    staff_can_exit: bool = False
    source: str = "defaults"

    @property
    def db_path(self) -> Path:
        """The terminal's SQLite database file."""
        return self.data_dir / "kiosk.db"

    @property
    def log_dir(self) -> Path:
        """Where the rotating log files go."""
        return self.data_dir / "logs"

    @property
    def secret_path(self) -> Path:
        """The terminal's secret for signing requests to central (mode 0600)."""
        if self.terminal_secret_file:
            return Path(self.terminal_secret_file).expanduser()
        return self.data_dir / "keys" / "terminal.secret"

    @property
    def screen_size(self) -> tuple[int, int]:
        """Window size in pixels for the configured orientation."""
        return (1080, 1920) if self.orientation == "portrait" else (1920, 1080)

    def as_public_dict(self) -> dict[str, Any]:
        """The settings as plain values (for ``kioskctl doctor --json``); holds no secrets."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name] = str(value) if isinstance(value, Path) else value
        return out


_FIELD_TYPES: dict[str, type] = {
    "hall_id": str,
    "hall_name": str,
    "terminal_id": str,
    "terminal_name": str,
    "data_dir": Path,
    "card_reader": str,
    "printer": str,
    "scanner": str,
    "beacon": str,
    "printer_profile": str,
    "central_url": str,
    "idle_timeout_s": int,
    "idle_form_s": int,
    "idle_result_s": int,
    "attract_after_s": int,
    "locale": str,
    "orientation": str,
    "voice_engine": str,
    "voice_volume": int,
    "demo": bool,
    "central_ca_file": str,
    "central_client_cert": str,
    "central_client_key": str,
    "terminal_secret_file": str,
    "retention_days": int,
    "staff_can_exit": bool,
}

# Settings staff may change from staff mode; kept in STAFF_FILE in the data folder, they win
# over the settings file and the environment (not over command-line options).
STAFF_ADJUSTABLE = ("voice_volume",)
STAFF_FILE = "staff-settings.json"


def _coerce(key: str, value: Any, from_env: bool) -> Any:
    kind = _FIELD_TYPES[key]
    if kind is bool:
        if isinstance(value, bool):
            return value
        if from_env and str(value).lower() in {"1", "true", "yes", "on"}:
            return True
        if from_env and str(value).lower() in {"0", "false", "no", "off", ""}:
            return False
        raise ConfigError(key, f"must be true or false, got {value!r}")
    if kind is int:
        # Only a whole number as written: not 12.7 (silently 12), not inf or 1e400
        # (OverflowError), not true.
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and re.fullmatch(r"\s*[+-]?[0-9]{1,18}\s*", value):
            return int(value)
        raise ConfigError(key, f"must be a whole number, got {value!r}")
    if kind is Path:
        if not isinstance(value, str) or not value:
            raise ConfigError(key, f"must be a folder path, got {value!r}")
        return Path(value).expanduser()
    if not isinstance(value, str):
        raise ConfigError(key, f"must be text, got {value!r}")
    return value


def _validate(s: Settings) -> Settings:
    for key in ("hall_id", "terminal_id"):
        value = getattr(s, key)
        if not value or not value.replace("-", "").replace("_", "").isalnum() or len(value) > 16:
            raise ConfigError(key, f"must be 1-16 letters or digits, got {value!r}")
    for key in ("idle_timeout_s", "idle_form_s", "idle_result_s", "attract_after_s"):
        seconds = getattr(s, key)
        if not 10 <= seconds <= 3600:
            raise ConfigError(key, f"must be between 10 and 3600, got {seconds}")
    if not 0 <= s.voice_volume <= 100:
        raise ConfigError("voice_volume", f"must be between 0 and 100, got {s.voice_volume}")
    if not 1 <= s.retention_days <= 365:
        raise ConfigError("retention_days", f"must be between 1 and 365, got {s.retention_days}")
    for key in ("central_ca_file", "central_client_cert", "central_client_key"):
        value = getattr(s, key)
        if value and not Path(value).expanduser().is_file():
            raise ConfigError(key, f"file {value} does not exist")
    if s.central_client_key and not s.central_client_cert:
        raise ConfigError("central_client_key", "needs central_client_cert as well")
    if s.orientation not in ORIENTATIONS:
        raise ConfigError("orientation", f"must be one of {', '.join(ORIENTATIONS)}")
    if s.locale not in LOCALES:
        raise ConfigError("locale", f"must be one of {', '.join(LOCALES)}")
    for key in ("card_reader", "printer", "scanner", "beacon"):
        # Only the form is checked here. Whether a driver for the scheme is installed (and
        # loads) is the device's business: a missing plug-in disables that device alone,
        # reported by the status bar, staff mode and doctor, instead of the whole terminal.
        # A built-in scheme of another kind of device (usb: as a card reader) is a mistake.
        if key in ("scanner", "beacon") and not getattr(s, key):
            continue
        group = {
            "card_reader": CARD_READERS,
            "printer": PRINTERS,
            "scanner": SCANNERS,
            "beacon": BEACONS,
        }[key]
        try:
            uri = parse_device_uri(getattr(s, key))
        except DeviceUriError as exc:
            raise ConfigError(key, str(exc)) from None
        others = {name for g, schemes in BUILTIN.items() if g != group for name in schemes}
        if uri.scheme in others - set(BUILTIN[group]):
            allowed = ", ".join(sorted(BUILTIN[group]))
            raise ConfigError(key, f"{uri.scheme}: is not a {key.replace('_', ' ')} ({allowed})")
    if s.printer_profile not in PROFILES:
        raise ConfigError("printer_profile", f"must be one of {', '.join(sorted(PROFILES))}")
    if s.central_url:
        _check_url(s.central_url)
    return s


def _check_url(url: str) -> None:
    if not url.startswith(("http://", "https://")):
        raise ConfigError("central_url", f"must start with http:// or https://: {url!r}")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as exc:
        raise ConfigError("central_url", f"is not a valid URL ({exc}): {url!r}") from None
    if not parts.hostname:
        raise ConfigError("central_url", f"has no host: {url!r}")


def load_settings(
    path: Path | None = None,
    env: dict[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Read the settings file and environment; ``overrides`` (e.g. from the CLI) win last."""
    env = dict(os.environ) if env is None else env
    if path is None:
        if env.get("KIOSK_CONFIG"):
            path = Path(env["KIOSK_CONFIG"])
        elif SYSTEM_CONFIG.is_file():
            path = SYSTEM_CONFIG
    values: dict[str, Any] = {}
    source = "defaults"
    if path is not None:
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError("KIOSK_CONFIG", f"file {path} does not exist") from None
        except IsADirectoryError:
            raise ConfigError("file", f"{path} is a folder, not a settings file") from None
        except UnicodeDecodeError as exc:
            raise ConfigError(
                "file", f"{path} is not UTF-8 text (byte {exc.start}); save it as UTF-8"
            ) from None
        except OSError as exc:
            raise ConfigError("file", f"{path} cannot be read: {exc.strerror or exc}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError("file", f"{path} is not valid TOML: {exc}") from None
        flat = _flatten(raw)
        for key, value in flat.items():
            if key not in _FIELD_TYPES:
                raise ConfigError(key, f"unknown setting in {path}")
            values[key] = _coerce(key, value, from_env=False)
        source = str(path)
    for key in _FIELD_TYPES:
        env_key = ENV_PREFIX + key.upper()
        if env_key in env:
            values[key] = _coerce(key, env[env_key], from_env=True)
    cli = {key: value for key, value in overrides.items() if value is not None}
    data_dir = cli.get("data_dir", values.get("data_dir", _default_data_dir()))
    values.update(_staff_values(Path(data_dir).expanduser()))
    for key, value in cli.items():
        values[key] = _coerce(key, value, from_env=False) if key in _FIELD_TYPES else value
    return _validate(replace(Settings(), source=source, **values))


# Settings a running terminal takes over on "reload settings"; any other change needs a restart.
LIVE_KEYS = frozenset(
    {
        "idle_timeout_s",
        "idle_form_s",
        "idle_result_s",
        "attract_after_s",
        "voice_volume",
        "staff_can_exit",
        "retention_days",
        "source",
    }
)


def needs_restart(old: Settings, new: Settings) -> list[str]:
    """Keys whose change only takes effect after the terminal restarts."""
    return [
        f.name
        for f in fields(Settings)
        if f.name not in LIVE_KEYS and getattr(old, f.name) != getattr(new, f.name)
    ]


def _staff_values(data_dir: Path) -> dict[str, Any]:
    """What staff set in staff mode (a damaged file is ignored, never fatal)."""
    try:
        raw = json.loads((data_dir / STAFF_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        return {}
    if not isinstance(raw, dict):
        return {}
    values: dict[str, Any] = {}
    for key in STAFF_ADJUSTABLE:
        if key in raw:
            try:
                values[key] = _coerce(key, raw[key], from_env=False)
            except ConfigError:
                continue
    return values


def save_staff_setting(settings: Settings, key: str, value: Any) -> Settings:
    """Keep a staff-mode change (e.g. the voice volume) across restarts; returns the new
    settings. Raises :class:`ConfigError` for a key staff may not change or a bad value."""
    if key not in STAFF_ADJUSTABLE:
        raise ConfigError(key, "cannot be changed from staff mode")
    new = _validate(replace(settings, **{key: _coerce(key, value, from_env=False)}))
    path = settings.data_dir / STAFF_FILE
    current = _staff_values(settings.data_dir)
    current[key] = getattr(new, key)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(current), encoding="utf-8")
    os.replace(tmp, path)
    return new


def _flatten(raw: dict[str, Any]) -> dict[str, Any]:
    """Accept ``[hall] id = …`` sections as well as flat keys (``hall_id = …``)."""
    flat: dict[str, Any] = {}
    for key, value in raw.items():
        if isinstance(value, dict):
            for sub, subvalue in value.items():
                flat[f"{key}_{sub}"] = subvalue
        else:
            flat[key] = value
    return flat
