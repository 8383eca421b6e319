"""Window calling for staff (``/api/v1/staff/halls/…``) and the hall display (``/hall/…``).

The staff routes sit behind the staff token like the rest of the staff API. The display is a
page for the hall's big screen (叫号屏): numbers and windows only, no personal data, so it is
served without a login on the hall's network. It follows the hall over Server-Sent Events:
the stream sends the new state when the hall's display counter moved; the page shows the
calls and says each new one aloud. A call made by this process wakes the streams of its hall
at once (:class:`DisplayHub`); one made by another worker process is found by the stream's
check of the counter, a few times a second.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, StreamingResponse
from pydantic import BaseModel, Field
from sqlmodel import Session, select
from starlette.concurrency import run_in_threadpool

from central import calling
from central.db import Counter, Database, HallWindowRow, TicketCallRow, TicketRow, as_utc
from kiosk.contract import API_PREFIX

WEB = Path(__file__).resolve().parent / "web"
HALL = PathParam(pattern=r"^[A-Za-z0-9_-]{1,16}$")
WINDOW = PathParam(ge=1, le=999)  # the console's bound too; an INTEGER column either way
QUEUE_CODE = r"^[A-Za-z0-9_-]{1,30}$"
POLL_S = 0.2
HEARTBEAT_S = 15.0
T = TypeVar("T")


class DisplayHub:
    """Wakes the display streams of a hall when a call of this process changed it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiting: dict[str, set[tuple[asyncio.AbstractEventLoop, asyncio.Event]]] = {}

    def poke(self, hall_id: str) -> None:
        """From any thread, after the change is committed."""
        with self._lock:
            waiters = list(self._waiting.get(hall_id, ()))
        for loop, event in waiters:
            loop.call_soon_threadsafe(event.set)

    async def wait(self, hall_id: str, timeout: float) -> None:
        """Until a poke for ``hall_id`` or ``timeout`` seconds."""
        entry = (asyncio.get_running_loop(), asyncio.Event())
        with self._lock:
            self._waiting.setdefault(hall_id, set()).add(entry)
        try:
            await asyncio.wait_for(entry[1].wait(), timeout)
        except TimeoutError:
            pass
        finally:
            with self._lock:
                self._waiting.get(hall_id, set()).discard(entry)


class WindowConfig(BaseModel):
    """A window's name and the queues it serves, in calling order."""

    name: str = Field(default="", max_length=40)
    queues: list[str] = Field(min_length=1, max_length=20)
    open: bool = True

    def joined(self) -> str:
        for q in self.queues:
            if not q or not all(c.isalnum() or c in "_-" for c in q) or len(q) > 30:
                raise HTTPException(status_code=422, detail=f"bad queue code {q!r}")
        return ",".join(self.queues)


class WindowView(WindowConfig):
    hall_id: str
    window_no: int


class CallView(BaseModel):
    """A called ticket as the window sees it."""

    ticket_id: str
    display: str
    queue: str
    window_no: int
    state: str
    called_at: datetime
    recalls: int


class CallNext(BaseModel):
    """``call`` is null when nobody waits for this window."""

    call: CallView | None


class Transfer(BaseModel):
    queue: str = Field(pattern=QUEUE_CODE)


def _view(s: Session, call: TicketCallRow) -> CallView:
    ticket = s.get(TicketRow, call.ticket_id)
    return CallView(
        ticket_id=call.ticket_id,
        display=ticket.display if ticket is not None else "",
        queue=call.queue,
        window_no=call.window_no,
        state=call.state,
        called_at=as_utc(call.called_at),
        recalls=call.recalls,
    )


def _window_view(row: HallWindowRow) -> WindowView:
    return WindowView(
        hall_id=row.hall_id,
        window_no=row.window_no,
        name=row.name,
        queues=calling.queues_of(row),
        open=row.open,
    )


