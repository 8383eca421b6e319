"""A week of signed traffic in a moment (an injected clock): central's replay ledger and
idempotency records stay about one window's worth, on SQLite and on PostgreSQL, while a
replay within the window is still refused and a retry within retention still gets the first
answer."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from http_message_signatures import HTTPMessageSigner, HTTPSignatureKeyResolver, algorithms
from requests.structures import CaseInsensitiveDict
from sqlalchemy import func
from sqlmodel import Session, select

from central.auth import PURGE_EVERY_S as AUTH_PURGE_S
from central.auth import Authenticator, AuthError, add_terminal
from central.db import Database, IdempotencyRecord, SeenSignature
from central.idempotency import PURGE_EVERY_S as IDEM_PURGE_S
from central.idempotency import Idempotency, Work, body_hash
from tests.conftest import CentralDb

START = datetime(2026, 3, 2, 0, 0, tzinfo=UTC).timestamp()
WINDOW = timedelta(minutes=5)
RETENTION = timedelta(days=1)
STEP_S = 3600  # each terminal sends a burst every simulated hour
BURST = 2  # requests per terminal per step, 40 s apart
STEPS_A_DAY = 86400 // STEP_S
DAYS = 7
URL = "https://central.example/api/v1/queue/tickets"


class Clock:
    """The simulated time, in seconds since the epoch."""

    def __init__(self, start: float) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


class _Key(HTTPSignatureKeyResolver):
    def __init__(self, secret: bytes) -> None:
        self.secret = secret

    def resolve_private_key(self, key_id: str) -> bytes:
        return self.secret

    def resolve_public_key(self, key_id: str) -> bytes:
        return self.secret


@dataclass
class _Request:
    method: str
    url: str
    headers: Any


@dataclass(frozen=True)
class Sent:
    terminal_id: str
    at: float
    headers: Any
    body: bytes


def signed(terminal_id: str, secret: str, body: bytes, at: float) -> Sent:
    """A POST signed as the terminal signs it, ``created`` at the simulated time ``at``."""
    message = _Request("POST", URL, CaseInsensitiveDict({"content-type": "application/json"}))
    HTTPMessageSigner(
        signature_algorithm=algorithms.HMAC_SHA256, key_resolver=_Key(secret.encode())
    ).sign(
        message,
        key_id=terminal_id,
        created=datetime.fromtimestamp(at, UTC),
        nonce=secrets.token_urlsafe(16),
        covered_component_ids=("@method", "@path", "@query"),
        body=body,
    )
    return Sent(terminal_id, at, message.headers, body)


def _count(db: Database, table: type[Any]) -> int:
    with db.session() as s:
        return int(s.exec(select(func.count()).select_from(table)).one())


@pytest.fixture
def db(central_db: CentralDb) -> Iterator[Database]:
    database = Database(central_db.url, central_db.seal_key_file)
    yield database
    database.close()


@pytest.mark.slow
def test_a_week_of_traffic_keeps_the_ledgers_bounded(db: Database) -> None:
    clock = Clock(START)
    auth = Authenticator(db, window=WINDOW, clock=clock)
    idem = Idempotency(db, retention=RETENTION, clock=clock)
    terminals = {tid: add_terminal(db, tid) for tid in ("T01", "T02")}
    sent: list[Sent] = []
    answers: dict[tuple[str, str], dict[str, Any]] = {}  # (terminal, key) → first answer
    keyed: list[tuple[float, str, str]] = []  # (when, terminal, key)
    most_nonces = most_keys = 0

    def submit(terminal_id: str, key: str) -> dict[str, Any]:
        payload = {"key": key}

        def handler(_s: Session) -> tuple[int, dict[str, Any]]:
            return 201, {"ticket": secrets.token_hex(6)}  # differs at every performance

        (outcome,) = idem.run(terminal_id, [Work(key, "ticket", body_hash(payload), handler)])
        return outcome.body

    n = 0
    while clock.now < START + DAYS * 86400:
        step = clock.now
        for i in range(BURST):
            clock.now = step + 40 * i
            for tid, secret in terminals.items():
                n += 1
                key = f"k{n:06d}"
                req = signed(tid, secret, f'{{"key":"{key}"}}'.encode(), clock.now)
                assert auth.verify("POST", URL, req.headers, req.body).terminal_id == tid
                sent.append(req)
                answers[tid, key] = submit(tid, key)
                keyed.append((clock.now, tid, key))
        # A replay of the request before, still fresh: refused as a replay.
        last = sent[-1]
        clock.now = step + 40 * BURST
        with pytest.raises(AuthError) as replay:
            auth.verify("POST", URL, last.headers, last.body)
        assert replay.value.reason == "replayed"
        # A replay of a request from the step before: stale, though its nonce may be gone.
        if len(sent) > BURST * len(terminals):
            old = sent[-BURST * len(terminals) - 1]
            with pytest.raises(AuthError) as stale:
                auth.verify("POST", URL, old.headers, old.body)
            assert stale.value.reason == "stale"
        # A retry of a key from 23 hours ago (within retention): the first answer again.
        earlier = [k for k in keyed if k[0] >= clock.now - 23 * 3600][0]
        assert submit(earlier[1], earlier[2]) == answers[earlier[1], earlier[2]]

        nonces, keys = _count(db, SeenSignature), _count(db, IdempotencyRecord)
        nonce_span = (auth.keep_for().total_seconds() + AUTH_PURGE_S) + 1
        key_span = RETENTION.total_seconds() + IDEM_PURGE_S + 1
        nonce_bound = sum(1 for r in sent if r.at >= clock.now - nonce_span)
        key_bound = sum(1 for k in keyed if k[0] >= clock.now - key_span)
        assert nonces <= nonce_bound, (datetime.fromtimestamp(clock.now, UTC), nonces)
        assert keys <= key_bound, (datetime.fromtimestamp(clock.now, UTC), keys)
        most_nonces, most_keys = max(most_nonces, nonces), max(most_keys, keys)
        clock.now = step + STEP_S

    # A week: 672 requests. At most one burst (plus the purge interval) of nonces, and
    # about one day of keys, were ever held; the records of the first days are gone.
    assert len(sent) == DAYS * STEPS_A_DAY * BURST * len(terminals)
    assert most_nonces <= 2 * BURST * len(terminals)
    per_day = STEPS_A_DAY * BURST * len(terminals)
    assert per_day <= most_keys <= per_day * 25 // 24 + BURST * len(terminals)
    with db.session() as s:
        assert (
            s.exec(select(IdempotencyRecord).where(IdempotencyRecord.key == "k000001")).first()
            is None
        )


@pytest.mark.slow
def test_abandoned_uploads_are_deleted_and_finished_ones_kept(db: Database) -> None:
    from central.attachments import PURGE_EVERY_S as FILES_PURGE_S
    from central.attachments import AttachmentStore
    from central.db import AttachmentBlobRow, AttachmentChunkRow

    clock = Clock(START)
    store = AttachmentStore(db, abandon_after=timedelta(days=30), clock=clock)
    whole, half = b"scan of an ID card" * 100, b"a scan never finished" * 100
    whole_hash, half_hash = (hashlib.sha256(b).hexdigest() for b in (whole, half))
    assert store.append("T01", whole_hash, 0, len(whole), whole).status == 201
    assert store.append("T01", half_hash, 0, len(half), half[:100]).status == 200
    clock.now += 20 * 86400
    recent = hashlib.sha256(b"recent").hexdigest()
    assert store.append("T02", recent, 0, 6, b"rec").status == 200  # begun on day 20
    assert _count(db, AttachmentBlobRow) == 3

    # Day 31: the next upload of any terminal (after the purge interval) deletes the half
    # upload of day 0, not the finished file nor the upload begun on day 20.
    clock.now = START + 31 * 86400 + FILES_PURGE_S
    other = hashlib.sha256(b"other").hexdigest()
    assert store.append("T03", other, 0, 5, b"other").status == 201
    with db.session() as s:
        blobs = {(b.terminal_id, b.sha256) for b in s.exec(select(AttachmentBlobRow))}
        chunks = {c.sha256 for c in s.exec(select(AttachmentChunkRow))}
    assert blobs == {("T01", whole_hash), ("T02", recent), ("T03", other)}
    assert chunks == {whole_hash, recent, other}
    assert store.read("T01", whole_hash) == whole
    # The terminal that comes back for it starts again at 0 and is accepted.
    assert store.state("T01", half_hash).received == 0
    assert store.append("T01", half_hash, 0, len(half), half).status == 201
