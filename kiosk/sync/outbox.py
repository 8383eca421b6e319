"""The transactional outbox: items written with their business row, sent later.

Callers write the business row and call :func:`enqueue` in ONE transaction (``store.session
(write=True)``); nothing is sent here. States::

    pending --claim--> sending --ack--> sent   (personal fields purged after retention)
       ^                  |  \\--permanent--> dead  (staff: kioskctl sync retry-dead)
       +----transient-----+

A row left ``sending`` by a killed process is put back to ``pending`` by :func:`recover`.
Times are stored as UTC text of fixed width so they sort as text.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from sqlalchemy import text
from sqlmodel import Session

from drivers.errors import ReasonError
from kiosk.contract import IntakeKind, parse_intake
from kiosk.store import Store
from kiosk.store.models import OutboxRow
from kiosk.sync.crypto import FieldCipher

DEFAULT_RETENTION_DAYS = 7


class OutboxState(StrEnum):
    """Where an outbox item is in its life."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    DEAD = "dead"


class ErrorKind(StrEnum):
    """What kind of failure an item's last attempt met (``outbox.error_kind``; the sentence
    is ``last_error``). Code asks this, never the sentence."""

    NETWORK = "network"  # central could not be reached: due again as soon as it can
    TRANSIENT = "transient"  # central answered "later" (5xx, 429 …) or the pass was cut short
    AUTH = "auth"  # central refused the terminal's signature, not the item
    REJECTED = "rejected"  # central refused the item for good (dead)
    LOCAL = "local"  # the item cannot be opened here, e.g. its sealed fields (dead)


class OutboxError(ReasonError, ValueError):
    """An item that cannot be queued; ``reason``: ``unknown_kind`` or ``invalid_payload``."""


def iso(moment: datetime) -> str:
    """Fixed-width UTC text (sorts like the time it stands for)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_iso(value: str) -> datetime:
    """The inverse of :func:`iso`."""
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def utcnow() -> datetime:
    """Now, in UTC."""
    return datetime.now(UTC)


def database_dir(session: Session) -> Path:
    """The folder of the session's database file (where the terminal's keys live)."""
    database = session.get_bind().engine.url.database
    if not database or database == ":memory:":
        raise OutboxError("no_key", "the outbox needs a database file (its key lives beside it)")
    return Path(database).resolve().parent


def enqueue(
    session: Session,
    kind: str,
    payload: BaseModel | dict[str, Any],
    key: str | None = None,
    submission_id: int | None = None,
    *,
    cipher: FieldCipher | None = None,
    now: datetime | None = None,
) -> OutboxRow:
    """Queue one item for central inside the caller's open transaction.

    ``payload`` is the contract model of ``kind`` (or its JSON dict); it is validated now, so
    a broken item fails before a receipt is printed, not days later at central. ``key`` is
    the idempotency key (a new UUID when omitted). Personal fields are sealed with
    ``cipher`` (default: the key file in ``<folder of the database>/keys/``). The worker is
    not woken from here; call ``SyncWorker.notify()`` after commit, or let its poll find it.
    """
    try:
        kind = IntakeKind(kind).value
    except ValueError:
        raise OutboxError("unknown_kind", f"unknown outbox kind {kind!r}") from None
    body = payload.model_dump(mode="json") if isinstance(payload, BaseModel) else payload
    try:
        body = parse_intake(kind, body).model_dump(mode="json")
    except ValueError as exc:
        raise OutboxError("invalid_payload", str(exc)) from None
    key = key or uuid.uuid4().hex
    cipher = cipher or FieldCipher.for_data_dir(database_dir(session))
    public, sealed = cipher.seal(body, key)
    stamp = iso(now or utcnow())
    row = OutboxRow(
        kind=kind,
        idempotency_key=key,
        payload=json.dumps(public, ensure_ascii=False, separators=(",", ":")),
        sealed=sealed,
        state=OutboxState.PENDING.value,
        created_at=stamp,
        next_attempt_at=stamp,
        submission_id=submission_id,
    )
    session.add(row)
    session.flush()  # assigns the id and surfaces a duplicate key inside the caller's txn
    return row


def recover(store: Store) -> int:
    """Put rows a killed process left ``sending`` back to ``pending``; returns how many."""
    with store.session(write=True) as s:
        result = s.execute(
            text("UPDATE outbox SET state='pending' WHERE state='sending'"),
        )
        return int(result.rowcount)  # type: ignore[attr-defined]


def retry_dead(store: Store, now: datetime | None = None) -> int:
    """Staff action: give every dead item another go now; returns how many."""
    with store.session(write=True) as s:
        result = s.execute(
            text(
                "UPDATE outbox SET state='pending', next_attempt_at=:now, attempts=0 "
                "WHERE state='dead'"
            ),
            {"now": iso(now or utcnow())},
        )
        return int(result.rowcount)  # type: ignore[attr-defined]


def purge(
    store: Store, now: datetime | None = None, retention_days: int = DEFAULT_RETENTION_DAYS
) -> int:
    """Drop the sealed personal fields of items central acknowledged over ``retention_days``
    ago (the rest of the row stays as a record); returns how many rows were purged."""
    moment = now or utcnow()
    cutoff = iso(moment - timedelta(days=retention_days))
    with store.session(write=True) as s:
        result = s.execute(
            text(
                "UPDATE outbox SET sealed=NULL, purged_at=:now "
                "WHERE state='sent' AND purged_at IS NULL AND sent_at < :cutoff"
            ),
            {"now": iso(moment), "cutoff": cutoff},
        )
        return int(result.rowcount)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class OutboxCounts:
    """How many items are in each state, and how old the oldest waiting one is."""

    pending: int
    sending: int
    sent: int
    dead: int
    oldest_pending_created: datetime | None


def counts(store: Store) -> OutboxCounts:
    """One consistent read of the outbox's state counts."""
    with store.session() as s:
        rows = s.execute(text("SELECT state, count(*) FROM outbox GROUP BY state")).all()
        oldest = s.execute(
            text("SELECT min(created_at) FROM outbox WHERE state IN ('pending','sending')")
        ).scalar()
    by_state = {str(state): int(n) for state, n in rows}
    return OutboxCounts(
        pending=by_state.get("pending", 0),
        sending=by_state.get("sending", 0),
        sent=by_state.get("sent", 0),
        dead=by_state.get("dead", 0),
        oldest_pending_created=parse_iso(oldest) if oldest else None,
    )
