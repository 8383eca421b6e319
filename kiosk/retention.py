"""Delete personal data past its retention period, everywhere the terminal keeps it.

* outbox items central acknowledged: their sealed personal fields (:func:`kiosk.sync.outbox.purge`);
* scans and signed documents of acknowledged submissions: their sealed bytes
  (:func:`kiosk.sync.attachments.purge`);
* finished print jobs: the stored slips carry masked names and receipt numbers;
* print previews (``<data_dir>/receipts/*.png``) rendered by the printer emulator;
* the database's migration backups (``kiosk.db.pre-v<N>.bak``): full copies of it.

The sync worker purges the outbox hourly; ``kioskctl purge`` runs all of it now.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text

from kiosk.store import Store
from kiosk.store.migrations import purge_backups
from kiosk.sync.attachments import purge as purge_attachments
from kiosk.sync.outbox import purge as purge_outbox
from kiosk.sync.outbox import utcnow


@dataclass(frozen=True)
class PurgeResult:
    """How much was removed."""

    outbox_items: int
    attachments: int
    print_jobs: int
    preview_files: int
    migration_backups: int

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return asdict(self)


def _old_print_jobs(store: Store, cutoff: datetime) -> int:
    with store.session() as s:
        rows = s.execute(
            text("SELECT id, created_at FROM print_job WHERE status IN ('printed','failed')")
        ).all()
    # created_at carries its own offset; compare as moments, not as text.
    old = [int(i) for i, at in rows if datetime.fromisoformat(str(at)) < cutoff]
    if not old:
        return 0
    with store.session(write=True) as s:
        for start in range(0, len(old), 500):
            chunk = old[start : start + 500]
            marks = ",".join(str(i) for i in chunk)
            s.execute(text(f"DELETE FROM print_job WHERE id IN ({marks})"))
    return len(old)


def _old_previews(folder: Path, cutoff: datetime) -> int:
    removed = 0
    if not folder.is_dir():
        return 0
    for path in folder.glob("*.png"):
        try:
            if path.stat().st_mtime < cutoff.timestamp():
                path.unlink()
                removed += 1
        except FileNotFoundError:
            continue
    return removed


def purge_personal_data(
    store: Store, data_dir: Path, retention_days: int, now: datetime | None = None
) -> PurgeResult:
    """Remove personal data older than ``retention_days``; safe to run at any time."""
    now = now or utcnow()
    cutoff = now - timedelta(days=retention_days)
    return PurgeResult(
        outbox_items=purge_outbox(store, now, retention_days),
        attachments=purge_attachments(store, now, retention_days),
        print_jobs=_old_print_jobs(store, cutoff),
        preview_files=_old_previews(data_dir / "receipts", cutoff),
        migration_backups=purge_backups(store.path, retention_days, now.timestamp()),
    )
