"""Central's schema under Alembic migrations (issue #19): upgrading a populated database,
adopting one made by ``create_all`` before migrations, refusing to serve a schema that is
behind, ``kiosk-central migrate`` run twice, and the migrated schema equal to the models'.

Every test runs on SQLite and on the session's private PostgreSQL cluster (``central_db``,
``tests/pg.py``): a fresh database each, dropped afterwards.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from argon2 import PasswordHasher
from sqlalchemy import MetaData, create_engine, func, inspect, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import SQLModel

from central.__main__ import main
from central.accounts import login
from central.app import create_app
from central.db import CENTRAL_TABLES, Database, StaffSessionRow, TicketRow
from central.schema import (
    FIRST_REVISION,
    HEAD_REVISION,
    SchemaError,
    alembic_config,
    head_revision,
    read_state,
    table_shapes,
)
from central.testing import free_port
from demo.central import InProcessCentral
from tests.conftest import REPO, CentralDb

PASSWORD = "a-long-enough-password"
NOW = datetime.now(UTC)
DAY = NOW.date().isoformat()
CENTRAL_NAMES = sorted(t.name for t in CENTRAL_TABLES)
LATER_TABLES = frozenset({"certificate_record", "issued_certificate"})  # revision 0003


@dataclass
class Target:
    """One empty database: its URL and a seal key file (required beyond SQLite)."""

    url: str
    seal_key: Path
    folder: Path


@pytest.fixture
def engine_url(central_db: CentralDb) -> str:
    """The URL of an empty database of one engine (SQLite, and the session's PostgreSQL
    cluster: ``central_engine``'s variants)."""
    return central_db.url


@pytest.fixture
def target(engine_url: str, tmp_path: Path) -> Target:
    return Target(engine_url, tmp_path / "seal.key", tmp_path)


@pytest.fixture
def raw(target: Target) -> Iterator[Engine]:
    """A plain engine on the same database: sets up old schemas without central's checks."""
    engine = create_engine(target.url)
    yield engine
    engine.dispose()


def at_revision(engine: Engine, revision: str) -> None:
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)


def made_by_create_all(engine: Engine) -> None:
    """What ``create_all`` made before migrations: today's models less what the revisions
    after the first added (revision 0002: the index on ``staff_session.expires_at``; 0003:
    the certificate tables)."""
    first = [t for t in CENTRAL_TABLES if t.name not in LATER_TABLES]
    SQLModel.metadata.create_all(engine, tables=first)
    with engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_staff_session_expires_at"))


def populate(engine: Engine) -> dict[str, int]:
    """Rows in the tables as they are (reflected, not the models); the row count per table."""
    meta = MetaData()
    meta.reflect(engine)
    t = meta.tables
    old = NOW - timedelta(days=2)
    with engine.begin() as conn:
        conn.execute(
            t["terminal"].insert(),
            [
                {
                    "terminal_id": "T01",
                    "hall_id": "H0001",
                    "secret": b"s1",
                    "created_at": old,
                    "enabled": True,
                },
                {
                    "terminal_id": "T02",
                    "hall_id": "H0001",
                    "secret": b"s2",
                    "created_at": old,
                    "enabled": False,
                },
            ],
        )
        conn.execute(
            t["ticket"].insert(),
            [
                {
                    "ticket_id": f"tk-{n}",
                    "hall_id": "H0001",
                    "queue": "A",
                    "day": DAY,
                    "number": n,
                    "issued_at": NOW,
                    "called": False,
                    "origin": "",
                    "display": f"A{n:03d}",
                    "void": False,
                    "priority": False,
                }
                for n in (1, 2, 3)
            ],
        )
        conn.execute(
            t["idempotency_record"].insert(),
            {
                "terminal_id": "T01",
                "key": "sub-1",
                "scope": "intake",
                "body_hash": "0" * 64,
                "state": "done",
                "lease": "l1",
                "status_code": 200,
                "response": "{}",
                "created_at": NOW,
            },
        )
        conn.execute(
            t["seen_signature"].insert(), {"terminal_id": "T01", "token": "n1", "seen_at": NOW}
        )
        conn.execute(
            t["staff_account"].insert(),
            {
                "username": "wang",
                "role": "window",
                "hall_id": "H0001",
                "password_hash": PasswordHasher().hash(PASSWORD),
                "failed_logins": 0,
                "disabled": False,
                "created_at": old,
            },
        )
        conn.execute(
            t["staff_session"].insert(),
            [
                {
                    "token_hash": "expired",
                    "username": "wang",
                    "csrf": "c1",
                    "created_at": old,
                    "expires_at": old + timedelta(hours=8),
                },
                {
                    "token_hash": "live",
                    "username": "wang",
                    "csrf": "c2",
                    "created_at": NOW,
                    "expires_at": NOW + timedelta(hours=8),
                },
            ],
        )
        conn.execute(
            t["case_record"].insert(),
            {
                "case_no": "C2026-0001",
                "terminal_id": "T01",
                "receipt_no": "H0001-T01-0001",
                "service_code": "S1",
                "state": "accepted",
                "departments": "[]",
                "version": 1,
                "updated_at": NOW,
            },
        )
    return counts(engine)


