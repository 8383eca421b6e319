"""Alembic's environment for central's schema.

``central.schema`` runs it with an open connection in ``config.attributes["connection"]``
(inside the transaction that also checked the schema), so no ``alembic.ini`` is needed.
Without one, e.g. ``alembic`` run by hand with an ini file that names this folder, it
connects to ``sqlalchemy.url`` itself.
"""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import create_engine
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

from central.db import CENTRAL_TABLES

CENTRAL_NAMES = {table.name for table in CENTRAL_TABLES}


def _only_central(_object: Any, name: str | None, type_: str, *_args: Any) -> bool:
    # In a database shared with other tables (or the demo's terminal models in the same
    # metadata) autogenerate looks at central's tables only.
    return type_ != "table" or name in CENTRAL_NAMES


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=SQLModel.metadata,
        include_object=_only_central,
        render_as_batch=True,  # SQLite alters a table by copying it (batch mode)
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    """Upgrade (or downgrade) on the given connection, or connect to the configured URL."""
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("no connection and no sqlalchemy.url: use `kiosk-central migrate`")
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            _run(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("central's migrations run online only: use `kiosk-central migrate`")
main()
