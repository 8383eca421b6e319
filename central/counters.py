"""Atomic counters shared by queue numbering and case/tracking numbers.

The increment is a single UPDATE (row lock on PostgreSQL, write lock on SQLite), so several
terminals taking numbers at once always get distinct, consecutive values.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from central.db import Counter


def next_value(session: Session, name: str) -> int:
    """Increment counter ``name`` (created at 1) inside the caller's transaction."""
    for _ in range(3):
        result = session.execute(
            update(Counter).where(Counter.name == name).values(value=Counter.value + 1)  # type: ignore[arg-type]
        )
        if result.rowcount == 1:  # type: ignore[attr-defined]
            value = session.exec(select(Counter.value).where(Counter.name == name)).one()
            return int(value)
        try:
            with session.begin_nested():
                session.add(Counter(name=name, value=1))
                session.flush()
            return 1
        except IntegrityError:  # another transaction created it just now: increment that
            continue
    raise RuntimeError(f"counter {name} could not be incremented")