def counts(engine: Engine) -> dict[str, int]:
    """Rows per central table that holds any (tables a later revision adds start empty)."""
    meta = MetaData()
    meta.reflect(engine, only=lambda name, _meta: name in CENTRAL_NAMES)
    with engine.connect() as conn:
        rows = {
            name: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for name, table in meta.tables.items()
        }
    return {name: n for name, n in rows.items() if n}


def revision_of(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return read_state(conn).revision


def migrate(target: Target) -> int:
    return main(["migrate", "--db", target.url])


def test_a_populated_database_upgrades_from_the_first_revision_to_head(
    target: Target, raw: Engine
) -> None:
    at_revision(raw, FIRST_REVISION)
    before = populate(raw)
    assert revision_of(raw) == FIRST_REVISION != head_revision()

    assert migrate(target) == 0

    assert revision_of(raw) == head_revision()
    assert counts(raw) == before, "every row survives the upgrade"
    indexes = {i["name"] for i in inspect(raw).get_indexes("staff_session")}
    assert "ix_staff_session_expires_at" in indexes
    db = Database(target.url, target.seal_key)  # what the server opens: no refusal now
    try:
        # Central's own code on the old rows: a login deletes the expired session only.
        assert login(db, "wang", PASSWORD)
        with db.session() as s:
            kept = {row.token_hash for row in s.scalars(select(StaffSessionRow))}
        assert "live" in kept and "expired" not in kept
        # The unique constraints still hold on the migrated tables.
        with pytest.raises(IntegrityError), db.session() as s:
            s.add(TicketRow(ticket_id="tk-dup", hall_id="H0001", queue="A", day=DAY, number=2))
        with pytest.raises(IntegrityError), raw.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO idempotency_record (terminal_id, key, scope, body_hash, state,"
                    " lease, created_at) VALUES ('T01', 'sub-1', 'intake', 'x', 'processing',"
                    " 'l2', :at)"
                ),
                {"at": NOW},
            )
    finally:
        db.close()


