"""Figures for supervision (notice 六): one hall, one day, from central's own records.

Applications per service and ratings by level come from the intake ledger (the sealed bodies
are opened for the service code and the level only; nothing personal leaves this module);
tickets, waits (issue → call, p50/p90) and windows from the calls; follow-ups from the plans
(closed on time, closed late, open and overdue). :func:`to_csv` writes the same figures as
rows of ``section,key,value``.
"""

from __future__ import annotations

import csv
import io
import json
import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlmodel import Session, col, select

from central.db import (
    Database,
    FollowUpPlanRow,
    IntakeItem,
    SearchMissRow,
    Terminal,
    TicketCallRow,
    TicketRow,
    as_utc,
)
from central.plans import BAD_LEVELS, closed_on_time

LEVEL_NAMES = {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}


@dataclass
class QueueFigures:
    tickets: int = 0
    called: int = 0
    wait_p50_min: float | None = None
    wait_p90_min: float | None = None


@dataclass
class WindowFigures:
    calls: int = 0
    done: int = 0
    no_show: int = 0
    service_mean_min: float | None = None


@dataclass
class Figures:
    """One hall's day."""

    hall_id: str
    day: date
    applications: Counter[str] = field(default_factory=Counter)
    queues: dict[str, QueueFigures] = field(default_factory=dict)
    windows: dict[int, WindowFigures] = field(default_factory=dict)
    ratings: Counter[int] = field(default_factory=Counter)
    followups: Counter[str] = field(default_factory=Counter)
    # 群众点菜: suggestions left at the terminals that day, by their topic (kind).
    suggestions: Counter[str] = field(default_factory=Counter)
    # 搜索无结果: searches on the hall's terminals whose final query found nothing, and the
    # texts of those the terminals could keep (short, no digits), summed over terminals.
    search_misses: int = 0
    missed_queries: Counter[str] = field(default_factory=Counter)

    @property
    def bad_rating_rate(self) -> float | None:
        total = sum(self.ratings.values())
        if not total:
            return None
        return sum(self.ratings[level] for level in BAD_LEVELS) / total


def _quantile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return round(values[0], 1)
    cuts = statistics.quantiles(values, n=10, method="inclusive")
    return round(cuts[int(q * 10) - 1], 1)


def _bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0)).astimezone()
    return start, start + timedelta(days=1)


def compute(db: Database, s: Session, hall_id: str, day: date) -> Figures:
    """The figures of ``day`` (the hall's local day) for ``hall_id``."""
    out = Figures(hall_id, day)
    iso = day.isoformat()
    terminals = list(s.exec(select(Terminal.terminal_id).where(Terminal.hall_id == hall_id)))
    start, end = _bounds(day)
    items = s.exec(
        select(IntakeItem).where(
            col(IntakeItem.terminal_id).in_(terminals),
            col(IntakeItem.kind).in_(("submission", "evaluation", "consultation")),
        )
    ).all()
    for item in items:
        accepted = as_utc(item.accepted_at)
        if not start <= accepted < end:
            continue
        body = json.loads(db.open_body(item))
        if item.kind == "submission":
            out.applications[str(body.get("service_code", "?"))] += 1
        elif item.kind == "consultation":
            # Only the category and the fixed topic are read; the text stays sealed.
            if body.get("category") == "suggestion":
                out.suggestions[str(body.get("topic") or "我有建议")] += 1
        else:
            out.ratings[int(body.get("level", 0))] += 1
    waits: dict[str, list[float]] = {}
    for ticket in s.exec(
        select(TicketRow).where(TicketRow.hall_id == hall_id, TicketRow.day == iso)
    ).all():
        if not ticket.void:
            out.queues.setdefault(ticket.queue, QueueFigures()).tickets += 1
    spans: dict[int, list[float]] = {}
    for call, ticket in s.exec(
        select(TicketCallRow, TicketRow)
        .join(TicketRow, col(TicketRow.ticket_id) == col(TicketCallRow.ticket_id))
        .where(TicketCallRow.hall_id == hall_id, TicketCallRow.day == iso)
    ).all():
        queue = out.queues.setdefault(ticket.queue, QueueFigures())
        queue.called += 1
        minutes = (as_utc(call.called_at) - as_utc(ticket.issued_at)).total_seconds() / 60
        waits.setdefault(ticket.queue, []).append(max(0.0, minutes))
        window = out.windows.setdefault(call.window_no, WindowFigures())
        window.calls += 1
        if call.state == "done" and call.finished_at is not None:
            window.done += 1
            served = (as_utc(call.finished_at) - as_utc(call.called_at)).total_seconds() / 60
            spans.setdefault(call.window_no, []).append(served)
        elif call.state == "no_show":
            window.no_show += 1
    for code, values in waits.items():
        out.queues[code].wait_p50_min = _quantile(values, 0.5)
        out.queues[code].wait_p90_min = _quantile(values, 0.9)
    for no, values in spans.items():
        out.windows[no].service_mean_min = round(statistics.fmean(values), 1)
    for miss in s.exec(
        select(SearchMissRow).where(SearchMissRow.hall_id == hall_id, SearchMissRow.day == iso)
    ).all():
        out.search_misses += miss.count
        out.missed_queries.update(json.loads(miss.queries))
    today = datetime.now().astimezone().date()
    for plan in s.exec(select(FollowUpPlanRow).where(FollowUpPlanRow.hall_id == hall_id)).all():
        if plan.closed_at is not None:
            out.followups["closed_on_time" if closed_on_time(plan) else "closed_late"] += 1
        elif date.fromisoformat(plan.deadline) < today:
            out.followups["open_overdue"] += 1
        else:
            out.followups["open"] += 1
    return out


