"""``GET /verify/{code}``: the public page that says what a printed certificate's code stands
for (the QR code on the paper points here).

Anyone holding the paper — a bank, a school, the citizen — sees the kind, the holder's masked
name and ID number, when and by which terminal of which hall it was issued, and the content's
summary: enough to see that the paper matches what was issued, nothing to learn a stranger's
data from. An unknown or malformed code is a plain 查无此证明 page with 404.

Codes carry about 60 bits, so guessing is hopeless; on top, :class:`MissLimiter` answers 429
to a client address that asked for too many unknown codes lately (every worker process keeps
its own count; behind a proxy that hides client addresses the count is shared by all, which
errs on the side of refusing). Pages are never cached and never indexed.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from datetime import timedelta, timezone
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from central.certificates import Content, issued
from central.db import Database, as_utc
from kiosk.contract.certificates import VERIFY_PATH, format_code, normalize_code

HALL_TZ = timezone(timedelta(hours=8))
MISS_LIMIT = 10  # unknown codes per client address …
MISS_WINDOW_S = 600.0  # … within this many seconds
MAX_CLIENTS = 10_000  # addresses remembered at most (the oldest are forgotten first)
HEADERS = {"Cache-Control": "no-store", "X-Robots-Tag": "noindex", "X-Frame-Options": "DENY"}


class MissLimiter:
    """Counts unknown codes per client address over a sliding window; ``clock`` in seconds."""

    def __init__(
        self,
        limit: int = MISS_LIMIT,
        window_s: float = MISS_WINDOW_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window_s = window_s
        self.clock = clock
        self._misses: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, client: str, now: float) -> deque[float] | None:
        misses = self._misses.get(client)
        while misses and now - misses[0] >= self.window_s:
            misses.popleft()
        if misses is not None and not misses:
            del self._misses[client]
            return None
        return misses

    def blocked(self, client: str) -> bool:
        """Whether ``client`` used up its unknown codes for now."""
        with self._lock:
            misses = self._recent(client, self.clock())
            return misses is not None and len(misses) >= self.limit

    def miss(self, client: str) -> None:
        """``client`` asked for a code that does not exist."""
        with self._lock:
            now = self.clock()
            misses = self._recent(client, now)
            if misses is None:
                if len(self._misses) >= MAX_CLIENTS:
                    del self._misses[next(iter(self._misses))]
                misses = self._misses[client] = deque()
            misses.append(now)


def build_router(db: Database, limiter: MissLimiter) -> APIRouter:
    """The public verification pages (outside the API: no signature, no JSON)."""
    router = APIRouter(prefix=VERIFY_PATH, include_in_schema=False)
    templates = Jinja2Templates(directory=Path(__file__).resolve().parent / "web" / "templates")

    def page(request: Request, status: int, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(
            request, "verify.html", context, status_code=status, headers=HEADERS
        )

    @router.get("", response_model=None)
    def ask(request: Request, code: str = Query(default="", max_length=40)) -> Response:
        """A form to type the code printed on the paper; a typed code goes to its page."""
        if code:
            return RedirectResponse(f"{VERIFY_PATH}/{normalize_code(code) or '-'}", 303)
        return page(request, 200, state="ask")

    @router.get("/{code}")
    def verify(request: Request, code: str) -> HTMLResponse:
        """What the certificate of ``code`` says; 404 for none, 429 past too many misses."""
        client = request.client.host if request.client else "-"
        if limiter.blocked(client):
            return page(request, 429, state="busy")
        wanted = normalize_code(code[:40])
        row = None
        if wanted is not None:
            with db.session() as s:
                row = issued(s, wanted)
        if row is None:
            limiter.miss(client)
            return page(request, 404, state="unknown")
        content = Content.open(db.sealer, row.body)
        return page(
            request,
            200,
            state="found",
            code=format_code(row.code),
            title=row.title,
            issuer=row.issuer,
            name=content.masked_name,
            id_number=content.masked_id,
            issued_at=as_utc(row.issued_at).astimezone(HALL_TZ).strftime("%Y年%m月%d日 %H:%M"),
            terminal=row.terminal_id,
            hall=row.hall_id,
            summary=content.summary,
        )

    return router
