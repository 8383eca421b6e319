"""Read central's database in tests, on SQLite or PostgreSQL: the intake ledger
(``intake_item``, bodies sealed at rest), any query, and every stored value (for scans).

A test names central's database by a SQLite file (``Path``), a ``Database``, or the central
it runs (``CentralProcess``, ``CentralServer``, ``InProcessCentral``: anything with ``db``
or ``db_url``). Bodies are unsealed with the seal key the database uses (beside a SQLite
file, ``<database>.seal-key``; else the central's ``seal_key_file``), as central reads them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, text

from central.db import CENTRAL_TABLES, Database
from central.sealing import Sealer, default_key_file


@dataclass(frozen=True)
class LedgerRow:
    """One accepted item as stored: the raw (sealed) column and the opened body."""

    terminal_id: str
    key: str
    kind: str
    reference: str | None
    stored: str
    body: dict[str, Any]


def _where(db: Any) -> tuple[str, Path | None, Sealer | None]:
    """(URL, seal key file, sealer if known) of whatever names central's database."""
    if isinstance(db, Path):
        return f"sqlite:///{db}", db.with_name(db.name + ".seal-key"), None
    if isinstance(db, str):
        return db, None, None
    if isinstance(db, Database):
        return db.url, None, db.sealer
    inner = getattr(db, "db", None)
    if isinstance(inner, Database):
        return inner.url, None, inner.sealer
    url = str(db.db_url)
    key_file = getattr(db, "seal_key_file", None) or default_key_file(url)
    return url, key_file, None


@contextmanager
def connect(db: Any) -> Iterator[Connection]:
    """A connection to central's database (a fresh engine: works while central runs)."""
    url, _key, _sealer = _where(db)
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


def query(db: Any, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    """The rows of ``sql`` (named ``:params``) in central's database."""
    with connect(db) as conn:
        return [tuple(r) for r in conn.execute(text(sql), params)]


def stored_text(db: Any) -> str:
    """Every value of every table of central, as one string (to scan for what must not be
    stored in clear; on SQLite a scan of the file's bytes also sees deleted pages)."""
    out: list[str] = []
    with connect(db) as conn:
        for table in CENTRAL_TABLES:
            for row in conn.execute(table.select()):
                for value in row:
                    out.append(value.decode("latin-1") if isinstance(value, bytes) else str(value))
    return "\n".join(out)


def at_rest(db: Any) -> bytes:
    """What central keeps on disk, to scan for what must not be there in clear: a SQLite
    file's bytes (with its WAL, deleted pages included); on a server database every stored
    value (:func:`stored_text`)."""
    url, _key, _sealer = _where(db)
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        files = [path, *path.parent.glob(path.name + "-*")]
        return b"".join(p.read_bytes() for p in files if p.exists())
    return stored_text(db).encode()


def sealer_of(db: Any, seal_key_file: Path | None = None) -> Sealer:
    """The sealer central uses for this database."""
    _url, key_file, sealer = _where(db)
    if seal_key_file is None and sealer is not None:
        return sealer
    key_file = seal_key_file or key_file
    if key_file is None:
        raise ValueError("no seal key file known for this database")
    return Sealer(key_file.read_bytes().strip())


def ledger(
    db: Any,
    *,
    kind: str | None = None,
    terminal_id: str | None = None,
    reference: str | None = None,
    seal_key_file: Path | None = None,
) -> list[LedgerRow]:
    """Every intake item of central's database ``db`` matching the filters, by id."""
    sealer = sealer_of(db, seal_key_file)
    where, params = [], {}
    for column, value in (("kind", kind), ("terminal_id", terminal_id), ("reference", reference)):
        if value is not None:
            where.append(f"{column} = :{column}")
            params[column] = value
    sql = "SELECT terminal_id, key, kind, reference, body FROM intake_item"
    if where:
        sql += " WHERE " + " AND ".join(where)
    rows = query(db, sql + " ORDER BY id", **params)
    return [
        LedgerRow(tid, key, k, ref, stored, json.loads(sealer.open_text(stored)))
        for tid, key, k, ref, stored in rows
    ]


def intake_bodies(db: Any, **filters: Any) -> list[dict[str, Any]]:
    """The opened bodies of :func:`ledger` (same filters)."""
    return [row.body for row in ledger(db, **filters)]
