"""What the staff screen shows and does, as plain blocking calls (run them on a worker).

Device states, the sync backlog, today's print jobs; reprint, retry dead items, test page.
Every action is passed to ``audit`` (who, what) before it is carried out.
"""

from __future__ import annotations

import platform
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk import __version__
from kiosk.health import check_card_reader, check_central, check_printer
from kiosk.printing.layouts import TestPageData, test_page
from kiosk.printing.profiles import get_profile
from kiosk.printing.worker import PrintWorker
from kiosk.store import SCHEMA_VERSION, Store
from kiosk.sync.outbox import retry_dead
from kiosk.sync.status import sync_status

Audit = Callable[[str, str], None]  # (action, detail)


@dataclass(frozen=True)
class ConsoleSnapshot:
    """Everything on the staff screen at one moment, as JSON-like values."""

    devices: list[dict[str, str]]
    sync: dict[str, Any]
    jobs: list[dict[str, Any]]
    version: str
    taken_at: str


class StaffConsole:
    """The staff screen's operations on a running terminal."""

    def __init__(self, kiosk: Any, audit: Audit) -> None:
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
        checks = (
            ("reader", check_card_reader(kiosk.card_reader)),
            ("printer", check_printer(kiosk.printer)),
            ("central", check_central(kiosk.central_url)),
        )
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
        return ConsoleSnapshot(
            devices=devices,
            sync=sync_status(self._store).as_dict(),
            jobs=jobs,
            version=f"{__version__} (schema v{SCHEMA_VERSION}, Python {platform.python_version()})",
            taken_at=datetime.now().strftime("%H:%M:%S"),
        )

    def reprint(self, job_id: int) -> None:
        """Queue one of today's jobs again."""
        self._audit("print.reprint", f"job={job_id}")
        self._printing.reprint(job_id)

    def retry_dead(self) -> int:
        """Put dead-lettered outbox items back in the queue; returns how many."""
        count = retry_dead(self._store)
        self._audit("sync.retry_dead", f"items={count}")
        if self._kiosk.sync is not None:
            self._kiosk.sync.notify()
        return count

    def test_page(self) -> int:
        """Queue the printer test page as a print job; returns the job id."""
        settings = self._kiosk.settings
        self._audit("print.test_page", "")
        profile = get_profile(settings.printer_profile)
        document = test_page(
            TestPageData(settings.printer, profile.name, profile.paper_mm, datetime.now())
        )
        return self._printing.submit(document).id
