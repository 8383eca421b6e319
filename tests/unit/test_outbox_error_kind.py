"""outbox.error_kind: what kind of failure an item met, asked by code instead of its sentence."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

import pytest
from sqlalchemy import text

from kiosk.store import Store
from kiosk.store.migrations import migrate
from kiosk.sync.client import AuthenticationError, PermanentError, TransientError
from kiosk.sync.crypto import FieldCipher
from kiosk.sync.outbox import ErrorKind, iso
from kiosk.sync.runner import SyncRunner
from kiosk.sync.worker import pull_forward
from tests.sample_submissions import accept_submission, sample_submission

NOW = datetime(2030, 1, 1, 9, 0, tzinfo=UTC)
LATER = iso(NOW + timedelta(minutes=10))
EARLIER = iso(NOW - timedelta(minutes=10))

# (state, last_error as the runner wrote it before v9, the kind v9 gives it)
OLD_ROWS = [
    ("pending", "network: connection refused", "network"),
    ("pending", "retry: HTTP 503: busy", "transient"),
    ("pending", "retry: interrupted", "transient"),
    ("pending", "auth: HTTP 401 (stale)", "auth"),
    ("dead", "local: sealed fields cannot be opened", "local"),
    ("dead", "HTTP 422: invalid", "rejected"),
    ("sent", None, None),
]


def _kinds(path: Path) -> list[tuple[int, str | None]]:
    raw = sqlite3.connect(path)
    try:
        return list(raw.execute("SELECT id, error_kind FROM outbox ORDER BY id"))
    finally:
        raw.close()


def test_a_version_8_database_learns_the_kind_of_every_rows_last_error(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    migrate(path, target=8)
    raw = sqlite3.connect(path)
    for n, (state, error, _) in enumerate(OLD_ROWS):
        raw.execute(
            "INSERT INTO outbox (kind, idempotency_key, payload, state, created_at, "
            "last_error, next_attempt_at) VALUES ('evaluation', ?, '{}', ?, ?, ?, ?)",
            (f"key-{n}", state, EARLIER, error, LATER),
        )
    raw.commit()
    raw.close()

    store = Store(path)
    try:
        assert _kinds(path) == [(n + 1, kind) for n, (*_, kind) in enumerate(OLD_ROWS)]
        assert pull_forward(store, NOW) == 1  # only the one that waited for the network
    finally:
        store.close()
    backup = sqlite3.connect(tmp_path / "kiosk.db.pre-v9.bak")
    try:
        assert backup.execute("PRAGMA user_version").fetchone()[0] == 8
        columns = {row[1] for row in backup.execute("PRAGMA table_info(outbox)")}
        assert "error_kind" not in columns and "last_error" in columns
    finally:
        backup.close()


def test_only_a_kind_the_schema_knows_can_be_stored(tmp_path: Path) -> None:
    store = Store(tmp_path / "kiosk.db")
    store.close()
    raw = sqlite3.connect(tmp_path / "kiosk.db")
    try:
        with pytest.raises(sqlite3.IntegrityError):
            raw.execute(
                "INSERT INTO outbox (kind, idempotency_key, payload, created_at, error_kind) "
                "VALUES ('evaluation', 'k', '{}', 'now', 'cosmic_rays')"
            )
    finally:
        raw.close()
    assert {k.value for k in ErrorKind} == {"network", "transient", "auth", "rejected", "local"}


def _set(store: Store, row: int, **columns: object) -> None:
    assignments = ", ".join(f"{name}=:{name}" for name in columns)
    with store.session(write=True) as s:
        s.execute(text(f"UPDATE outbox SET {assignments} WHERE id=:row"), {**columns, "row": row})


def test_pull_forward_asks_the_kind_not_the_sentence(store: Store) -> None:
    for receipt in ("R1", "R2", "R3", "R4"):
        accept_submission(store, sample_submission(receipt))
    network = {"error_kind": "network", "last_error": "network: refused"}
    _set(store, 1, next_attempt_at=LATER, **network)
    # The sentence says "network", the kind does not: central answered 503 about a network.
    _set(store, 2, next_attempt_at=LATER, error_kind="transient", last_error="network: 503")
    _set(store, 3, next_attempt_at=EARLIER, **network)  # already due
    _set(store, 4, next_attempt_at=LATER, state="dead", **network)
    assert pull_forward(store, NOW) == 1
    with store.session() as s:
        due = s.execute(text("SELECT id FROM outbox WHERE next_attempt_at=:now"), {"now": iso(NOW)})
        assert [r[0] for r in due.all()] == [1]


class _Central:
    """Answers every batch by raising ``error`` (stands in for a CentralClient)."""

    def __init__(self, error: Exception) -> None:
        self.error = error

    def send_batch(self, batch: object) -> object:
        raise self.error


def _runner(store: Store, data_dir: Path, error: Exception) -> SyncRunner:
    return SyncRunner(store, cast(Any, _Central(error)), FieldCipher.for_data_dir(data_dir))


@pytest.mark.parametrize(
    ("error", "kind", "state"),
    [
        (TransientError("unreachable", "refused", network=True), "network", "pending"),
        (TransientError("server_error", "HTTP 503", status=503), "transient", "pending"),
        (AuthenticationError("401", "stale", clock_corrected=False), "auth", "pending"),
        (PermanentError("rejected", "HTTP 422", status=422), "rejected", "dead"),
    ],
)
def test_the_runner_records_the_kind_of_each_failure(
    store: Store, tmp_path: Path, error: Exception, kind: str, state: str
) -> None:
    accept_submission(store, sample_submission("R1"))
    _runner(store, tmp_path, error).send_due(NOW)
    assert _kinds(store.path) == [(1, kind)]
    with store.session() as s:
        assert s.execute(text("SELECT state FROM outbox")).scalar() == state


def test_an_item_that_cannot_be_opened_here_is_a_local_failure(
    store: Store, tmp_path: Path
) -> None:
    accept_submission(store, sample_submission("R1"))
    _set(store, 1, sealed=b"not a sealed blob")
    _runner(store, tmp_path, AssertionError("nothing is sent")).send_due(NOW)
    assert _kinds(store.path) == [(1, "local")]
