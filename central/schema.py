"""Central's schema under Alembic migrations (``central/migrations``, shipped in the package).

:func:`prepare` runs for every :class:`central.db.Database` (server, ``add-terminal``,
``add-staff``, tests) and decides what a database needs:

- at the newest revision (head): nothing;
- brand new (none of central's tables, no ``alembic_version``): upgraded to head, so tests,
  the demo and a hall's first start need no extra step;
- anything else, i.e. behind head, or made by ``create_all`` before migrations existed:
  refused with :class:`SchemaError`, whose message says to run ``kiosk-central migrate``;
  with ``migrate=True`` (that command, and the demo's own database) upgraded instead. A
  ``create_all``-era database is adopted first: its tables are compared with those of the
  first revision and, when they match, it is stamped at that revision (logged).

The check and the upgrade are one transaction; on PostgreSQL an advisory lock makes workers
that start together wait for the first one's upgrade rather than race it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import Connection, Engine

from central.db import CENTRAL_TABLES

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
FIRST_REVISION = "0001"
# The newest revision in central/migrations/versions, so that a database already there is
# recognised without importing Alembic (about 9 MB and its import time in every worker and in
# the demo terminal's process). A new revision moves it; a test compares it with Alembic's head.
HEAD_REVISION = "0003"
CENTRAL_NAMES = frozenset(table.name for table in CENTRAL_TABLES)
_PG_LOCK_KEY = 0x6B696F736B  # pg_advisory_xact_lock key: "kiosk"


class SchemaError(RuntimeError):
    """The database's schema is not one this central can use; ``str()`` says what to do."""


@dataclass(frozen=True)
class SchemaState:
    """What a database holds: its Alembic revision and which of central's tables exist."""

    revision: str | None
    tables: frozenset[str]

    @property
    def empty(self) -> bool:
        """No revision and none of central's tables: a database never used by central."""
        return self.revision is None and not self.tables


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration for central, built in code (no ``alembic.ini``)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest revision of central's migrations, as Alembic finds it."""
    from alembic.script import ScriptDirectory

    return _head(ScriptDirectory.from_config(alembic_config()))


def _head(script: ScriptDirectory) -> str:
    head = script.get_current_head()
    assert head is not None, "central/migrations/versions holds no revision"
    return head


def read_state(connection: Connection) -> SchemaState:
    """The database's revision (``None`` without ``alembic_version``) and central's tables."""
    from alembic.migration import MigrationContext

    revision = MigrationContext.configure(connection).get_current_revision()
    present = frozenset(inspect(connection).get_table_names()) & CENTRAL_NAMES
    return SchemaState(revision, present)


def prepare(engine: Engine, *, migrate: bool = False) -> str:
    """Make sure ``engine``'s database is at head, as described above; its revision.

    Raises :class:`SchemaError` for a schema this central cannot use as it is.
    """
    if _at_head(engine):
        return HEAD_REVISION
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    head = _head(script)
    where = engine.url.render_as_string(hide_password=True)
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK_KEY})")
        state = read_state(conn)
        if state.revision == head:
            return state.revision
        known = {rev.revision for rev in script.walk_revisions()}
        if state.revision is not None and state.revision not in known:
            raise SchemaError(
                f"central's database {where} is at schema revision {state.revision}, which "
                "this version of central does not know (a newer version migrated it): run "
                "that version, or restore the backup taken before it migrated"
            )
        if not (migrate or state.empty):
            raise SchemaError(_behind(where, state, head))
        if state.revision is None and not state.empty:
            adopt(conn, where)
        command.upgrade(alembic_config(conn), "head")
    if state.empty:
        log.info("new database %s: central's schema created at revision %s", where, head)
    else:
        log.warning(
            "central's database %s migrated from revision %s to %s",
            where,
            state.revision or FIRST_REVISION,
            head,
        )
    return head


def _at_head(engine: Engine) -> bool:
    # The common case, a database at the newest revision, read without Alembic. Anything
    # else (no version table, another revision, several rows) goes the whole way.
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return False
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return rows == [HEAD_REVISION]


def _behind(where: str, state: SchemaState, head: str) -> str:
    if state.revision is None:
        found = "central's tables without a schema revision (made before migrations)"
    else:
        found = f"schema revision {state.revision}"
    return (
        f"central's database {where} holds {found}; this version of central needs revision "
        f"{head}. Stop central, back the database up, then run `kiosk-central migrate` with "
        "the same --db, and start central again."
    )


def adopt(connection: Connection, where: str) -> None:
    """Stamp a ``create_all``-era database at the first revision once its tables match."""
    expected = _first_revision_shape()
    actual = table_shapes(connection, expected)
    differences = sorted(_differences(expected, actual))
    if differences:
        raise SchemaError(
            f"central's database {where} has no schema revision and its tables are not "
            f"those of revision {FIRST_REVISION}, so it cannot be adopted: "
            + "; ".join(differences)
        )
    from alembic import command

    command.stamp(alembic_config(connection), FIRST_REVISION)
    log.warning(
        "adopted central's database %s made before migrations: its tables match revision "
        "%s, stamped at it",
        where,
        FIRST_REVISION,
    )


@dataclass(frozen=True)
class TableShape:
    """A table as reflected, by names only (types differ in name between databases)."""

    columns: frozenset[tuple[str, bool]]  # (name, nullable)
    primary_key: tuple[str, ...]
    indexes: frozenset[tuple[str, tuple[str, ...], bool]]  # (name, columns, unique)
    uniques: frozenset[tuple[str, ...]]


def table_shapes(connection: Connection, tables: Iterable[str]) -> dict[str, TableShape]:
    """The shape of each of ``tables`` that exists in the database."""
    insp = inspect(connection)
    present = set(insp.get_table_names())
    shapes: dict[str, TableShape] = {}
    for name in tables:
        if name not in present:
            continue
        indexes: Any = insp.get_indexes(name)
        shapes[name] = TableShape(
            columns=frozenset((c["name"], bool(c["nullable"])) for c in insp.get_columns(name)),
            primary_key=tuple(insp.get_pk_constraint(name)["constrained_columns"]),
            indexes=frozenset(
                (str(i["name"]), tuple(str(c) for c in i["column_names"]), bool(i["unique"]))
                for i in indexes
                if not i.get("duplicates_constraint")  # PostgreSQL: a unique constraint's
            ),
            uniques=frozenset(tuple(u["column_names"]) for u in insp.get_unique_constraints(name)),
        )
    return shapes


def _first_revision_shape() -> dict[str, TableShape]:
    # The first revision's tables, made in a scratch in-memory database and reflected.
    from alembic import command

    scratch = create_engine("sqlite://")
    try:
        with scratch.begin() as conn:
            command.upgrade(alembic_config(conn), FIRST_REVISION)
            names = set(inspect(conn).get_table_names()) - {"alembic_version"}
            return table_shapes(conn, sorted(names))
    finally:
        scratch.dispose()


def _differences(expected: dict[str, TableShape], actual: dict[str, TableShape]) -> set[str]:
    found: set[str] = set()
    for name, want in expected.items():
        have = actual.get(name)
        if have is None:
            found.add(f"table {name} is missing")
            continue
        for part in ("columns", "primary_key", "indexes", "uniques"):
            if getattr(want, part) != getattr(have, part):
                found.add(f"{name}: {part.replace('_', ' ')} differ")
    return found
