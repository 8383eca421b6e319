"""What the staff screen shows and does, as plain blocking calls (run them on a worker).

Device states, the sync backlog, today's print jobs; reprint, retry dead items, test page.
Every action is passed to ``audit`` (who, what) before it is carried out.
"""

from __future__ import annotations

import platform
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drivers.status import DeviceStatus
from kiosk import __version__
from kiosk.config import (
    DEVICE_KEYS,
    LIVE_KEYS,
    Settings,
    load_settings,
    needs_restart,
    save_staff_setting,
)
from kiosk.health import check_card_reader, check_central, check_clock, check_printer, check_scanner
from kiosk.printing.layouts import TestPageData, test_page
from kiosk.printing.profiles import get_profile
from kiosk.printing.worker import PrintWorker
from kiosk.services.certificate_jobs import CertificateJobNotFound
from kiosk.store import SCHEMA_VERSION, Store
from kiosk.sync.outbox import retry_dead
from kiosk.sync.status import sync_status

if TYPE_CHECKING:
    from kiosk.app import Kiosk

Audit = Callable[[str, str], None]  # (action, detail)


@dataclass(frozen=True)
class Reloaded:
    """Settings after a reload: what is now in force and what waits for a restart."""

    settings: Settings
    restart_needed: list[str]


@dataclass(frozen=True)
class ConsoleSnapshot:
    """Everything on the staff screen at one moment, as JSON-like values."""

    devices: list[dict[str, str]]
    sync: dict[str, Any]
    jobs: list[dict[str, Any]]
    version: str
    taken_at: str
    # Today's certificates printed on A4 (kind, code, outcome: nothing personal).
    certificates: list[dict[str, Any]] = field(default_factory=list)


class StaffConsole:
    """The staff screen's operations on a running terminal."""

    def __init__(self, kiosk: Kiosk, audit: Audit) -> None:
        self._kiosk = kiosk
        self._audit = audit

    @property
    def _store(self) -> Store:
        return self._kiosk.store

    @property
    def _printing(self) -> PrintWorker:
        return self._kiosk.printing

    def snapshot(self) -> ConsoleSnapshot:
        """Devices (checked now), sync counts and today's print jobs."""
        kiosk = self._kiosk
        if kiosk.health.watches(kiosk.card_reader, kiosk.printer):
            reader, printer = kiosk.health.check_devices()
        else:  # devices swapped (a screenshot scene): one-off checks, still under deadlines
            reader, printer = check_card_reader(kiosk.card_reader), check_printer(kiosk.printer)
        checks: list[tuple[str, DeviceStatus]] = [
            ("reader", reader),
            ("printer", printer),
            ("central", check_central(kiosk.central_url)),
            ("clock", check_clock()),
        ]
        if kiosk.scanner is not None:
            worker = kiosk.scanner_worker
            scanner = check_scanner(
                kiosk.scanner.uri, worker is not None, worker.lost_reason if worker else ""
            )
            checks.append(("scanner", scanner))
        a4 = kiosk.health.check_a4_printer()
        if a4 is not None:
            checks.append(("a4_printer", a4))
        devices = [
            {"name": n, "state": s.state.value, "reason": s.reason, "detail": s.detail}
            for n, s in checks
        ]
        jobs = [
            {
                "id": job.id,
                "kind": job.kind,
                "status": str(job.status),
                "reason": job.reason or "",
                "time": job.created_at.strftime("%H:%M"),
            }
            for job in self._printing.jobs.list_today()
        ]
        prints = kiosk.services.certificate_prints
        certificates = [
            {
                "id": job.id,
                "kind": job.kind,
                "title": job.title,
                "code": job.code,
                "status": job.status,
                "reason": job.reason or "",
                "time": job.created_at.strftime("%H:%M"),
                "reprintable": job.reprintable,
            }
            for job in (prints.jobs.list_today() if prints and prints.jobs else [])
        ]
        return ConsoleSnapshot(
            devices=devices,
            sync=sync_status(self._store).as_dict(),
            jobs=jobs,
            certificates=certificates,
            version=f"{__version__} (schema v{SCHEMA_VERSION}, Python {platform.python_version()})",
            taken_at=datetime.now().strftime("%H:%M:%S"),
        )

    def reprint(self, job_id: int) -> None:
        """Queue one of today's jobs again."""
        self._audit("print.reprint", f"job={job_id}")
        self._printing.reprint(job_id)

    def reprint_certificate(self, job_id: int) -> None:
        """Print one of today's certificates again on the A4 printer and wait for it
        (``CertificateJobNotFound``, or the printer's ``PagePrinterError``)."""
        prints = self._kiosk.services.certificate_prints
        if prints is None:
            raise CertificateJobNotFound("no A4 printer configured")
        self._audit("certificate.reprint", f"job={job_id}")
        prints.reprint(job_id)

    def retry_dead(self) -> int:
        """Put dead-lettered outbox items back in the queue; returns how many."""
        count = retry_dead(self._store)
        self._audit("sync.retry_dead", f"items={count}")
        if self._kiosk.sync is not None:
            self._kiosk.sync.notify()
        return count

    def set_volume(self, volume: int) -> Settings:
        """Keep a new voice volume (0-100) across restarts; returns the new settings."""
        self._audit("settings.volume", f"volume={volume}")
        new = save_staff_setting(self._kiosk.settings, "voice_volume", volume)
        self._kiosk.settings = new
        return new

    def reload_settings(self) -> Reloaded:
        """Read the settings file again. Raises :class:`ConfigError` when it is broken (the
        running settings stay in force)."""
        old: Settings = self._kiosk.settings
        path = Path(old.source) if old.source != "defaults" else None
        new = load_settings(path, data_dir=str(old.data_dir), demo=old.demo or None)
        if new.demo:  # the demo keeps the simulated devices it started with
            new = new.model_copy(update={k: getattr(old, k) for k in DEVICE_KEYS})
        restart = needs_restart(old, new)
        self._audit("settings.reload", f"restart_needed={','.join(restart)}")
        live = old.model_copy(update={k: getattr(new, k) for k in LIVE_KEYS})
        self._kiosk.settings = live
        return Reloaded(live, restart)

    def test_page(self) -> int:
        """Queue the printer test page as a print job; returns the job id."""
        settings = self._kiosk.settings
        self._audit("print.test_page", "")
        profile = get_profile(settings.printer_profile)
        document = test_page(
            TestPageData(settings.printer, profile.name, profile.paper_mm, datetime.now())
        )
        return self._printing.submit(document).job_id
