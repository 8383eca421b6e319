"""Searches that found nothing (搜索无结果), counted per day for the hall.

A citizen types letter by letter, and every keystroke is a search; only the query they
*stopped at* says what they looked for. :class:`SearchMisses` is told every answered search
(``observe``); a query counts as final when no other search followed within
:data:`SETTLE_S` seconds, or when the visit ends (``flush``). A final query that found
nothing is counted for its day. Its text is kept only when it cannot hold a number (no digit
at all) and is short (at most :data:`MAX_QUERY` characters): anything else — an ID number, a
phone, a long sentence — is counted and forgotten.

The counts live in ``terminal_meta`` (``search_misses:YYYY-MM-DD``, JSON ``{"count": n,
"queries": {text: n}}``) for :data:`KEEP_DAYS` days, and travel to central in the heartbeat
(:func:`recent`), which replaces a day's numbers there (sending them twice counts nothing
twice).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import text

from kiosk.contract import SearchMissDay
from kiosk.store import Store
from kiosk.store.models import TerminalMeta

SETTLE_S = 1.5
MAX_QUERY = 12
MAX_TEXTS = 50  # distinct texts kept per day; more are only counted
KEEP_DAYS = 14
SENT_DAYS = 7
KEY = "search_misses:"


def keepable(query: str) -> str:
    """The query as it may be stored, or "" when only its count may be kept."""
    q = " ".join(query.split())
    if not q or len(q) > MAX_QUERY or any(ch.isdigit() for ch in q):
        return ""
    return q


class SearchMisses:
    """Counts the searches whose final query found nothing (thread-safe; blocking store work,
    so called from worker threads)."""

    def __init__(
        self,
        store: Store,
        today: Callable[[], date] = lambda: datetime.now().date(),
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._store = store
        self._today = today
        self._clock = clock
        self._lock = threading.Lock()
        self._pending: tuple[str, int, float] | None = None  # query, hits, when

    def observe(self, query: str, hits: int) -> None:
        """A search was answered with ``hits`` results; the one before it is final if the
        citizen had stopped at it for :data:`SETTLE_S` seconds."""
        if not query.strip():
            return
        now = self._clock()
        with self._lock:
            previous, self._pending = self._pending, (query, hits, now)
        if previous is None or now - previous[2] < SETTLE_S:
            return
        # Typing on (the new query extends it) or the same query again: not where they stopped.
        if not query.startswith(previous[0]):
            self._settle(previous)

    def flush(self) -> None:
        """The visit ended (or the citizen left the search): the last query is final."""
        with self._lock:
            previous, self._pending = self._pending, None
        if previous is not None:
            self._settle(previous)

    def _settle(self, final: tuple[str, int, float]) -> None:
        query, hits, _when = final
        if hits == 0:
            self.record(query)

    def record(self, query: str) -> None:
        """Count one search that found nothing, today."""
        day = self._today()
        key = f"{KEY}{day.isoformat()}"
        kept = keepable(query)
        with self._store.session(write=True) as s:
            row = s.get(TerminalMeta, key)
            data: dict[str, Any] = (
                json.loads(row.value) if row is not None else {"count": 0, "queries": {}}
            )
            data["count"] += 1
            texts: dict[str, int] = data["queries"]
            if kept and (kept in texts or len(texts) < MAX_TEXTS):
                texts[kept] = texts.get(kept, 0) + 1
            value = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            if row is None:
                s.add(TerminalMeta(key=key, value=value))
            else:
                row.value = value
                s.add(row)
            oldest = f"{KEY}{(day - timedelta(days=KEEP_DAYS)).isoformat()}"
            s.execute(
                text("DELETE FROM terminal_meta WHERE key LIKE :p AND key < :oldest"),
                {"p": f"{KEY}%", "oldest": oldest},
            )


def recent(store: Store, days: int = SENT_DAYS, today: date | None = None) -> list[SearchMissDay]:
    """The last ``days`` days' counts, oldest first (what the heartbeat carries)."""
    today = today or datetime.now().date()
    first = f"{KEY}{(today - timedelta(days=days - 1)).isoformat()}"
    with store.session() as s:
        rows = s.execute(
            text("SELECT key, value FROM terminal_meta WHERE key LIKE :p AND key >= :first"),
            {"p": f"{KEY}%", "first": first},
        ).all()
    out = []
    for key, value in sorted(rows):
        data = json.loads(value)
        top = sorted(data["queries"].items(), key=lambda kv: (-kv[1], kv[0]))[:20]
        out.append(
            SearchMissDay(
                day=date.fromisoformat(key[len(KEY) :]), count=data["count"], queries=dict(top)
            )
        )
    return out
