"""What SQLite lets pass and PostgreSQL does not, checked on both engines: times come back
in UTC whatever the server's zone (the test cluster runs in Asia/Shanghai), a time range
selects the same rows, a unique violation is an ``IntegrityError``, and a statement past the
timeout is cancelled by the server."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session, col, select

from central.db import (
    AuditRow,
    Counter,
    Database,
    IdempotencyRecord,
    PoolSettings,
    SeenSignature,
    as_utc,
)
from central.idempotency import Idempotency, Work, body_hash
from tests.conftest import CentralDb

WHEN = datetime(2026, 12, 3, 23, 30, tzinfo=UTC)  # already the 4th in Beijing


@pytest.fixture
def db(central_db: CentralDb) -> Iterator[Database]:
    database = Database(central_db.url, central_db.seal_key_file)
    yield database
    database.close()


def test_a_stored_time_reads_back_as_the_same_utc_instant(db: Database) -> None:
    with db.session() as s:
        s.add(AuditRow(at=WHEN, actor="staff:a", action="login"))
    with db.session() as s:
        (row,) = s.exec(select(AuditRow)).all()
        raw = s.execute(select(col(AuditRow.at))).scalar_one()
        typed = s.connection().exec_driver_sql("SELECT at FROM central_audit").scalar_one()
    if db.engine.dialect.name == "postgresql":
        # Raw SQL (reports, ``psql``, date functions) sees the session's zone: central's
        # sessions are pinned to UTC, like the naive UTC values of SQLite.
        assert typed.utcoffset() == timedelta(0)
    for value in (row.at, raw):
        assert as_utc(value) == WHEN
        # Naive UTC (SQLite) or aware UTC, never the server's zone (+08:00 here).
        assert value.utcoffset() in (None, timedelta(0))
        assert as_utc(value).isoformat() == "2026-12-03T23:30:00+00:00"


def test_a_time_range_selects_the_same_rows(db: Database) -> None:
    with db.session() as s:
        for minute in (0, 10, 20):
            s.add(AuditRow(at=WHEN.replace(minute=minute), actor="x", action=f"m{minute}"))
    with db.session() as s:
        later = col(AuditRow.at) > WHEN.replace(minute=5)
        rows = s.exec(select(AuditRow.action).where(later).order_by(col(AuditRow.at))).all()
    assert list(rows) == ["m10", "m20"]


def test_a_repeated_nonce_is_an_integrity_error(db: Database) -> None:
    with db.session() as s:
        s.add(SeenSignature(terminal_id="T01", token="n-1"))
    with pytest.raises(IntegrityError), db.session() as s:
        s.add(SeenSignature(terminal_id="T01", token="n-1"))


def sync_setting(s: Session) -> str:
    """How this session's commit reaches the disk, in the engine's own words."""
    conn = s.connection()
    if conn.dialect.name == "postgresql":
        return str(conn.exec_driver_sql("SHOW synchronous_commit").scalar_one())
    return {0: "off", 1: "normal", 2: "full", 3: "extra"}[
        int(conn.exec_driver_sql("PRAGMA synchronous").scalar_one())
    ]


def test_a_relaxed_session_skips_only_its_own_flush_and_still_commits(db: Database) -> None:
    with db.session(durable=False) as s:
        relaxed = sync_setting(s)
        s.add(SeenSignature(terminal_id="T01", token="relaxed"))
    with db.session() as s:
        durable = sync_setting(s)
        s.add(SeenSignature(terminal_id="T01", token="durable"))
    with db.session() as s:
        tokens = set(s.exec(select(SeenSignature.token)).all())
        after = sync_setting(s)
    assert tokens == {"relaxed", "durable"}
    if db.engine.dialect.name == "postgresql":
        # The test cluster itself runs with synchronous_commit=off (tests/pg.py): durable
        # sessions keep the server's setting, the relaxed one sets it for itself only.
        with db.session() as s:
            server = s.execute(
                text("SELECT reset_val FROM pg_settings WHERE name = 'synchronous_commit'")
            ).scalar_one()
        assert (relaxed, durable, after) == ("off", server, server)
    else:
        assert (relaxed, durable, after) == ("normal", "full", "full")


@pytest.mark.pg
@pytest.mark.slow
@pytest.mark.parametrize("central_engine", ["postgresql"], ids=["pg"])
def test_a_statement_running_past_the_timeout_is_cancelled(central_db: CentralDb) -> None:
    quick = Database(
        central_db.url, central_db.seal_key_file, PoolSettings(statement_timeout_ms=200)
    )
    try:
        started = time.monotonic()
        with pytest.raises(OperationalError, match="statement timeout"), quick.session() as s:
            s.execute(text("SELECT pg_sleep(5)"))
        assert time.monotonic() - started < 3
        assert quick.check() is None  # the connection is still good for the next request
    finally:
        quick.close()


def test_a_number_no_column_holds_is_the_items_422_on_both_engines(db: Database) -> None:
    """SQLite's driver overflows past 64 bits, PostgreSQL refuses it (``DataError``): either
    way the item is answered 422 for good (replayed), not 500 and retried forever."""

    def handler(s: Session) -> tuple[int, dict[str, Any]]:
        s.add(Counter(name="too-big", value=2**63))
        s.flush()
        return 201, {}

    idem = Idempotency(db)
    work = Work("key-too-big", "test", body_hash({"n": 2**63}), handler)
    (first,) = idem.run("T01", [work])
    (again,) = idem.run("T01", [work])
    assert (first.status, first.body) == (422, {"detail": "value out of range"})
    assert again.status == 422 and again.replayed
    with db.session() as s:
        assert s.get(Counter, "too-big") is None


def test_a_duplicate_arriving_while_the_first_is_performed_gets_its_answer_replayed(
    db: Database,
) -> None:
    """The claim and the work are one transaction: a second request with the same key waits
    at its claim (SQLite's write lock, PostgreSQL's unique index) until the first commits,
    then gets the first answer replayed; the work is done once."""
    inside, performed = threading.Event(), []

    def handler(s: Session) -> tuple[int, dict[str, Any]]:
        performed.append(1)
        s.add(Counter(name="performed", value=len(performed)))
        s.flush()
        inside.set()
        time.sleep(0.4)  # still in the transaction when the duplicate arrives
        return 201, {"n": len(performed)}

    idem = Idempotency(db)
    work = Work("key-duplicate", "test", body_hash({"x": 1}), handler)
    answers: list[Any] = []
    first = threading.Thread(target=lambda: answers.append(idem.run("T01", [work])[0]))
    first.start()
    assert inside.wait(10)
    (second,) = idem.run("T01", [work])
    first.join(10)
    assert performed == [1]
    assert (answers[0].status, answers[0].body, answers[0].replayed) == (201, {"n": 1}, False)
    assert (second.status, second.body, second.replayed) == (201, {"n": 1}, True)


def test_an_error_escaping_the_transaction_takes_the_claim_back_with_the_work(
    db: Database,
) -> None:
    """Nothing of a request whose transaction fails is kept, its claim included: the retry
    performs the work (once) instead of being told the key is in progress."""

    def handler(s: Session) -> tuple[int, dict[str, Any]]:
        s.add(AuditRow(at=WHEN, actor="test", action="performed", target="key-escape"))
        s.flush()
        return 201, {}

    class FailingCommit(Idempotency):
        fail = True

        def _perform(self, *args: Any) -> None:
            super()._perform(*args)
            if self.fail:
                self.fail = False
                raise OperationalError("COMMIT", {}, Exception("disk I/O error"))

    idem = FailingCommit(db)
    work = Work("key-escape", "test", body_hash({}), handler)
    with pytest.raises(OperationalError):
        idem.run("T01", [work])
    (retry,) = idem.run("T01", [work])
    assert (retry.status, retry.replayed) == (201, False)
    with db.session() as s:
        rows = s.exec(select(AuditRow).where(AuditRow.target == "key-escape")).all()
    assert len(rows) == 1


def test_a_claim_committed_without_its_answer_is_409_until_its_lease_ends(db: Database) -> None:
    """Versions before one-transaction claims committed the claim alone: such a row left by
    a dead process is answered 409 within the lease and taken over after it."""
    now = [WHEN.timestamp()]
    idem = Idempotency(db, lease=timedelta(seconds=60), clock=lambda: now[0])
    work = Work("key-legacy", "test", body_hash({"y": 2}), lambda s: (201, {"ok": True}))
    with db.session() as s:
        s.add(
            IdempotencyRecord(
                terminal_id="T01",
                key="key-legacy",
                scope="test",
                body_hash=work.body_hash,
                lease="dead-process",
                created_at=WHEN,
            )
        )
    assert idem.run("T01", [work])[0].status == 409
    now[0] += 61
    (taken,) = idem.run("T01", [work])
    assert (taken.status, taken.body, taken.replayed) == (201, {"ok": True}, False)
    assert idem.run("T01", [work])[0].replayed
