"""Settings checked once and remembered, so the window comes up without pydantic.

Checking the settings (:func:`kiosk.config.load_settings`) takes pydantic, whose import alone
is 50–90 ms on a 2-core terminal: a fifth of the first frame. Settings rarely change between
starts. A start whose inputs are exactly those of an earlier start that passed the check —
the settings file's bytes, the ``KIOSK_*`` variables and the folders the defaults depend on,
the command line, staff mode's file, and the code that does the check — builds its window
from the few values that start remembered (:class:`FrameSettings`), and the full check runs
on the core's thread right after the first frame (:meth:`ui.app.KioskUi.start_core`). Every
other start checks before the window, as before, and remembers.

What the remembered start still stops on: a file the check needs that has gone since (a
certificate named by ``central_ca_file``) stops the terminal with exit code 2 and the same
sentence, one frame later. Remembered values that differ from the checked ones (the memo was
edited) are corrected and the terminal restarts.

Nothing here imports pydantic, SQLAlchemy or Qt (tests/unit/test_startup_imports.py).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SYSTEM_CONFIG = Path("/etc/kiosk/kiosk.toml")
ENV_PREFIX = "KIOSK_"
STAFF_FILE = "staff-settings.json"
MEMO_NAME = "settings-checked.json"
# Environment variables besides KIOSK_* that a checked value depends on (the default data
# folder, ``~`` in paths).
_ALSO_READ = ("HOME", "XDG_DATA_HOME")
# The modules whose code decides what passes the check and what it becomes.
_CHECKING_CODE = (
    "kiosk/config.py",
    "kiosk/settings_memo.py",
    "kiosk/face/settings.py",
    "kiosk/printing/profiles.py",
    "drivers/registry.py",
    "drivers/uri.py",
)
_ROOT = Path(__file__).resolve().parent.parent


class ConfigError(ValueError):
    """Settings that cannot be used; ``key`` names the offending setting."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(f"setting '{key}': {message}")
        self.key = key


def settings_file(env: Mapping[str, str]) -> Path | None:
    """Which settings file counts: ``$KIOSK_CONFIG``, else the system one if present."""
    if env.get("KIOSK_CONFIG"):
        return Path(env["KIOSK_CONFIG"])
    return SYSTEM_CONFIG if SYSTEM_CONFIG.is_file() else None


@dataclass(frozen=True)
class FrameSettings:
    """What the window needs of the settings before its first frame (:class:`ui.app.KioskUi`),
    and what the interface keeps reading of them on the GUI thread."""

    data_dir: Path
    locale: str
    screen_size: tuple[int, int]
    hall_name: str
    terminal_name: str
    demo: bool
    id_renewal_service: str
    voice_engine: str
    voice_volume: int
    staff_can_exit: bool
    idle_timeout_s: int
    idle_form_s: int
    idle_result_s: int
    idle_number_s: int
    attract_after_s: int
    idle_elder_percent: int

    @classmethod
    def of(cls, settings: Any) -> FrameSettings:
        """The values of checked settings (a :class:`kiosk.config.Settings`)."""
        return cls(**{f.name: getattr(settings, f.name) for f in fields(cls)})

    @property
    def log_dir(self) -> Path:
        """Where the rotating log files go (as :attr:`kiosk.config.Settings.log_dir`)."""
        return self.data_dir / "logs"

    def to_json(self) -> dict[str, Any]:
        values = asdict(self)
        values["data_dir"] = str(self.data_dir)
        values["screen_size"] = list(self.screen_size)
        return values

    @classmethod
    def from_json(cls, values: Mapping[str, Any]) -> FrameSettings:
        """Raises ``TypeError``/``ValueError``/``KeyError`` for values of another shape."""
        kinds = {f.name: f.type for f in fields(cls)}
        if set(values) != set(kinds):
            raise ValueError("other keys")
        for name, kind in kinds.items():
            value = values[name]
            expected = {"int": int, "bool": bool, "str": str}.get(str(kind))
            if expected is not None and type(value) is not expected:
                raise TypeError(name)
        width, height = values["screen_size"]
        return cls(
            **{
                **values,
                "data_dir": Path(values["data_dir"]),
                "screen_size": (int(width), int(height)),
            }
        )


