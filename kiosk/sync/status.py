"""What staff and the status bar see of the sync: counts, age of the backlog, last success."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from kiosk.store import Store
from kiosk.store.models import TerminalMeta
from kiosk.sync.outbox import counts, parse_iso, utcnow
from kiosk.sync.runner import META_LAST_SUCCESS, read_auth_failure


@dataclass(frozen=True)
class SyncStatus:
    """``kioskctl sync status``: the outbox by state, and how long the oldest item has waited."""

    pending: int
    sending: int
    sent: int
    dead: int
    oldest_pending_age_s: float | None
    last_success: datetime | None
    # While central refuses this terminal's signature (401): status, reason, count, since,
    # last, retry_at. Staff mode shows it as 认证失败; None once a signed call succeeds.
    auth_failure: dict[str, Any] | None = None

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        out = asdict(self)
        out["last_success"] = self.last_success.isoformat() if self.last_success else None
        return out


@dataclass(frozen=True)
class SyncIndicator:
    """The status bar's view: online or offline, and how many items still wait.

    ``online`` is ``None`` before the first contact attempt. ``backlog`` counts pending and
    sending items; ``dead`` items need staff (``kioskctl sync retry-dead``).
    """

    online: bool | None
    backlog: int
    dead: int
    last_success: datetime | None


def sync_status(store: Store, now: datetime | None = None) -> SyncStatus:
    """Read the current counts (a few indexed queries; fine to call every few seconds)."""
    now = now or utcnow()
    c = counts(store)
    with store.session() as s:
        meta = s.get(TerminalMeta, META_LAST_SUCCESS)
    age = (now - c.oldest_pending_created).total_seconds() if c.oldest_pending_created else None
    return SyncStatus(
        pending=c.pending,
        sending=c.sending,
        sent=c.sent,
        dead=c.dead,
        oldest_pending_age_s=round(age, 1) if age is not None else None,
        last_success=parse_iso(meta.value) if meta else None,
        auth_failure=read_auth_failure(store),
    )


def indicator(store: Store, online: bool | None, now: datetime | None = None) -> SyncIndicator:
    """The status bar snapshot, given what the worker last saw of the network."""
    st = sync_status(store, now)
    return SyncIndicator(
        online=online,
        backlog=st.pending + st.sending,
        dead=st.dead,
        last_success=st.last_success,
    )
