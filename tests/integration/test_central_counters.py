"""Central's counters (queue, case and tracking numbers) under concurrent writers, on SQLite
and on PostgreSQL: every increment gets its own value, none lost, none repeated."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from central.cases import CASE_STRIPES, next_case_no
from central.counters import next_value
from central.db import Counter, Database
from tests.conftest import CentralDb

WRITERS = 8
EACH = 25


@pytest.fixture
def db(central_db: CentralDb) -> Iterator[Database]:
    database = Database(central_db.url, central_db.seal_key_file)
    yield database
    database.close()


def test_a_counter_starts_at_one_and_counts_per_name(db: Database) -> None:
    with db.session() as s:
        assert [next_value(s, "case:20261203") for _ in range(3)] == [1, 2, 3]
        assert next_value(s, "case:20261204") == 1
    with db.session() as s:
        assert s.get(Counter, "case:20261203").value == 3  # type: ignore[union-attr]


def test_concurrent_writers_each_get_distinct_consecutive_numbers(db: Database) -> None:
    got: list[int] = []
    failures: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(WRITERS)

    def writer() -> None:
        try:
            start.wait()
            for _ in range(EACH):
                with db.session() as s:  # one transaction per number, as a request does
                    value = next_value(s, "queue:H0001:A:2026-12-03")
                with lock:
                    got.append(value)
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    threads = [threading.Thread(target=writer) for _ in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not failures
    assert sorted(got) == list(range(1, WRITERS * EACH + 1))


def test_a_number_taken_in_a_transaction_that_fails_is_given_again(db: Database) -> None:
    with db.session() as s:
        assert next_value(s, "ZG:20261203") == 1
    with pytest.raises(RuntimeError), db.session() as s:
        assert next_value(s, "ZG:20261203") == 2
        raise RuntimeError("the request failed after taking a number")
    with db.session() as s:
        assert next_value(s, "ZG:20261203") == 2


def test_case_numbers_are_unique_across_terminals_and_never_a_six_digit_one(
    db: Database,
) -> None:
    """Case numbers come from striped counters: 40 terminals drawing at once, from threads in
    transactions of their own, never get the same number; a terminal's numbers rise, in steps
    of its stripe (shared with other terminals); and none has the six digits older versions
    wrote (so never one of theirs)."""
    terminals = [f"T{i:03d}" for i in range(40)]
    got: dict[str, list[str]] = {t: [] for t in terminals}
    failures: list[BaseException] = []
    start = threading.Barrier(len(terminals))

    def terminal(terminal_id: str) -> None:
        try:
            start.wait()
            for _ in range(5):
                with db.session() as s:
                    got[terminal_id].append(next_case_no(s, terminal_id, "20261205"))
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    threads = [threading.Thread(target=terminal, args=(t,)) for t in terminals]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not failures
    numbers = [n for ns in got.values() for n in ns]
    assert len(set(numbers)) == len(numbers) == 200
    assert all(len(n) == len("ZW20261205") + 7 and n.startswith("ZW20261205") for n in numbers)
    for ns in got.values():
        seq = [int(n[-7:]) for n in ns]
        steps = [b - a for a, b in zip(seq, seq[1:], strict=False)]
        assert all(step > 0 and step % CASE_STRIPES == 0 for step in steps), seq
    stripes = {int(ns[0][-7:]) % CASE_STRIPES for ns in got.values()}
    assert len(stripes) > 1, "the terminals are spread over the stripes"
