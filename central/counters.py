"""Atomic counters shared by queue numbering and case/tracking numbers.

The increment is one statement, ``INSERT … ON CONFLICT (name) DO UPDATE SET value = value + 1
RETURNING value``: it creates the counter at 1 or increments it, and hands back the value
it wrote. On PostgreSQL it takes the counter's row lock until the caller's transaction ends,
so a concurrent increment (another worker, another process) waits for it and then sees the
committed value; on SQLite every transaction already holds the write lock (``BEGIN
IMMEDIATE``). Either way, several terminals taking numbers at once get distinct, consecutive
values, and nothing depends on one process's memory.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col

from central.db import Counter

_UPSERT: dict[str, Any] = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def insert_with_conflicts(session: Session) -> Any:
    """The dialect's ``insert`` that knows ``ON CONFLICT`` (PostgreSQL's or SQLite's)."""
    dialect = session.get_bind().dialect.name
    insert = _UPSERT.get(dialect)
    if insert is None:
        raise RuntimeError(f"central needs PostgreSQL or SQLite, not {dialect}")
    return insert


def next_value(session: Session, name: str) -> int:
    """Increment counter ``name`` (created at 1) inside the caller's transaction."""
    statement = (
        insert_with_conflicts(session)(Counter)
        .values(name=name, value=1)
        .on_conflict_do_update(
            index_elements=[col(Counter.name)], set_={"value": col(Counter.value) + 1}
        )
        .returning(col(Counter.value))
    )
    return int(session.execute(statement).scalar_one())
