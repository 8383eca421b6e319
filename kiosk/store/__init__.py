"""The terminal's SQLite store: engine, schema migrations and table models."""

from kiosk.store.engine import Store, StoreError
from kiosk.store.migrations import MIGRATIONS, SCHEMA_VERSION

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Store", "StoreError"]
