"""Central's database engines: SQLite (WAL, ``synchronous=FULL``, writer lock up front) or a
server database such as PostgreSQL with a pool per worker; the schema is made current here.
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
        from sqlalchemy.pool import StaticPool

        kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False, "timeout": 10}}
        if url in ("sqlite://", "sqlite:///:memory:"):
            kwargs["poolclass"] = StaticPool  # one shared in-memory database
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    else:
        engine = _server_engine(url, pool or PoolSettings())
    from central.schema import prepare

    try:
        prepare(engine, migrate=migrate)
    except Exception:
        engine.dispose()
        raise
    return engine
