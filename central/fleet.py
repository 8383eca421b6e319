"""The fleet: terminals' heartbeats and what needs a member of staff.

Terminals post a signed heartbeat about once a minute (``POST /api/v1/heartbeat``); the last
one of each terminal is kept. :func:`fleet` lists every registered terminal of a hall with its
state and the alerts staff must act on: silent for :data:`SILENT_AFTER`, out of paper (or
nearly), card reader not working, a growing or large backlog, dead letters.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import APIRouter, Depends
from sqlmodel import Session, col, select

from central.auth import AUTH_RESPONSES, Principal
from central.db import Database, SearchMissRow, Terminal, TerminalHeartbeatRow, as_utc
from kiosk.contract import API_PREFIX, Heartbeat, HeartbeatAck

SILENT_AFTER = timedelta(minutes=3)
BACKLOG_ALERT = 50  # items waiting for central: the terminal has been cut off a while
GROWING_FROM = 10  # a few items between two sends are normal; more, and growing, are not

ALERTS = {
    "silent": "超过 3 分钟没有消息（可能已关机或断网）",
    "never": "从未上报状态",
    "paper_out": "打印机缺纸",
    "paper_near_end": "打印纸即将用完",
    "reader": "读卡器不可用",
    "scanner": "扫码器不可用",
    "camera": "高拍仪不可用（市民无法扫描材料）",
    "a4_paper_out": "证明打印机缺纸（无法自助打印证明）",
    "a4_printer": "证明打印机不可用（无法自助打印证明）",
    "printer": "打印机故障",
    "backlog": "待上传数据积压",
    "backlog_growing": "待上传数据在增加",
    "dead": "有上传失败的数据，需要处理",
}


@dataclass
class TerminalState:
    """One terminal as the fleet page shows it."""

    terminal_id: str
    last_seen: datetime | None
    beat: Heartbeat | None
    alerts: list[str] = field(default_factory=list)

    @property
    def online(self) -> bool:
        return "silent" not in self.alerts and "never" not in self.alerts


def record(s: Session, who: Principal, beat: Heartbeat, now: datetime) -> None:
    """Keep ``beat`` as the terminal's last heartbeat."""
    row = s.get(TerminalHeartbeatRow, who.terminal_id)
    if row is None:
        row = TerminalHeartbeatRow(terminal_id=who.terminal_id, hall_id=who.hall_id, body="")
    else:
        row.previous_pending = Heartbeat.model_validate_json(row.body).outbox_pending
    row.hall_id, row.received_at, row.body = who.hall_id, now, beat.model_dump_json()
    s.add(row)
    for miss in beat.search_misses:  # the terminal's running totals: replace, never add
        day = miss.day.isoformat()
        kept = s.get(SearchMissRow, (who.terminal_id, day)) or SearchMissRow(
            terminal_id=who.terminal_id, day=day, hall_id=who.hall_id
        )
        kept.hall_id, kept.count = who.hall_id, miss.count
        kept.queries = json.dumps(miss.queries, ensure_ascii=False)
        s.add(kept)


def alerts_of(
    beat: Heartbeat | None, seen: datetime | None, previous: int, now: datetime
) -> list[str]:
    if beat is None or seen is None:
        return ["never"]
    found = []
    if now - seen >= SILENT_AFTER:
        found.append("silent")
    if beat.paper == "out":
        found.append("paper_out")
    elif beat.paper == "near_end":
        found.append("paper_near_end")
    elif beat.printer.state == "error":
        found.append("printer")
    if beat.card_reader.state == "error":
        found.append("reader")
    if beat.scanner is not None and beat.scanner.state == "error":
        found.append("scanner")
    if beat.camera is not None and beat.camera.state == "error":
        found.append("camera")
    if beat.a4_printer is not None and beat.a4_printer.state == "error":
        found.append("a4_paper_out" if beat.a4_printer.reason == "paper_out" else "a4_printer")
    if beat.outbox_pending >= BACKLOG_ALERT:
        found.append("backlog")
    elif beat.outbox_pending > previous and beat.outbox_pending >= GROWING_FROM:
        found.append("backlog_growing")
    if beat.outbox_dead:
        found.append("dead")
    return found


def fleet(s: Session, hall_id: str, now: datetime) -> list[TerminalState]:
    """Every enabled terminal of the hall, those needing attention first."""
    terminals = s.exec(
        select(Terminal)
        .where(Terminal.hall_id == hall_id, col(Terminal.enabled))
        .order_by(col(Terminal.terminal_id))
    ).all()
    out = []
    for terminal in terminals:
        row = s.get(TerminalHeartbeatRow, terminal.terminal_id)
        beat = Heartbeat.model_validate_json(row.body) if row is not None else None
        seen = as_utc(row.received_at) if row is not None else None
        previous = row.previous_pending if row is not None else 0
        state = TerminalState(terminal.terminal_id, seen, beat)
        state.alerts = alerts_of(beat, seen, previous, now)
        out.append(state)
    return sorted(out, key=lambda t: (not t.alerts, t.terminal_id))


def build_router(db: Database, auth: Any) -> APIRouter:
    """``POST /heartbeat`` for terminals."""
    router = APIRouter(prefix=API_PREFIX, tags=["fleet"], responses=AUTH_RESPONSES)

    @router.post("/heartbeat", response_model=HeartbeatAck)
    def heartbeat(beat: Heartbeat, who: Principal = Depends(auth)) -> HeartbeatAck:
        """The terminal's state now (versions, devices, paper, backlog); the last one is kept."""
        now = datetime.now(UTC)
        with db.session() as s:
            record(s, who, beat, now)
        return HeartbeatAck(received_at=now)

    return router
