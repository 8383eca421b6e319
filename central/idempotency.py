"""Idempotency keys (IETF httpapi draft semantics), per terminal.

* same key, same body → the first answer replayed;
* same key, other body → 422;
* same key while the first request is still being processed → it waits for the first and
  gets its answer replayed (a key repeated within one request, or claimed by an older version
  that has not answered: 409, retry later);
* keys are kept ``retention`` (30 days by default: longer than any terminal outage).

A request's keys are claimed and its work done in one transaction: the claim (a row under
the unique key (terminal, key)), the business rows and the stored answer commit together or
not at all. A concurrent duplicate waits at the claim until the first commits (SQLite: the
write lock every transaction takes; PostgreSQL: the unique index) and then gets the first
answer replayed; if the first rolled back, the duplicate performs the work itself. A claim
committed without its answer ("processing", written by versions that claimed in a
transaction of their own) is answered 409 and taken over after ``lease``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, update
from sqlalchemy.exc import DataError, IntegrityError, StatementError
from sqlmodel import Session, col, select

from central.counters import insert_with_conflicts
from central.db import DATABASE_UNAVAILABLE, Database, IdempotencyRecord, as_utc
from central.throttle import Throttle

log = logging.getLogger(__name__)

Handler = Callable[[Session], tuple[int, dict[str, Any]]]


class Rejected(Exception):
    """A handler refusing an item for good (answered with ``status``, stored, replayed)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Work:
    """One keyed operation: the body's hash and the handler that performs it."""

    key: str
    scope: str
    body_hash: str
    handler: Handler


@dataclass(frozen=True)
class Outcome:
    """The answer for one key."""

    status: int
    body: dict[str, Any]
    replayed: bool = False


def body_hash(body: Any) -> str:
    """sha256 of the canonical JSON of a parsed body (key order and spacing do not matter)."""
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


PURGE_EVERY_S = 3600.0


