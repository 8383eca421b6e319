"""Central's database engines: SQLite (WAL, ``synchronous=FULL``, writer lock up front) or a
server database such as PostgreSQL with a pool per worker; the schema is made current here.

Every commit is durable unless the caller says otherwise (``Database.session(durable=
False)``), for writes that a power cut may take back because the request's own durable
commit follows them (see :func:`relaxed_engine`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import create_engine


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Every transaction takes the write lock up front (see _sqlite_begin): SQLite cannot
    # upgrade a read transaction while another writer is active, and waiting is cheap here.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def _sqlite_relax(dbapi_conn: Any, _record: Any) -> None:
    # After _sqlite_pragmas: commits on this connection are not synced one by one.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


MEMORY_URLS = ("sqlite://", "sqlite:///:memory:")


def _sqlite_engine(url: str, *, relaxed: bool = False) -> Engine:
    from sqlalchemy.pool import StaticPool

    kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False, "timeout": 10}}
    if url in MEMORY_URLS:
        kwargs["poolclass"] = StaticPool  # one shared in-memory database
    engine = create_engine(url, **kwargs)
    event.listen(engine, "connect", _sqlite_pragmas)
    if relaxed:
        event.listen(engine, "connect", _sqlite_relax)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def relaxed_engine(url: str, engine: Engine) -> Engine:
    """The engine for commits that need not reach the disk on their own (the next durable
    commit takes them along: SQLite's WAL and PostgreSQL's are each written in order).

    For a SQLite file: connections of its own with ``synchronous=NORMAL`` (SQLite cannot
    change that inside a transaction). Otherwise ``engine`` itself: an in-memory database
    has no disk, and PostgreSQL is told per transaction (``Database.session``)."""
    if not url.startswith("sqlite") or url in MEMORY_URLS:
        return engine
    return _sqlite_engine(url, relaxed=True)


@dataclass(frozen=True)
class PoolSettings:
    """Connections of one central worker (process) to a server database such as PostgreSQL.

    Each worker has its own pool: ``size`` kept open plus up to ``overflow`` more under
    load, so a deployment of N workers holds at most N × (size + overflow) connections
    (keep that under the server's ``max_connections``). A statement running longer than
    ``statement_timeout_ms`` is cancelled by the server (the request fails, the worker
    lives); a request waits at most ``pool_timeout_s`` for a free connection.
    """

    size: int = 10
    overflow: int = 10
    pool_timeout_s: float = 10.0
    statement_timeout_ms: int = 15_000


def _server_engine(url: str, pool: PoolSettings) -> Engine:
    connect_args: dict[str, Any] = {}
    if url.startswith("postgresql"):
        # UTC sessions: times read by raw SQL (reports, date functions) are the same UTC
        # values SQLite holds, whatever zone the server runs in.
        timeout = int(pool.statement_timeout_ms)
        connect_args["options"] = f"-c statement_timeout={timeout} -c timezone=UTC"
    return create_engine(
        url,
        pool_size=pool.size,
        max_overflow=pool.overflow,
        pool_timeout=pool.pool_timeout_s,
        pool_pre_ping=True,  # a connection the server dropped (restart, failover) is replaced
        connect_args=connect_args,
    )


def make_engine(url: str, pool: PoolSettings | None = None, *, migrate: bool = False) -> Engine:
    """An engine for ``url`` whose schema is at the newest migration (``central.schema``):
    a new database is migrated, one behind refused (:class:`central.schema.SchemaError`)
    unless ``migrate``. ``pool``: a server database's connections (SQLite ignores it)."""
    if url.startswith("sqlite"):
        engine = _sqlite_engine(url)
    else:
        engine = _server_engine(url, pool or PoolSettings())
    from central.schema import prepare

    try:
        prepare(engine, migrate=migrate)
    except Exception:
        engine.dispose()
        raise
    return engine
