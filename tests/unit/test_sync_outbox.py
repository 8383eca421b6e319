"""The outbox on a real SQLite file: enqueue in the caller's transaction, sealing, purge."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from kiosk.store import Store
from kiosk.store.models import OutboxRow
from kiosk.sync.crypto import FieldCipher, SealError, key_path
from kiosk.sync.outbox import OutboxError, counts, enqueue, purge, recover, retry_dead
from kiosk.sync.status import sync_status
from tests.sample_submissions import accept_submission, sample_submission


def raw_rows(store: Store) -> list[tuple[object, ...]]:
    with store.session() as s:
        return list(s.execute(text("SELECT payload, sealed, state FROM outbox")).all())


def test_queued_submission_keeps_no_personal_data_in_clear(store: Store, tmp_path: Path) -> None:
    accept_submission(store, sample_submission("R1"))
    payload, sealed, state = raw_rows(store)[0]
    assert state == "pending"
    assert sealed
    raw = (tmp_path / "kiosk.db").read_bytes() + (tmp_path / "kiosk.db-wal").read_bytes()
    for secret in ("11010519491231002X", "13800000000", "测试用户"):
        assert secret not in str(payload)
        assert secret.encode() not in raw
    assert json.loads(str(payload))["applicant"]["id_number"] is None


def test_sealed_fields_come_back_with_the_right_key_only(store: Store, tmp_path: Path) -> None:
    accept_submission(store, sample_submission("R1"))
    with store.session() as s:
        row = s.exec(text("SELECT payload, sealed, idempotency_key FROM outbox")).one()  # type: ignore[call-overload]
    cipher = FieldCipher.for_data_dir(tmp_path)
    full = cipher.open(json.loads(row[0]), row[1], row[2])
    assert full["applicant"]["id_number"] == "11010519491231002X"
    with pytest.raises(SealError):
        cipher.open(json.loads(row[0]), row[1], "another-key")
    with pytest.raises(SealError):
        FieldCipher(b"\x01" * 32).open(json.loads(row[0]), row[1], row[2])


def test_key_file_is_created_once_with_owner_only_access(tmp_path: Path) -> None:
    first = FieldCipher.for_data_dir(tmp_path)
    path = key_path(tmp_path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    content = path.read_bytes()
    FieldCipher.for_data_dir(tmp_path)
    assert path.read_bytes() == content and len(content) == 32
    assert "key" in repr(first) and content.hex() not in repr(first)


def test_enqueue_rolls_back_with_the_callers_transaction(store: Store) -> None:
    with pytest.raises(RuntimeError), store.session(write=True) as s:
        enqueue(s, "evaluation", _evaluation())
        raise RuntimeError("the business write failed")
    assert counts(store).pending == 0


def test_enqueue_refuses_unknown_kinds_and_broken_payloads(store: Store) -> None:
    with store.session(write=True) as s:
        with pytest.raises(OutboxError) as unknown:
            enqueue(s, "parcel", {})
        with pytest.raises(OutboxError) as broken:
            enqueue(s, "evaluation", {"level": 9})
    assert (unknown.value.reason, broken.value.reason) == ("unknown_kind", "invalid_payload")


def test_same_idempotency_key_cannot_be_queued_twice(store: Store) -> None:
    with store.session(write=True) as s:
        enqueue(s, "evaluation", _evaluation(), key="key-000000001")
    with pytest.raises(Exception, match="UNIQUE"), store.session(write=True) as s:
        enqueue(s, "evaluation", _evaluation(), key="key-000000001")


def test_rows_left_sending_by_a_killed_process_are_recovered(store: Store) -> None:
    accept_submission(store, sample_submission("R1"))
    with store.session(write=True) as s:
        s.execute(text("UPDATE outbox SET state='sending'"))
    assert recover(store) == 1
    assert counts(store).pending == 1


def test_purge_drops_personal_fields_only_after_retention(store: Store) -> None:
    accept_submission(store, sample_submission("R1"))
    accept_submission(store, sample_submission("R2"))
    sent_at = datetime(2030, 1, 1, tzinfo=UTC)
    with store.session(write=True) as s:
        s.execute(
            text("UPDATE outbox SET state='sent', sent_at=:t WHERE id=1"),
            {"t": sent_at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")},
        )
    assert purge(store, sent_at + timedelta(days=6), retention_days=7) == 0
    assert purge(store, sent_at + timedelta(days=8), retention_days=7) == 1
    with store.session() as s:
        rows = {r.id: r for r in s.exec(text("SELECT id, sealed, purged_at FROM outbox"))}  # type: ignore[call-overload]
    assert rows[1].sealed is None and rows[1].purged_at
    assert rows[2].sealed is not None  # still pending: never purged


def test_status_counts_states_and_the_oldest_waiting_item(store: Store) -> None:
    accept_submission(store, sample_submission("R1"))
    accept_submission(store, sample_submission("R2"))
    with store.session(write=True) as s:
        s.execute(text("UPDATE outbox SET state='dead', last_error='HTTP 422' WHERE id=2"))
    later = datetime.now(UTC) + timedelta(seconds=90)
    st = sync_status(store, later)
    assert (st.pending, st.sending, st.sent, st.dead) == (1, 0, 0, 1)
    assert st.oldest_pending_age_s is not None and st.oldest_pending_age_s >= 89
    assert retry_dead(store) == 1
    assert counts(store).pending == 2


def test_outbox_row_model_matches_the_migrated_table(store: Store) -> None:
    with store.engine.connect() as conn:
        columns = {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(outbox)")}
    assert columns == set(OutboxRow.model_fields)


def _evaluation() -> dict[str, object]:
    return {
        "visit_id": "v1",
        "hall_id": "H0001",
        "level": 5,
        "rated_at": "2030-01-01T00:00:00Z",
    }