class Idempotency:
    """Runs keyed work exactly once per (terminal, key); ``clock`` gives the time in seconds
    since the epoch (``time.time``; tests pass their own)."""

    def __init__(
        self,
        db: Database,
        retention: timedelta = timedelta(days=30),
        lease: timedelta = timedelta(seconds=60),
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.db = db
        self.retention = retention
        self.lease = lease
        self.clock = clock
        self._purge = Throttle(PURGE_EVERY_S)

    def _now(self) -> datetime:
        return datetime.fromtimestamp(self.clock(), UTC)

    def run(self, terminal_id: str, works: list[Work]) -> list[Outcome]:
        """Answer every work item, in order; new ones are performed in one transaction with
        their claims (an error escaping it takes the claims back with the work)."""
        self._maybe_purge()
        outcomes: list[Outcome | None] = [None] * len(works)
        with self.db.session() as s:
            claimed = self._claim(s, terminal_id, works, outcomes)
            if claimed:
                self._perform(s, terminal_id, works, claimed, outcomes)
        return [o if o is not None else Outcome(500, {"detail": "not processed"}) for o in outcomes]

    def _claim(
        self, s: Session, terminal_id: str, works: list[Work], outcomes: list[Outcome | None]
    ) -> dict[int, str]:
        """Claim new keys; fill ``outcomes`` for replays and conflicts."""
        claimed: dict[int, str] = {}
        now = self._now()
        seen_in_request: dict[str, int] = {}
        for i, work in enumerate(works):
            if work.key in seen_in_request:
                outcomes[i] = Outcome(409, {"detail": "key repeated within the request"})
                continue
            seen_in_request[work.key] = i
            lease = secrets.token_hex(8)
            if self._insert_claim(s, terminal_id, work, lease, now):
                claimed[i] = lease
                continue
            rec = self._record(s, terminal_id, work.key)
            if rec is None:  # purged between the two statements: let the terminal retry
                outcomes[i] = Outcome(409, {"detail": "request with this key in progress"})
                continue
            if rec.body_hash != work.body_hash or rec.scope != work.scope:
                outcomes[i] = Outcome(
                    422, {"detail": "idempotency key reused with a different body"}
                )
            elif rec.state == "done":
                outcomes[i] = Outcome(
                    rec.status_code or 200, json.loads(rec.response or "{}"), replayed=True
                )
            elif as_utc(rec.created_at) + self.lease > now:
                outcomes[i] = Outcome(409, {"detail": "request with this key in progress"})
            else:  # a claim committed without its answer, and its lease is over: take it
                rec.lease, rec.created_at = lease, now
                s.add(rec)
                claimed[i] = lease
        return claimed

    @staticmethod
    def _insert_claim(s: Session, terminal_id: str, work: Work, lease: str, now: datetime) -> bool:
        """Claim the key unless someone has: one ``INSERT … ON CONFLICT DO NOTHING``. On
        PostgreSQL a concurrent claim not yet committed makes it wait for that transaction:
        its row counts once committed, and the key is free again if it rolled back."""
        statement = (
            insert_with_conflicts(s)(IdempotencyRecord)
            .values(
                terminal_id=terminal_id,
                key=work.key,
                scope=work.scope,
                body_hash=work.body_hash,
                state="processing",
                lease=lease,
                created_at=now,
            )
            .on_conflict_do_nothing(
                index_elements=[col(IdempotencyRecord.terminal_id), col(IdempotencyRecord.key)]
            )
            .returning(col(IdempotencyRecord.id))
        )
        return s.execute(statement).first() is not None

    @staticmethod
    def _record(s: Session, terminal_id: str, key: str) -> IdempotencyRecord | None:
        return s.exec(
            select(IdempotencyRecord).where(
                IdempotencyRecord.terminal_id == terminal_id,
                IdempotencyRecord.key == key,
            )
        ).first()

    def _perform(
        self,
        s: Session,
        terminal_id: str,
        works: list[Work],
        claimed: dict[int, str],
        outcomes: list[Outcome | None],
    ) -> None:
        """Business rows and stored answers, in the claims' transaction."""
        for i, lease in claimed.items():
            work = works[i]
            # Each item runs in its own SAVEPOINT: whatever it fails with is rolled back
            # alone, and its neighbours in the batch are still committed.
            try:
                with s.begin_nested():
                    status, body = work.handler(s)
            except DATABASE_UNAVAILABLE:
                raise  # not the item's fault: the request is answered 503 and comes back
            except Rejected as exc:
                status, body = exc.status, {"detail": str(exc)}
            except IntegrityError as exc:
                # A unique constraint (e.g. a ticket number its origin already used): the
                # item can never succeed as sent, so this is its final, replayed answer.
                log.warning("%s: item conflicts with stored data (%s)", work.scope, _cause(exc))
                status, body = 422, {"detail": f"conflict: {_cause(exc)}"}
            except Exception as exc:
                if not _out_of_range(exc):
                    # A fault of ours, not the item's: answer 500 for this item alone and
                    # free its key, so the terminal retries it; the neighbours go through.
                    log.exception("%s: item failed", work.scope)
                    self._unclaim(s, terminal_id, work.key, lease)
                    outcomes[i] = Outcome(500, {"detail": "internal error; retry later"})
                    continue
                # A date, number or text that leaves the calendar or its column.
                status, body = 422, {"detail": "value out of range"}
            done = s.execute(
                update(IdempotencyRecord)
                .where(
                    IdempotencyRecord.terminal_id == terminal_id,  # type: ignore[arg-type]
                    IdempotencyRecord.key == work.key,  # type: ignore[arg-type]
                    IdempotencyRecord.lease == lease,  # type: ignore[arg-type]
                )
                .values(state="done", status_code=status, response=json.dumps(body))
            )
            if done.rowcount != 1:  # type: ignore[attr-defined]
                raise RuntimeError("idempotency claim lost while processing")
            outcomes[i] = Outcome(status, body)

    @staticmethod
    def _unclaim(s: Session, terminal_id: str, key: str, lease: str) -> None:
        s.execute(
            delete(IdempotencyRecord).where(
                IdempotencyRecord.terminal_id == terminal_id,  # type: ignore[arg-type]
                IdempotencyRecord.key == key,  # type: ignore[arg-type]
                IdempotencyRecord.lease == lease,  # type: ignore[arg-type]
            )
        )

    def _maybe_purge(self) -> None:
        now = self.clock()
        with self._purge.turn(now) as due:
            if not due:
                return
            cutoff = datetime.fromtimestamp(now, UTC) - self.retention
            with self.db.session() as s:
                s.execute(
                    delete(IdempotencyRecord).where(
                        IdempotencyRecord.created_at < cutoff  # type: ignore[arg-type]
                    )
                )


def _cause(exc: IntegrityError) -> str:
    """Which constraint failed, without the statement's parameters (they may be personal)."""
    text = str(exc.orig).lower()
    if "unique" in text or "duplicate" in text:
        return "already recorded under another key"
    return "violates a database constraint"


def _out_of_range(exc: Exception) -> bool:
    """Whether a handler failed on a value no calendar or column can hold: SQLite's driver
    raises ``OverflowError`` past 64 bits; PostgreSQL refuses a number past its column's
    type or text past its length (``DataError``), which SQLite would have stored."""
    if isinstance(exc, DataError):
        return True
    cause = exc.orig if isinstance(exc, StatementError) else exc
    return isinstance(cause, OverflowError)
