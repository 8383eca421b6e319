"""Searches that found nothing: only the query the citizen stopped at counts, and only short
texts without a digit are kept; the heartbeat carries the last days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pydantic import ValidationError
from sqlalchemy import text

from kiosk.catalog.misses import KEEP_DAYS, SETTLE_S, SearchMisses, keepable, recent
from kiosk.contract import SearchMissDay
from kiosk.store import Store

DAY = date(2026, 12, 3)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def misses(store: Store, clock: Clock, day: list[date] | None = None) -> SearchMisses:
    days = day or [DAY]
    return SearchMisses(store, today=lambda: days[0], clock=clock)


def test_keystrokes_do_not_count_only_the_query_stopped_at(store: Store) -> None:
    clock = Clock()
    m = misses(store, clock)
    for typed in ("火", "火星", "火星移", "火星移民"):  # typed on, each quickly
        m.observe(typed, 0)
        clock.now += 0.3
    clock.now += SETTLE_S
    m.observe("社保", 5)  # a new search after a pause: 火星移民 was final
    clock.now += SETTLE_S
    m.observe("社保卡", 3)  # typing on after a pause: 社保 was not final (and found things)
    m.flush()  # the visit ends on a search that found something
    (today,) = recent(store, today=DAY)
    assert (today.count, today.queries) == (1, {"火星移民": 1})


def test_a_pause_then_typing_on_is_not_a_stop_but_the_visit_end_is(store: Store) -> None:
    clock = Clock()
    m = misses(store, clock)
    m.observe("无房", 0)
    clock.now += SETTLE_S * 2
    m.observe("无房证明", 0)  # extends the query it paused at
    assert recent(store, today=DAY) == []
    m.flush()
    m.flush()  # a second end counts nothing more
    assert recent(store, today=DAY)[0].queries == {"无房证明": 1}


@pytest.mark.parametrize(
    ("query", "kept"),
    [
        ("护照办理", "护照办理"),
        ("  火星  移民 ", "火星 移民"),
        ("13912345678", ""),  # a phone: counted only
        ("张三440106199001011234", ""),
        ("查询１２号", ""),  # full-width digits are digits too
        ("我想问一下怎么给孩子办理出生证明", ""),  # longer than 12: counted only
    ],
)
def test_only_short_texts_without_digits_are_kept(query: str, kept: str) -> None:
    assert keepable(query) == kept


def test_a_personal_query_is_counted_and_its_text_is_forgotten(store: Store) -> None:
    m = misses(store, Clock())
    m.record("13912345678")
    m.record("户口")
    (today,) = recent(store, today=DAY)
    assert (today.count, today.queries) == (2, {"户口": 1})
    dump = today.model_dump_json()
    assert "1391234" not in dump
    with store.session() as s:
        values = s.execute(text("SELECT value FROM terminal_meta")).all()
    assert not any("1391234" in v[0] for v in values)


def test_days_are_kept_two_weeks_and_the_last_seven_are_sent(store: Store) -> None:
    day = [DAY - timedelta(days=KEEP_DAYS + 3)]
    m = misses(store, Clock(), day)
    for offset in range(KEEP_DAYS + 4):
        day[0] = DAY - timedelta(days=KEEP_DAYS + 3 - offset)
        m.record("户口")
    sent = recent(store, today=DAY)
    assert [d.day for d in sent] == [DAY - timedelta(days=n) for n in range(6, -1, -1)]
    with store.session() as s:
        kept = s.execute(
            text("SELECT COUNT(*) FROM terminal_meta WHERE key LIKE 'search_misses:%'")
        ).scalar()
    assert kept == KEEP_DAYS + 1


def test_the_wire_refuses_a_query_text_that_could_be_personal() -> None:
    SearchMissDay(day=DAY, count=1, queries={"户口": 1})
    for bad in ({"13912345678": 1}, {"一二三四五六七八九十一二三": 1}, {"户口": 0}):
        with pytest.raises(ValidationError):
            SearchMissDay(day=DAY, count=1, queries=bad)


def test_the_wire_refuses_counts_no_database_integer_can_hold() -> None:
    # Found by schemathesis: a count past 2**63 reached SQLite and central answered 500.
    for count, queries in ((2**64, {}), (1, {"户口": 2**64}), (-1, {})):
        with pytest.raises(ValidationError):
            SearchMissDay(day=DAY, count=count, queries=queries)
    SearchMissDay(day=DAY, count=1_000_000, queries={"户口": 1_000_000})