def to_csv(figures: Figures) -> str:
    """``section,key,value`` rows (UTF-8 with BOM added by the caller for spreadsheets)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["hall", "day", "section", "key", "value"])
    head = [figures.hall_id, figures.day.isoformat()]
    for service, count in sorted(figures.applications.items()):
        writer.writerow([*head, "applications", service, count])
    for code, queue in sorted(figures.queues.items()):
        writer.writerow([*head, "tickets", code, queue.tickets])
        writer.writerow([*head, "called", code, queue.called])
        writer.writerow([*head, "wait_p50_min", code, queue.wait_p50_min])
        writer.writerow([*head, "wait_p90_min", code, queue.wait_p90_min])
    for no, window in sorted(figures.windows.items()):
        writer.writerow([*head, "window_calls", no, window.calls])
        writer.writerow([*head, "window_done", no, window.done])
        writer.writerow([*head, "window_no_show", no, window.no_show])
        writer.writerow([*head, "window_service_mean_min", no, window.service_mean_min])
    for level in sorted(LEVEL_NAMES, reverse=True):
        writer.writerow([*head, "ratings", level, figures.ratings[level]])
    rate = figures.bad_rating_rate
    writer.writerow([*head, "bad_rating_rate", "", "" if rate is None else round(rate, 4)])
    for key in ("closed_on_time", "closed_late", "open_overdue", "open"):
        writer.writerow([*head, "followups", key, figures.followups[key]])
    writer.writerow([*head, "search_misses", "", figures.search_misses])
    for query, count in figures.missed_queries.most_common(20):
        writer.writerow([*head, "search_miss_query", query, count])
    writer.writerow([*head, "suggestions", "", sum(figures.suggestions.values())])
    for topic, count in sorted(figures.suggestions.items()):
        writer.writerow([*head, "suggestions", topic, count])
    return buffer.getvalue()


def bars(values: list[tuple[str, float]], unit: str = "") -> str:
    """A small horizontal bar chart as inline SVG (no script, no external library)."""
    if not values:
        return ""
    top = max(v for _, v in values) or 1
    rows = []
    for i, (label, value) in enumerate(values):
        width = int(500 * value / top)
        y = i * 34
        rows.append(
            f'<text x="0" y="{y + 22}" font-size="18">{_esc(label)}</text>'
            f'<rect x="140" y="{y + 6}" width="{width}" height="22" fill="#1f4e8c"></rect>'
            f'<text x="{150 + width}" y="{y + 22}" font-size="18">{value:g}{_esc(unit)}</text>'
        )
    height = len(values) * 34 + 6
    return (
        f'<svg role="img" width="760" height="{height}" viewBox="0 0 760 {height}">'
        + "".join(rows)
        + "</svg>"
    )


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