def test_a_database_made_by_create_all_before_migrations_is_adopted(
    target: Target, raw: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    made_by_create_all(raw)
    before = populate(raw)
    assert revision_of(raw) is None

    with caplog.at_level(logging.INFO, logger="central.schema"):
        assert migrate(target) == 0

    adopted = [r.getMessage() for r in caplog.records if "adopted" in r.getMessage()]
    assert adopted and f"revision {FIRST_REVISION}" in adopted[0]
    assert revision_of(raw) == head_revision()
    assert counts(raw) == before


def test_tables_unlike_the_first_revisions_are_not_adopted(
    target: Target, raw: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    made_by_create_all(raw)
    with raw.begin() as conn:
        conn.execute(text("DROP TABLE central_meta"))
        conn.execute(text("DROP INDEX ix_ticket_holder_hash"))

    assert migrate(target) == 3

    said = capsys.readouterr().err
    assert "cannot be adopted" in said and "Traceback" not in said
    assert "table central_meta is missing" in said and "ticket: indexes differ" in said
    assert revision_of(raw) is None, "nothing stamped"
    assert "central_meta" not in inspect(raw).get_table_names(), "nothing created"


@pytest.mark.parametrize("old", ["first revision", "create_all"])
def test_central_refuses_to_start_on_a_schema_behind_head(
    target: Target, raw: Engine, old: str
) -> None:
    if old == "create_all":
        made_by_create_all(raw)
    else:
        at_revision(raw, FIRST_REVISION)
    populate(raw)
    cmd = [sys.executable, "-m", "central", "--db", target.url, "--port", str(free_port())]
    cmd += ["--seal-key-file", str(target.seal_key)]
    cmd += ["--id-hash-key-file", str(target.folder / "id_hash.key")]

    done = subprocess.run(cmd, capture_output=True, text=True, timeout=60)

    assert done.returncode == 3
    assert "run `kiosk-central migrate` with the same --db" in done.stderr
    assert "Traceback" not in done.stderr
    assert revision_of(raw) == (FIRST_REVISION if old == "first revision" else None)
    with pytest.raises(SchemaError, match="kiosk-central migrate"):
        create_app(target.url, seal_key_file=target.seal_key)
    # Migrated, the same database serves.
    assert migrate(target) == 0
    app = create_app(target.url, seal_key_file=target.seal_key)
    app.state.db.close()


def test_a_new_empty_database_gets_the_schema_on_first_start(target: Target, raw: Engine):
    db = Database(target.url, target.seal_key)
    db.close()
    assert revision_of(raw) == head_revision()
    assert set(CENTRAL_NAMES) <= set(inspect(raw).get_table_names())


def test_the_head_central_knows_without_alembic_is_alembics_head() -> None:
    assert HEAD_REVISION == head_revision()


def test_a_database_at_head_is_opened_without_importing_alembic(
    target: Target, raw: Engine
) -> None:
    Database(target.url, target.seal_key).close()
    # A fresh process, as a worker or the demo terminal starts: the schema is at head, so
    # Alembic (and mako) stay out of its memory.
    probe = (
        "import sys; from pathlib import Path; from central.db import Database; "
        f"Database({target.url!r}, Path({str(target.seal_key)!r})).close(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'mako')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, cwd=REPO
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    # One revision behind: the whole check runs (and refuses), Alembic and all.
    with raw.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0002'"))
    with pytest.raises(SchemaError, match="kiosk-central migrate"):
        Database(target.url, target.seal_key)


def test_a_schema_newer_than_this_version_is_refused(
    target: Target, raw: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    Database(target.url, target.seal_key).close()
    with raw.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    sentence = "9999, which this version of central does not know"
    with pytest.raises(SchemaError, match=sentence):
        Database(target.url, target.seal_key)
    assert migrate(target) == 3
    assert sentence in capsys.readouterr().err
    assert revision_of(raw) == "9999", "not downgraded"


def test_kiosk_central_migrate_is_idempotent(target: Target, raw: Engine) -> None:
    cli = [sys.executable, "-m", "central", "migrate", "--db", target.url]
    first = subprocess.run(cli, capture_output=True, text=True, timeout=60)
    assert first.returncode == 0, first.stderr
    shapes = _shapes(raw)
    populated = populate(raw)

    again = subprocess.run(cli, capture_output=True, text=True, timeout=60)

    assert again.returncode == 0, again.stderr
    assert f"schema revision {head_revision()}" in again.stdout
    assert "migrated" not in again.stderr, "nothing to do the second time"
    assert _shapes(raw) == shapes and counts(raw) == populated
    with raw.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1


def _shapes(engine: Engine) -> dict[str, object]:
    with engine.connect() as conn:
        return dict(table_shapes(conn, CENTRAL_NAMES))


def test_the_migrated_schema_equals_the_models(target: Target, raw: Engine) -> None:
    assert migrate(target) == 0
    models = MetaData()
    for table in CENTRAL_TABLES:
        table.to_metadata(models)

    def central_only(_obj: object, name: str | None, type_: str, *_rest: object) -> bool:
        return type_ != "table" or name in CENTRAL_NAMES

    with raw.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": central_only}
        )
        differences = compare_metadata(context, models)
    assert differences == []


def test_the_schema_check_sees_a_missing_index(target: Target, raw: Engine) -> None:
    # The comparison above can fail: a database at head less one index differs.
    assert migrate(target) == 0
    with raw.begin() as conn:
        conn.execute(text("DROP INDEX ix_staff_session_expires_at"))
    models = MetaData()
    for table in CENTRAL_TABLES:
        table.to_metadata(models)
    with raw.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), models)
    assert [d[0] for d in differences if d[0] == "add_index"] == ["add_index"]


def test_the_demo_migrates_its_own_older_database(tmp_path: Path) -> None:
    # The demo has no operator to run `kiosk-central migrate`: it migrates on start.
    engine = create_engine(f"sqlite:///{tmp_path / 'demo-central.db'}")
    made_by_create_all(engine)
    populate(engine)
    demo = InProcessCentral(tmp_path)
    demo.start()
    try:
        assert revision_of(engine) == head_revision()
        assert demo.provision_terminal("T09", "H0001")[1]
    finally:
        demo.stop()
        engine.dispose()


OPEN = "import sys; from pathlib import Path; from central.db import Database; " + (
    "Database(sys.argv[1], Path(sys.argv[2])).close()"
)


def test_workers_starting_together_on_a_new_database_all_start(target: Target, raw: Engine) -> None:
    # Several workers of one central open a brand-new database at once: one creates the
    # schema, the others wait for it (PostgreSQL: an advisory lock; without it they race
    # to create the same tables and fail).
    cmd = [sys.executable, "-c", OPEN, target.url, str(target.seal_key)]
    workers = [subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True) for _ in range(4)]
    errors = [w.communicate(timeout=60)[1] for w in workers]
    assert [w.returncode for w in workers] == [0, 0, 0, 0], errors
    assert revision_of(raw) == head_revision()
    with raw.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1
