"""Typed settings: a TOML file plus ``KIOSK_*`` environment overrides.

The file is ``$KIOSK_CONFIG`` when set, else ``/etc/kiosk/kiosk.toml`` when present, else
built-in defaults. Environment variables override single keys: ``KIOSK_HALL_NAME``,
``KIOSK_PRINTER``, ``KIOSK_IDLE_TIMEOUT_S`` … (the key's name upper-cased). Every error names
the bad key so staff can fix the file.

:class:`Settings` is a pydantic model: each key's type and limits are declared once, on its
field. :func:`load_settings` reads the layers (settings file < environment < staff mode's
file < command line) and validates their union once. (Not pydantic-settings: its sources
were not used, and importing it cost the first frame about a tenth of its time.)
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal, get_args
from urllib.parse import urlsplit

import annotated_types
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic.fields import FieldInfo

from drivers.registry import BEACONS, BUILTIN, CAMERAS, CARD_READERS, PAGES, PRINTERS, SCANNERS
from drivers.uri import DeviceUriError, parse_device_uri
from kiosk.face.settings import CheckTimeout, MatchDistance, MaxFailures
from kiosk.printing.profiles import DEFAULT_PROFILE, PROFILES
from kiosk.settings_memo import ENV_PREFIX, STAFF_FILE, ConfigError, settings_file

Orientation = Literal["portrait", "landscape"]
Locale = Literal["zh_CN", "en_US", "zh_TW"]
ORIENTATIONS: tuple[str, ...] = get_args(Orientation)
LOCALES: tuple[str, ...] = get_args(Locale)


def _default_data_dir() -> Path:
    """``offline_cache/`` beside the packages in a checkout; for an installed copy run without
    settings (``kiosk --demo`` on a vendor's box) the user's own data folder, since the
    installed packages are not writable."""
    checkout = Path(__file__).resolve().parent.parent / "offline_cache"
    if checkout.is_dir():
        return checkout
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "hall-kiosk"


# -- the kinds of value a setting takes ------------------------------------------------------


def _whole_number(value: object) -> object:
    # Only a whole number as written: not 12.7 (silently 12), not inf or 1e400
    # (OverflowError), not true. Environment variables arrive as text.
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and re.fullmatch(r"\s*[+-]?[0-9]{1,18}\s*", value):
        return int(value)
    raise ValueError(f"must be a whole number, got {value!r}")


def _flag(value: object) -> object:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in {"1", "true", "yes", "on"}:
        return True
    if isinstance(value, str) and value.lower() in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError(f"must be true or false, got {value!r}")


def _folder(value: object) -> object:
    if isinstance(value, Path):
        return value
    if not isinstance(value, str) or not value:
        raise ValueError(f"must be a folder path, got {value!r}")
    return Path(value).expanduser()


def _code(value: str) -> str:
    if not value or not value.replace("-", "").replace("_", "").isalnum() or len(value) > 16:
        raise ValueError(f"must be 1-16 letters or digits, got {value!r}")
    return value


def _existing_file(value: str) -> str:
    if value and not Path(value).expanduser().is_file():
        raise ValueError(f"file {value} does not exist")
    return value


def _central_url(url: str) -> str:
    if not url:
        return url
    if not url.startswith(("http://", "https://")):
        raise ValueError(f"must start with http:// or https://: {url!r}")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as exc:
        raise ValueError(f"is not a valid URL ({exc}): {url!r}") from None
    if not parts.hostname:
        raise ValueError(f"has no host: {url!r}")
    return url


def _printer_profile(value: str) -> str:
    if value not in PROFILES:
        raise ValueError(f"must be one of {', '.join(sorted(PROFILES))}")
    return value


WholeNumber = Annotated[int, BeforeValidator(_whole_number)]
Seconds = Annotated[WholeNumber, Field(ge=10, le=3600)]
Flag = Annotated[bool, BeforeValidator(_flag)]
Code = Annotated[str, AfterValidator(_code)]
ExistingFile = Annotated[str, AfterValidator(_existing_file)]
Folder = Annotated[Path, BeforeValidator(_folder)]


class Settings(BaseModel):
    """Everything a terminal is configured with. Immutable; reload builds a new one.

    ``Settings(...)`` holds what it is given over the defaults; :func:`load_settings` adds the
    settings file, the environment and staff mode's file. A changed copy:
    ``settings.model_copy(update={...})`` (not checked again: for values known to be good).
    """

    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=False)

    hall_id: Code = "H0001"
    hall_name: str = "市民服务中心"
    # The hall's opening hours, the one place they are written: the attract screen, the guides
    # and the slips of every window without hours of its own show this text.
    hall_hours: str = "工作日 9:00—12:00，13:30—17:00（法定节假日除外）"
    terminal_id: Code = "T01"
    terminal_name: str = "自助终端 1 号"
    data_dir: Folder = Field(default_factory=_default_data_dir)
    card_reader: str = "sim:sam"
    printer: str = "sim:"
    # QR/barcode scanner for receipt codes (进度查询): "" = none, "sim:" in demo mode.
    scanner: str = ""
    # Call light (呼叫灯) lit when a citizen calls for staff: "" = none, "sim:" in demo mode,
    # "led:<name>" for a lamp on a Linux LED (/sys/class/leds/<name>).
    beacon: str = ""
    # Document camera (高拍仪) for scanning materials at the terminal: "" = none,
    # "sim:?scene=flat" in demo mode, "v4l2:/dev/video0?width=2592&height=1944" for a UVC one.
    camera: str = ""
    # Face camera for 人证核验 (the face check before applying, signing or printing a personal
    # certificate): "" = none (the citizen is sent to a window), "sim:face?seq=holder-live" in
    # demo mode, "v4l2:/dev/video1?width=640&height=480" for a UVC one.
    face_camera: str = ""
    # The face check's thresholds (measured defaults: kiosk.face.check's docstring): the
    # embedding distance still "the same person", failed checks before the window, seconds.
    face_match_distance: MatchDistance = 0.5
    face_max_failures: MaxFailures = 3
    face_timeout_s: CheckTimeout = 12.0
    # A4 printer for certificates (自助打印证明): "" = none (the entry is not shown), "sim:" in
    # demo mode (a folder in the data dir), "cups:QUEUE" or "ipp://host:631/printers/QUEUE".
    a4_printer: str = ""
    printer_profile: Annotated[str, AfterValidator(_printer_profile)] = DEFAULT_PROFILE
    central_url: Annotated[str, AfterValidator(_central_url)] = ""
    # The public address where anyone checks a printed certificate (its QR code and printed
    # link point there, e.g. the province's "https://zwfw.example.gov.cn"): central's /verify
    # pages behind it. "" = central_url, which only the hall's own network may reach.
    certificate_verify_url: Annotated[str, AfterValidator(_central_url)] = ""
    idle_timeout_s: Seconds = 90
    idle_form_s: Seconds = 60
    idle_result_s: Seconds = 30
    # A queue number shown on screen (the slip did not print) stays this long, or until the
    # citizen taps 我已记下号码; may be longer than idle_timeout_s.
    idle_number_s: Seconds = 600
    attract_after_s: Seconds = 60
    # Elder mode (关怀模式): every idle limit above, and its warning, at this percentage.
    idle_elder_percent: Annotated[WholeNumber, Field(ge=100, le=400)] = 200
    locale: Locale = "zh_CN"
    orientation: Orientation = "portrait"
    voice_engine: str = ""
    voice_volume: Annotated[WholeNumber, Field(ge=0, le=100)] = 70
    demo: Flag = False
    # Sync with central: TLS trust and client certificate (empty = system CAs, no client
    # certificate; verification is never switched off), the terminal's shared secret, and how
    # long acknowledged items keep their (encrypted) personal fields.
    central_ca_file: ExistingFile = ""
    central_client_cert: ExistingFile = ""
    central_client_key: ExistingFile = ""
    terminal_secret_file: str = ""
    retention_days: Annotated[WholeNumber, Field(ge=1, le=365)] = 7
    staff_can_exit: Flag = False
    # The catalog's service for renewing an ID card (换领): the card page offers its guide to
    # the holder of an expired card.
    id_renewal_service: str = "HJ-003"
    # Where the values came from (the file's path, or "defaults"); not a setting itself.
    source: str = "defaults"

    @field_validator(
        "card_reader", "printer", "scanner", "beacon", "camera", "face_camera", "a4_printer"
    )
    @classmethod
    def _device(cls, value: str, info: Any) -> str:
        # Only the form is checked here. Whether a driver for the scheme is installed (and
        # loads) is the device's business: a missing plug-in disables that device alone,
        # reported by the status bar, staff mode and doctor, instead of the whole terminal.
        # A built-in scheme of another kind of device (usb: as a card reader) is a mistake.
        key = info.field_name
        if key in ("scanner", "beacon", "camera", "face_camera", "a4_printer") and not value:
            return value
        group = {
            "card_reader": CARD_READERS,
            "printer": PRINTERS,
            "scanner": SCANNERS,
            "beacon": BEACONS,
            "camera": CAMERAS,
            "face_camera": CAMERAS,
            "a4_printer": PAGES,
        }[key]
        try:
            uri = parse_device_uri(value)
        except DeviceUriError as exc:
            raise ValueError(str(exc)) from None
        others = {name for g, schemes in BUILTIN.items() if g != group for name in schemes}
        if uri.scheme in others - set(BUILTIN[group]):
            allowed = ", ".join(sorted(BUILTIN[group]))
            raise ValueError(f"{uri.scheme}: is not a {key.replace('_', ' ')} ({allowed})")
        return value

    @model_validator(mode="after")
    def _client_key_needs_its_certificate(self) -> Settings:
        if self.central_client_key and not self.central_client_cert:
            raise ConfigError("central_client_key", "needs central_client_cert as well")
        return self

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
        return self.model_dump(mode="json")


# The keys a file, the environment or staff mode may set (``source`` is not one of them).
KEYS = tuple(name for name in Settings.model_fields if name != "source")

# Settings staff may change from staff mode; kept in STAFF_FILE in the data folder, they win
# over the settings file and the environment (not over command-line options).
STAFF_ADJUSTABLE = ("voice_volume",)


# -- where the values come from ---------------------------------------------------------------


class _Values:
    """A layer of settings, its values read when it is made."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values

    def __call__(self) -> dict[str, Any]:
        return dict(self.values)


class SettingsFile(_Values):
    """The TOML file; ``[hall] id = …`` sections count as ``hall_id = …``."""

    def __init__(self, path: Path | None) -> None:
        values = _flatten(_read_toml(path)) if path is not None else {}
        for key in values:
            if key not in KEYS:
                raise ConfigError(key, f"unknown setting in {path}")
        super().__init__(values)


class Environment(_Values):
    """``KIOSK_<KEY>`` variables (the key upper-cased), as text."""

    def __init__(self, env: Mapping[str, str]) -> None:
        names = {key: ENV_PREFIX + key.upper() for key in KEYS}
        super().__init__({key: env[name] for key, name in names.items() if name in env})


class StaffFile(_Values):
    """What staff set in staff mode; a damaged file, or a value that is no longer
    acceptable, is ignored rather than fatal."""

    def __init__(self, data_dir: Path) -> None:
        try:
            raw = json.loads((data_dir / STAFF_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raw = {}
        values: dict[str, Any] = {}
        for key in STAFF_ADJUSTABLE:
            if isinstance(raw, dict) and key in raw:
                try:
                    Settings.model_validate({key: raw[key]})
                except ValidationError:
                    continue
                values[key] = raw[key]
        super().__init__(values)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
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


def _validated(values: dict[str, Any]) -> Settings:
    """The settings from ``values``, or a :class:`ConfigError` naming the first bad key."""
    try:
        return Settings.model_validate(values)
    except ValidationError as exc:
        raise _config_error(exc) from None


def _config_error(exc: ValidationError) -> ConfigError:
    error = exc.errors(include_url=False)[0]
    cause = (error.get("ctx") or {}).get("error")
    if isinstance(cause, ConfigError):
        return cause
    key = str(error["loc"][0]) if error["loc"] else "file"
    got = error.get("input")
    kind = error["type"]
    if isinstance(cause, ValueError):
        return ConfigError(key, str(cause))
    if kind in ("greater_than_equal", "less_than_equal"):
        low, high = _bounds(Settings.model_fields[key])
        return ConfigError(key, f"must be between {low} and {high}, got {got}")
    if kind == "literal_error":
        allowed = get_args(Settings.model_fields[key].annotation)
        return ConfigError(key, f"must be one of {', '.join(allowed)}")
    if kind == "string_type":
        return ConfigError(key, f"must be text, got {got!r}")
    if kind == "extra_forbidden":
        return ConfigError(key, "is not a setting")
    return ConfigError(key, f"{error['msg'].lower()}, got {got!r}")


def _bounds(field: FieldInfo) -> tuple[object, object]:
    low = next((m.ge for m in field.metadata if isinstance(m, annotated_types.Ge)), None)
    high = next((m.le for m in field.metadata if isinstance(m, annotated_types.Le)), None)
    return low, high


def load_settings(
    path: Path | None = None,
    env: Mapping[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Read the settings file and environment; ``overrides`` (e.g. from the CLI) win last."""
    env = os.environ if env is None else env
    path = settings_file(env) if path is None else path
    cli = {key: value for key, value in overrides.items() if value is not None}
    values: dict[str, Any] = {}
    for layer in (SettingsFile(path), Environment(env)):
        values.update(layer())
    try:
        data_dir = _folder(cli.get("data_dir", values.get("data_dir", _default_data_dir())))
    except ValueError:
        data_dir = None  # a bad data_dir is reported by the validation below
    if isinstance(data_dir, Path):
        values.update(StaffFile(data_dir)())
    values.update(cli)
    values.setdefault("source", str(path) if path is not None else "defaults")
    return _validated(values)


# Settings a running terminal takes over on "reload settings"; any other change needs a restart.
LIVE_KEYS = frozenset(
    {
        "idle_timeout_s",
        "idle_form_s",
        "idle_result_s",
        "idle_number_s",
        "attract_after_s",
        "idle_elder_percent",
        "voice_volume",
        "staff_can_exit",
        "retention_days",
        "source",
    }
)


# The device settings demo mode replaces with simulators (demo.terminal.demo_settings); a
# reload in demo mode keeps them.
DEVICE_KEYS = (
    "card_reader",
    "printer",
    "scanner",
    "beacon",
    "camera",
    "face_camera",
    "a4_printer",
)


def needs_restart(old: Settings, new: Settings) -> list[str]:
    """Keys whose change only takes effect after the terminal restarts."""
    return [
        name
        for name in Settings.model_fields
        if name not in LIVE_KEYS and getattr(old, name) != getattr(new, name)
    ]


def save_staff_setting(settings: Settings, key: str, value: Any) -> Settings:
    """Keep a staff-mode change (e.g. the voice volume) across restarts; returns the new
    settings. Raises :class:`ConfigError` for a key staff may not change or a bad value."""
    if key not in STAFF_ADJUSTABLE:
        raise ConfigError(key, "cannot be changed from staff mode")
    new = _validated({**settings.model_dump(), key: value})
    path = settings.data_dir / STAFF_FILE
    current = StaffFile(settings.data_dir)()
    current[key] = getattr(new, key)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(current), encoding="utf-8")
    os.replace(tmp, path)
    return new
