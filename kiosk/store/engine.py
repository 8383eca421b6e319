"""Open the store: one SQLite file, WAL, ``synchronous=FULL``, foreign keys, busy timeout.

A printed receipt is a promise, so every commit is durable by default (FULL survives power
loss in WAL mode; NORMAL may lose the last commits). Each thread uses its own session from
:meth:`Store.session`; writes are short transactions.

A few writes may be lost by a power cut without harm because the next boot finds the same
outcome from what was durable (a print job marked ``printing``: queued and printing jobs are
both printed again). They use ``session(write=True, durable=False)``: ``synchronous=NORMAL``
on connections of their own, so their commit skips the fsync. The WAL is one file written in
order, so the next durable commit (or checkpoint) syncs them too.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

from kiosk.store.migrations import migrate

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700
# SQLite's companions of the database file (WAL and SHM take the database's mode when
# SQLite creates them; older files are tightened here).
COMPANIONS = ("", "-wal", "-shm", "-journal")


class StoreError(RuntimeError):
    """The database cannot be opened or used; the message is meant for staff."""


def _apply_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # pysqlite opens transactions implicitly and late; switch that off and emit BEGIN
    # ourselves (see _begin) so a write transaction can take its lock up front.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


def _relax(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # After _apply_pragmas: commits on this connection are not synced one by one.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_private(path: Path) -> None:
    """Create the database's folder (0700) and an empty database file (0600) when missing,
    and take group/other access away from a database file and its companions that have it.

    The database holds personal data (sealed fields, but also visit records): nobody but
    the terminal's own user reads it. An existing folder keeps its mode (the installer sets
    it), only a warning is logged when others may enter it.
    """
    folder = path.parent
    if not folder.exists():
        folder.mkdir(parents=True, mode=PRIVATE_DIR_MODE)
        folder.chmod(PRIVATE_DIR_MODE)  # mkdir's mode is masked by the umask
    elif stat.S_IMODE(folder.stat().st_mode) & stat.S_IRWXO:
        log.warning("database folder %s is open to other users; chmod 700 it", folder)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        pass
    else:
        os.close(fd)  # SQLite takes an empty file for a new database
    for suffix in COMPANIONS:
        companion = path.with_name(path.name + suffix)
        try:
            mode = stat.S_IMODE(companion.stat().st_mode)
        except FileNotFoundError:
            continue
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            companion.chmod(PRIVATE_FILE_MODE)
            log.info("took group/other access away from %s", companion.name)


def _begin(conn: Any) -> None:
    immediate = conn.get_execution_options().get("sqlite_immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class Store:
    """The terminal database. Build one in the composition root and pass it on."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            make_private(path)
            self.schema_version = migrate(path)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"database {path} cannot be opened: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"database folder {path.parent} is not usable: {exc}") from exc
        self.engine: Engine = self._engine()
        self._write_engine = self.engine.execution_options(sqlite_immediate=True)
        # Connections of their own for writes a power cut may lose (see the module doc).
        self._relaxed_engine = self._engine(relaxed=True)
        self._relaxed_write = self._relaxed_engine.execution_options(sqlite_immediate=True)

    def _engine(self, *, relaxed: bool = False) -> Engine:
        engine = create_engine(
            f"sqlite:///{self.path}",
            connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        )
        event.listen(engine, "connect", _apply_pragmas)
        if relaxed:
            event.listen(engine, "connect", _relax)
        event.listen(engine, "begin", _begin)
        return engine

    @contextmanager
    def session(self, write: bool = False, *, durable: bool = True) -> Iterator[Session]:
        """A session for one unit of work: committed on success, rolled back on error.

        ``write=True`` starts with ``BEGIN IMMEDIATE``: the write lock is taken at once, so two
        threads never deadlock upgrading a read transaction, and a busy store waits
        ``BUSY_TIMEOUT_MS`` instead of failing. ``durable=False`` (writes only): the commit
        is not synced to the disk on its own; only for a write whose loss in a power cut the
        next boot recovers from the durable ones (say why at the call).
        """
        bind: Engine
        if write:
            bind = self._write_engine if durable else self._relaxed_write
        else:
            bind = self.engine
        with Session(bind, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except Exception:
                session.rollback()
                raise

    def pragma(self, name: str) -> Any:
        """Read one PRAGMA value through a pooled connection (used by doctor and tests)."""
        with self.engine.connect() as conn:
            return conn.exec_driver_sql(f"PRAGMA {name}").scalar()

    def integrity_check(self) -> str:
        """SQLite's ``integrity_check``: ``"ok"`` or the first problem it found."""
        with self.engine.connect() as conn:
            rows = conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
        return "; ".join(str(r[0]) for r in rows[:5])

    def close(self) -> None:
        """Release every pooled connection (the WAL is checkpointed by SQLite)."""
        self._relaxed_engine.dispose()
        self.engine.dispose()
