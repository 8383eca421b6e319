"""A diagnostics bundle for the vendor: logs, doctor report, versions, sync status.

Everything that goes in passes through the personal-data filter of :mod:`kiosk.logs` first —
log lines written before a fix, settings, audit details — so a bundle can be mailed safely.
The bundle is a ``.tar.gz`` or, when the file name ends in ``.zip``, a zip file.
"""

from __future__ import annotations

import io
import json
import platform
import tarfile
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from kiosk import __version__
from kiosk.config import Settings
from kiosk.logs import redact_text, redact_value
from kiosk.store import SCHEMA_VERSION


def version_info() -> dict[str, Any]:
    """Software, schema, Python and installed driver plug-ins (for ``kioskctl version``)."""
    from drivers.registry import plugins

    return {
        "version": __version__,
        "schema_version": SCHEMA_VERSION,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "plugins": plugins(),
    }


def clean_log_line(line: str) -> str:
    """One log line with personal data removed (JSON lines keep their shape)."""
    stripped = line.rstrip("\n")
    try:
        entry = json.loads(stripped)
    except ValueError:
        return redact_text(stripped)
    if not isinstance(entry, dict):
        return redact_text(stripped)
    return json.dumps(redact_value(entry), ensure_ascii=False)


def _log_files(log_dir: Path) -> Iterator[Path]:
    if log_dir.is_dir():
        yield from sorted(
            p
            for p in log_dir.iterdir()
            # kiosk.jsonl, kiosk.jsonl.1 … and plain kiosk.log* from older versions
            if p.is_file() and (".jsonl" in p.name or ".log" in p.name)
        )


def _json(value: Any, by_key: bool = True) -> bytes:
    clean = redact_value(value, by_key=by_key)
    return json.dumps(clean, ensure_ascii=False, indent=2, default=str).encode()


def _safe(build: Callable[[], Any]) -> Any:
    # One failing part (a broken database, a stuck device) must not lose the rest of the bundle.
    try:
        return build()
    except Exception as exc:
        return {"error": f"{type(exc).__name__}: {exc}"}


def bundle_members(settings: Settings, include_devices: bool = True) -> dict[str, bytes]:
    """File name → cleaned content of everything that goes into the bundle."""
    from kiosk.cli.doctor import diagnose
    from kiosk.staff import StaffAccess
    from kiosk.store import Store
    from kiosk.sync.status import sync_status

    members: dict[str, bytes] = {}
    for path in _log_files(settings.log_dir):
        with path.open(encoding="utf-8", errors="replace") as fh:
            cleaned = "\n".join(clean_log_line(line) for line in fh)
        members[f"logs/{path.name}"] = (cleaned + "\n").encode("utf-8")
    members["version.json"] = _json(version_info(), by_key=False)
    members["settings.json"] = _json(settings.as_public_dict())

    def doctor() -> Any:
        checks = diagnose(settings) if include_devices else []
        return [asdict(c) for c in checks]

    members["doctor.json"] = _json(_safe(doctor), by_key=False)

    def from_store(read: Callable[[Store], Any]) -> Callable[[], Any]:
        def run() -> Any:
            store = Store(settings.db_path)
            try:
                return read(store)
            finally:
                store.close()

        return run

    members["sync-status.json"] = _json(_safe(from_store(lambda s: sync_status(s).as_dict())))
    members["audit.json"] = _json(
        _safe(from_store(lambda s: [e.as_dict() for e in StaffAccess(s).entries(limit=2000)]))
    )
    return members


def write_bundle(target: Path, members: dict[str, bytes]) -> Path:
    """Write ``members`` to ``target`` (.zip or .tar.gz); returns the path written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    prefix = f"kiosk-diagnostics-{time.strftime('%Y%m%d-%H%M%S')}"
    if target.suffix == ".zip":
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name, data in members.items():
                zf.writestr(f"{prefix}/{name}", data)
        return target
    with tarfile.open(target, "w:gz") as tf:
        for name, data in members.items():
            info = tarfile.TarInfo(f"{prefix}/{name}")
            info.size, info.mtime, info.mode = len(data), int(time.time()), 0o644
            tf.addfile(info, io.BytesIO(data))
    return target
