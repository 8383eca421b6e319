"""Read central's intake ledger (``intake_item``) in tests: the bodies are sealed at rest.

Tests open central's SQLite file directly (while central may still run) and unseal each body
with the seal key beside it (``<database>.seal-key``), the way central itself reads them.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from central.sealing import Sealer


@dataclass(frozen=True)
class LedgerRow:
    """One accepted item as stored: the raw (sealed) column and the opened body."""

    terminal_id: str
    key: str
    kind: str
    reference: str | None
    stored: str
    body: dict[str, Any]


def ledger(
    db_path: Path,
    *,
    kind: str | None = None,
    terminal_id: str | None = None,
    reference: str | None = None,
    seal_key_file: Path | None = None,
) -> list[LedgerRow]:
    """Every intake item of central's database at ``db_path`` matching the filters, by id."""
    key_file = seal_key_file or db_path.with_name(db_path.name + ".seal-key")
    sealer = Sealer(key_file.read_bytes().strip())
    where, params = [], []
    for column, value in (("kind", kind), ("terminal_id", terminal_id), ("reference", reference)):
        if value is not None:
            where.append(f"{column}=?")
            params.append(value)
    query = "SELECT terminal_id, key, kind, reference, body FROM intake_item"
    if where:
        query += " WHERE " + " AND ".join(where)
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute(query + " ORDER BY id", params).fetchall()
    return [
        LedgerRow(tid, key, k, ref, stored, json.loads(sealer.open_text(stored)))
        for tid, key, k, ref, stored in rows
    ]


def intake_bodies(db_path: Path, **filters: Any) -> list[dict[str, Any]]:
    """The opened bodies of :func:`ledger` (same filters)."""
    return [row.body for row in ledger(db_path, **filters)]
