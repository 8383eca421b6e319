"""Follow-ups that close: each complaint, question and bad rating gets a deadline and an owner.

A complaint or a question opens a plan when it arrives; a rating of 不满意 (2) or 非常不满意 (1)
opens a 整改 (rectification) with its own tracking number, which the citizen can look up like
a complaint's. The deadline counts working days of the hall's calendar (the published
arrangement, else the statutory holidays): :data:`DEADLINE_WORKING_DAYS`. Staff record the
owner, what was done and the result in the console; closing a plan answers the citizen (the
follow-up's answer, which terminals show by tracking number). Open plans past their deadline
stand out on the console's list.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlmodel import Session, col, select

from central.counters import next_value
from central.db import CalendarRow, FollowUpPlanRow, FollowUpRow, as_utc
from kiosk.contract.calendar import CalendarDocument, DayUnit, WorkCalendar

# 国办发〔2019〕51号: bad ratings verified and fixed within 15 working days; the reference
# hall answers complaints in 15, questions in 5 and suggestions (群众点菜: a question of
# category "suggestion", looked up like one) in 15.
DEADLINE_WORKING_DAYS = {"complaint": 15, "consultation": 5, "rectification": 15, "suggestion": 15}
BAD_LEVELS = (1, 2)
KIND_NAMES = {
    "complaint": "投诉",
    "consultation": "咨询",
    "rectification": "差评整改",
    "suggestion": "群众建议",
}
_TAIL = "23456789ABCDEFGHJKMNPQRSTVWXYZ"


def hall_calendar(s: Session) -> WorkCalendar:
    row = s.get(CalendarRow, 1)
    docs = [CalendarDocument.model_validate_json(row.body)] if row is not None else []
    return WorkCalendar.with_documents(docs)


def open_plan(
    s: Session, tracking_no: str, hall_id: str, kind: str, now: datetime, level: int | None = None
) -> FollowUpPlanRow:
    """The plan of a new follow-up, due after the kind's working days."""
    start = now.astimezone().date()
    due = hall_calendar(s).add(start, DEADLINE_WORKING_DAYS[kind], DayUnit.WORKING)
    plan = FollowUpPlanRow(
        tracking_no=tracking_no,
        hall_id=hall_id,
        kind=kind,
        opened_at=now,
        deadline=due.day.isoformat(),
        level=level,
    )
    s.add(plan)
    return plan


def open_rectification(
    s: Session, hall_id: str, level: int, now: datetime, tracking_no: str | None
) -> str:
    """A bad rating's 整改: its follow-up and plan; the tracking number (the terminal's)."""
    if not tracking_no:
        day = now.strftime("%Y%m%d")
        tail = "".join(secrets.choice(_TAIL) for _ in range(4))
        tracking_no = f"ZG{day}{next_value(s, f'ZG:{day}'):06d}{tail}"
    if s.get(FollowUpRow, tracking_no) is None:
        s.add(FollowUpRow(tracking_no=tracking_no, kind="rectification"))
        open_plan(s, tracking_no, hall_id, "rectification", now, level)
    return tracking_no


@dataclass(frozen=True)
class PlanView:
    """A plan on the console's list."""

    plan: FollowUpPlanRow
    state: str
    overdue: bool
    days_left: int


def open_plans(s: Session, hall_id: str, today: date) -> list[PlanView]:
    """The hall's open plans, overdue first, then by deadline."""
    rows = s.exec(
        select(FollowUpPlanRow, FollowUpRow)
        .join(FollowUpRow, col(FollowUpRow.tracking_no) == col(FollowUpPlanRow.tracking_no))
        .where(FollowUpPlanRow.hall_id == hall_id, col(FollowUpPlanRow.closed_at).is_(None))
        .order_by(col(FollowUpPlanRow.deadline))
    ).all()
    out = []
    for plan, follow in rows:
        left = (date.fromisoformat(plan.deadline) - today).days
        out.append(PlanView(plan, follow.state, left < 0, left))
    return out


def update_plan(
    s: Session,
    hall_id: str,
    tracking_no: str,
    *,
    owner: str,
    action: str,
    result: str,
    close: bool,
    now: datetime | None = None,
) -> FollowUpPlanRow | None:
    """Record the work; closing answers the citizen with ``result`` (None: not this hall's)."""
    plan = s.get(FollowUpPlanRow, tracking_no)
    follow = s.get(FollowUpRow, tracking_no)
    if plan is None or follow is None or plan.hall_id != hall_id or plan.closed_at is not None:
        return None
    now = now or datetime.now(UTC)
    plan.owner, plan.action, plan.result = owner.strip(), action.strip(), result.strip()
    follow.state = "in_progress"
    if close:
        plan.closed_at = now
        follow.state = "closed" if plan.kind == "rectification" else "answered"
        follow.answer = plan.result
    follow.updated_at = now
    s.add(plan)
    s.add(follow)
    return plan


def closed_on_time(plan: FollowUpPlanRow) -> bool:
    """Closed by the end of its deadline day (local time)."""
    if plan.closed_at is None:
        return False
    return as_utc(plan.closed_at).astimezone().date() <= date.fromisoformat(plan.deadline)


class AppealRefused(Exception):
    """``reason``: ``unknown``, ``not_closed``, ``not_appealable`` or ``already_appealed``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def appeal(s: Session, hall_id: str, tracking_no: str, reason: str, now: datetime) -> FollowUpRow:
    """Reopen a closed 整改 of this hall once, with a new deadline (申诉)."""
    plan = s.get(FollowUpPlanRow, tracking_no)
    follow = s.get(FollowUpRow, tracking_no)
    if plan is None or follow is None or plan.hall_id != hall_id:
        raise AppealRefused("unknown")
    if plan.kind != "rectification":
        raise AppealRefused("not_appealable")
    if plan.appealed_at is not None:
        raise AppealRefused("already_appealed")
    if plan.closed_at is None:
        raise AppealRefused("not_closed")
    start = now.astimezone().date()
    due = hall_calendar(s).add(start, DEADLINE_WORKING_DAYS["rectification"], DayUnit.WORKING)
    plan.appealed_at, plan.appeal_reason = now, reason
    plan.closed_at, plan.deadline = None, due.day.isoformat()
    follow.state, follow.updated_at = "appealed", now
    s.add(plan)
    s.add(follow)
    return follow
