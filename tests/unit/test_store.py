import os
import sqlite3
import stat
import threading
import time

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import SQLModel, select

from kiosk.retention import purge_personal_data
from kiosk.store import SCHEMA_VERSION, Store, StoreError, models
from kiosk.store.migrations import MIGRATIONS, Migration, migrate
from kiosk.store.models import OutboxRow, SubmissionRow


def test_new_store_has_wal_full_sync_foreign_keys_and_a_busy_timeout(data_dir):
    store = Store(data_dir / "kiosk.db")
    try:
        assert store.pragma("journal_mode") == "wal"
        assert store.pragma("synchronous") == 2  # FULL
        assert store.pragma("foreign_keys") == 1
        assert store.pragma("busy_timeout") >= 1000
        assert store.schema_version == SCHEMA_VERSION
        assert store.integrity_check() == "ok"
    finally:
        store.close()
    # WAL is a property of the file: a plain connection sees it too.
    raw = sqlite3.connect(data_dir / "kiosk.db")
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    raw.close()


def test_only_writes_asked_to_be_relaxed_skip_their_own_sync_and_they_still_commit(data_dir):
    store = Store(data_dir / "kiosk.db")
    try:
        levels = {}
        for name, options in (
            ("relaxed", {"write": True, "durable": False}),
            ("durable", {"write": True}),
            ("read", {}),
        ):
            with store.session(**options) as s:
                levels[name] = s.connection().exec_driver_sql("PRAGMA synchronous").scalar()
                if options:
                    s.add(OutboxRow(kind="k", idempotency_key=name, payload="{}", created_at="x"))
        assert levels == {"relaxed": 1, "durable": 2, "read": 2}  # NORMAL only where asked
        with store.session() as s:
            keys = set(s.exec(select(OutboxRow.idempotency_key)).all())
        assert keys == {"relaxed", "durable"}
    finally:
        store.close()


def test_foreign_keys_are_enforced(data_dir):
    store = Store(data_dir / "kiosk.db")
    with pytest.raises(IntegrityError), store.session(write=True) as session:
        session.add(
            OutboxRow(
                kind="submission",
                idempotency_key="k1",
                payload="{}",
                created_at="2026-11-28T10:00:00",
                submission_id=999,
            )
        )
    store.close()


def test_table_models_match_the_migrated_schema(data_dir):
    store = Store(data_dir / "kiosk.db")
    raw = sqlite3.connect(data_dir / "kiosk.db")
    try:
        # Only the terminal's own tables: central's models share SQLModel's metadata.
        tables = [
            m.__table__
            for m in vars(models).values()
            if isinstance(m, type) and issubclass(m, SQLModel) and hasattr(m, "__table__")
        ]
        assert len(tables) >= 5
        for table in tables:
            columns = {row[1] for row in raw.execute(f"PRAGMA table_info({table.name})")}
            assert columns == {c.name for c in table.columns}, table.name
    finally:
        raw.close()
        store.close()


def _v1_database_with_rows(path):
    migrate(path, target=1)
    raw = sqlite3.connect(path)
    raw.execute(
        "INSERT INTO submission (receipt_no, service_code, created_at, payload) "
        "VALUES ('H0001-T01-261128-0001', 'SB001', '2026-11-28T09:00:00', '{\"a\": 1}')"
    )
    raw.execute(
        "INSERT INTO outbox (kind, idempotency_key, payload, created_at) "
        "VALUES ('submission', 'key-1', '{}', '2026-11-28T09:00:00')"
    )
    raw.commit()
    raw.close()


def test_an_old_schema_with_queued_rows_upgrades_without_losing_any(data_dir):
    path = data_dir / "kiosk.db"
    _v1_database_with_rows(path)
    store = Store(path)
    try:
        assert store.schema_version == SCHEMA_VERSION
        with store.session() as session:
            submission = session.exec(select(SubmissionRow)).one()
            outbox = session.exec(select(OutboxRow)).one()
        assert submission.receipt_no == "H0001-T01-261128-0001"
        assert submission.case_no is None
        assert (outbox.idempotency_key, outbox.state, outbox.attempts) == ("key-1", "pending", 0)
    finally:
        store.close()
    backup = data_dir / "kiosk.db.pre-v2.bak"
    assert backup.exists()
    raw = sqlite3.connect(backup)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 1
    assert raw.execute("SELECT count(*) FROM outbox").fetchone()[0] == 1
    raw.close()


def test_a_failing_migration_leaves_the_old_schema_and_rows(data_dir):
    path = data_dir / "kiosk.db"
    _v1_database_with_rows(path)
    broken = (
        *MIGRATIONS[:1],
        Migration(2, "half-done", ("ALTER TABLE outbox ADD COLUMN x TEXT", "SELECT * FROM nope")),
    )
    with pytest.raises(sqlite3.OperationalError):
        migrate(path, migrations=broken)
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 1
    columns = {row[1] for row in raw.execute("PRAGMA table_info(outbox)")}
    assert "x" not in columns
    assert raw.execute("SELECT count(*) FROM outbox").fetchone()[0] == 1
    raw.close()


def test_a_database_from_newer_software_is_refused_untouched(data_dir):
    path = data_dir / "kiosk.db"
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    raw.close()
    with pytest.raises(StoreError, match="newer than this software"):
        Store(path)


def test_a_file_that_is_not_a_database_is_a_store_error(data_dir):
    path = data_dir / "kiosk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot be opened"):
        Store(path)


def test_concurrent_writers_from_threads_all_commit(data_dir):
    store = Store(data_dir / "kiosk.db")
    errors: list[BaseException] = []

    def write(worker: int) -> None:
        try:
            for i in range(20):
                with store.session(write=True) as session:
                    session.add(
                        OutboxRow(
                            kind="test",
                            idempotency_key=f"{worker}-{i}",
                            payload="{}",
                            created_at="2026-11-28T10:00:00",
                        )
                    )
        except BaseException as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with store.session() as session:
        assert len(session.exec(select(OutboxRow)).all()) == 80
    store.close()


def test_migration_versions_are_contiguous_from_one():
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))


def test_only_the_newest_migration_backup_is_kept_and_only_while_personal_data_is(data_dir):
    path = data_dir / "kiosk.db"
    _v1_database_with_rows(path)
    migrate(path, target=2)
    first = data_dir / "kiosk.db.pre-v2.bak"
    os.utime(first, (time.time() - 3600,) * 2)
    store = Store(path)  # the next upgrade keeps a newer copy: the older one goes at once
    try:
        newest = data_dir / "kiosk.db.pre-v3.bak"
        assert sorted(p.name for p in data_dir.glob("*.bak")) == [newest.name]
        newest.chmod(0o644)  # as an older version made them
        kept = purge_personal_data(store, data_dir, retention_days=7)
        assert kept.migration_backups == 0 and newest.exists()
        assert stat.S_IMODE(newest.stat().st_mode) == 0o600
        # A full copy of the database lives no longer than its personal data does.
        os.utime(newest, (time.time() - 7 * 86400 - 60,) * 2)
        assert purge_personal_data(store, data_dir, retention_days=7).migration_backups == 1
        assert list(data_dir.glob("*.bak")) == []
    finally:
        store.close()