def build_staff_router(db: Database, staff: Any, hub: DisplayHub) -> APIRouter:
    """Windows and calls, behind the staff token."""
    router = APIRouter(
        prefix=f"{API_PREFIX}/staff/halls/{{hall_id}}",
        tags=["calling"],
        dependencies=[Depends(staff)],
    )

    def act(hall_id: str, work: Callable[[Session], T]) -> T:
        try:
            with db.session() as s:
                result = work(s)
        except calling.CallingError as exc:
            raise HTTPException(status_code=exc.status, detail=exc.detail) from None
        hub.poke(hall_id)  # committed: the hall's display streams send it now
        return result

    @router.put("/windows/{window_no}", response_model=WindowView)
    def put_window(
        config: WindowConfig, window_no: int = WINDOW, hall_id: str = HALL
    ) -> WindowView:
        """Create or change a window: its name, the queues it serves (in calling order),
        and whether it is open."""
        if not 1 <= window_no <= 999:
            raise HTTPException(status_code=422, detail="window number 1-999")
        queues = config.joined()

        def work(s: Session) -> WindowView:
            row = s.get(HallWindowRow, (hall_id, window_no)) or HallWindowRow(
                hall_id=hall_id, window_no=window_no, queues=queues
            )
            row.name, row.queues, row.open = config.name, queues, config.open
            s.add(row)
            calling.bump(s, hall_id, calling.today().isoformat())
            return _window_view(row)

        return act(hall_id, work)

    @router.get("/windows", response_model=list[WindowView])
    def windows(hall_id: str = HALL) -> list[WindowView]:
        """The hall's windows by number."""
        with db.session() as s:
            rows = s.exec(
                select(HallWindowRow)
                .where(HallWindowRow.hall_id == hall_id)
                .order_by(HallWindowRow.window_no)  # type: ignore[arg-type]
            ).all()
            return [_window_view(r) for r in rows]

    @router.post("/windows/{window_no}/call-next", response_model=CallNext)
    def call_next(window_no: int = WINDOW, hall_id: str = HALL) -> CallNext:
        """Call the next waiting ticket for this window (null when nobody waits)."""
        now = datetime.now(UTC)

        def work(s: Session) -> CallNext:
            call = calling.call_next(s, hall_id, window_no, now)
            return CallNext(call=_view(s, call) if call is not None else None)

        return act(hall_id, work)

    @router.post("/calls/{ticket_id}/recall", response_model=CallView)
    def recall(ticket_id: str, hall_id: str = HALL) -> CallView:
        """Call the same ticket again."""
        now = datetime.now(UTC)
        return act(hall_id, lambda s: _view(s, calling.recall(s, hall_id, ticket_id, now)))

    @router.post("/calls/{ticket_id}/finish", response_model=CallView)
    def finish(ticket_id: str, hall_id: str = HALL) -> CallView:
        """The window has served the ticket."""
        now = datetime.now(UTC)
        return act(
            hall_id, lambda s: _view(s, calling.finish(s, hall_id, ticket_id, now, no_show=False))
        )

    @router.post("/calls/{ticket_id}/no-show", response_model=CallView)
    def no_show(ticket_id: str, hall_id: str = HALL) -> CallView:
        """过号: the holder did not come."""
        now = datetime.now(UTC)
        return act(
            hall_id, lambda s: _view(s, calling.finish(s, hall_id, ticket_id, now, no_show=True))
        )

    @router.post("/calls/{ticket_id}/transfer", response_model=CallView)
    def transfer(ticket_id: str, to: Transfer, hall_id: str = HALL) -> CallView:
        """Send the ticket to wait in another queue (first in line there)."""
        now = datetime.now(UTC)
        return act(
            hall_id, lambda s: _view(s, calling.transfer(s, hall_id, ticket_id, to.queue, now))
        )

    return router


def build_display_router(db: Database, hub: DisplayHub) -> APIRouter:
    """The hall display page, its state and its event stream (no login; no personal data)."""
    router = APIRouter(prefix="/hall/{hall_id}", tags=["display"])

    def state(hall_id: str) -> dict[str, Any]:
        with db.session() as s:
            return calling.display_state(s, hall_id, calling.today())

    def version(hall_id: str) -> int:
        with db.session() as s:
            row = s.get(Counter, calling.display_key(hall_id, calling.today().isoformat()))
            return row.value if row is not None else 0

    @router.get("/display", include_in_schema=False)
    def page(hall_id: str = HALL) -> FileResponse:
        return FileResponse(WEB / "display.html", media_type="text/html; charset=utf-8")

    @router.get("/display/state")
    def display_state(hall_id: str = HALL) -> dict[str, Any]:
        """Each window's current call and the day's last calls."""
        return state(hall_id)

    @router.get("/display/events", include_in_schema=False)  # a stream: not an API call
    async def events(request: Request, hall_id: str = HALL) -> StreamingResponse:
        """Server-Sent Events: the state at once, then each time it changes."""

        async def stream() -> AsyncIterator[str]:
            seen = -1
            quiet = 0.0
            while not await request.is_disconnected():
                current = await run_in_threadpool(version, hall_id)
                if current != seen:
                    seen = current
                    body = await run_in_threadpool(state, hall_id)
                    yield f"data: {json.dumps(body, ensure_ascii=False)}\n\n"
                    quiet = 0.0
                elif quiet >= HEARTBEAT_S:
                    yield ": ping\n\n"
                    quiet = 0.0
                started = time.monotonic()
                await hub.wait(hall_id, POLL_S)
                quiet += time.monotonic() - started

        return StreamingResponse(
            stream(),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
        )

    return router