def memo_path(env: Mapping[str, str]) -> Path:
    """``$XDG_CACHE_HOME/hall-kiosk/settings-checked.json``, beside Qt's QML cache."""
    cache = env.get("XDG_CACHE_HOME") or str(Path(env.get("HOME") or Path.home()) / ".cache")
    return Path(cache) / "hall-kiosk" / MEMO_NAME


def inputs_key(path: Path | None, env: Mapping[str, str], cli: Mapping[str, Any]) -> str:
    """A digest of everything the check reads but staff mode's file (whose folder comes
    from the checked settings; :meth:`SettingsMemo.recall` compares it on its own)."""
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        digest.update(f"{label}:{len(data)}:".encode())
        digest.update(data)

    path = settings_file(env) if path is None else path
    add("path", str(path).encode())
    add("file", _bytes(path) if path is not None else b"")
    chosen = {k: v for k, v in env.items() if k.startswith(ENV_PREFIX) or k in _ALSO_READ}
    add("env", json.dumps(chosen, sort_keys=True).encode())
    given = {k: v for k, v in cli.items() if v is not None}
    add("cli", json.dumps(given, sort_keys=True, default=str).encode())
    for name in _CHECKING_CODE:
        add(name, _bytes(_ROOT / name))
    return digest.hexdigest()


def _bytes(path: Path) -> bytes:
    """A file's bytes; a file that cannot be read counts as its error (the check reports it)."""
    try:
        return path.read_bytes()
    except OSError as exc:
        return f"unreadable: {type(exc).__name__}".encode()


def _staff_digest(data_dir: Path) -> str:
    return hashlib.sha256(_bytes(data_dir / STAFF_FILE)).hexdigest()


class SettingsMemo:
    """The remembered outcome of the check for one set of inputs (``key``)."""

    def __init__(self, path: Path, key: str) -> None:
        self.path = path
        self.key = key

    def recall(self) -> FrameSettings | None:
        """The window's values if these inputs passed the check before, else None."""
        try:
            memo = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(memo, dict) or memo.get("key") != self.key:
                return None
            frame = FrameSettings.from_json(memo["frame"])
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError, KeyError) as exc:
            log.warning("remembered settings check unreadable, checking again: %s", exc)
            return None
        if memo.get("staff") != _staff_digest(frame.data_dir):
            return None  # staff changed a setting since
        return frame

    def remember(self, frame: FrameSettings) -> None:
        """Keep the outcome of a passed check; a cache that cannot be written only means
        the next start checks before its window again."""
        memo = {"key": self.key, "staff": _staff_digest(frame.data_dir), "frame": frame.to_json()}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    json.dump(memo, out)
                os.replace(tmp, self.path)
            except BaseException:
                os.unlink(tmp)
                raise
        except OSError as exc:
            log.warning("cannot remember the settings check in %s: %s", self.path, exc)

    def forget(self) -> None:
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            log.warning("cannot forget the settings check in %s: %s", self.path, exc)


class RememberedWrongly(Exception):
    """The remembered window values differ from the checked ones (corrected; restart)."""


def settings_for_window(
    path: Path | None, env: Mapping[str, str], cli: Mapping[str, Any]
) -> tuple[FrameSettings, Callable[[], Any]]:
    """The window's values now, and a function giving the checked settings (a
    :class:`kiosk.config.Settings`) that the core's thread calls after the first frame.

    Inputs seen passing before: the values remembered, the check left to that function
    (which raises :class:`ConfigError` if it fails now, :class:`RememberedWrongly` if the
    memo was wrong). Otherwise the check runs here, raising :class:`ConfigError` before
    any window, and is remembered."""
    env = dict(env)  # as it is now: the check after the frame reads the same variables
    memo = SettingsMemo(memo_path(env), inputs_key(path, env, cli))
    frame = memo.recall()
    if frame is None:
        from kiosk.config import load_settings

        settings = load_settings(path, env, **cli)
        frame = FrameSettings.of(settings)
        memo.remember(frame)
        return frame, lambda: settings

    def check() -> Any:
        from kiosk.config import load_settings

        try:
            settings = load_settings(path, env, **cli)
        except ConfigError:
            memo.forget()  # the next start stops before its window, as any failed check
            raise
        checked = FrameSettings.of(settings)
        if checked != frame:
            memo.remember(checked)
            raise RememberedWrongly("the remembered settings were not those checked")
        return settings

    return frame, check
