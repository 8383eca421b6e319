"""Central as one process or as N worker processes sharing one port (``--workers N``).

The parent does once, before any worker starts, everything a deployment needs done once:
the ID-hash key file is made if missing, the seal key file too (SQLite's default), the
database's schema is checked (a schema behind this version's refuses the start; a new, empty
database is given the schema), terminal secrets and intake bodies stored in clear by an older
version are sealed, and case owners are hashed with the deployment's key. Workers then open
a database that is already at head, so they never race on any of it.

Workers get their settings from the environment variable :data:`SETTINGS_ENV` (JSON). It
holds no secret: the staff token travels as the path of its file (or in
``KIOSK_CENTRAL_STAFF_TOKEN``, which the workers inherit as they are), keys as paths.

Nothing a worker keeps in memory has to agree with another worker: replay nonces,
idempotency keys, counters (tickets, cases, the hall display's) are rows of the database;
the hall display's stream follows its hall's counter in the database, so a call made through
one worker reaches a display connected to another within :data:`central.display.POLL_S`.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

SETTINGS_ENV = "KIOSK_CENTRAL_SETTINGS"
TOKEN_ENV = "KIOSK_CENTRAL_STAFF_TOKEN"


@dataclass(frozen=True)
class ServeSettings:
    """What ``kiosk-central`` was started with: enough to build the same app anywhere."""

    db_url: str
    id_hash_key_file: str
    staff_token_file: str | None = None
    seal_key_file: str | None = None
    idempotency_days: int = 30
    max_body_bytes: int = 16 * 1024 * 1024
    public_docs: bool = False
    pool_size: int = 10
    statement_timeout_ms: int = 15_000

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ServeSettings:
        return cls(**json.loads(text))

    def staff_token(self) -> str | None:
        """The token from its file, else from the environment; ``None``: staff API off."""
        if self.staff_token_file:
            return Path(self.staff_token_file).read_text(encoding="utf-8").strip()
        return os.environ.get(TOKEN_ENV)

    def _seal_key(self) -> Path | None:
        return Path(self.seal_key_file) if self.seal_key_file else None

    def prepare(self) -> None:
        """The once-per-deployment work (see the module's docstring); raises
        :class:`central.schema.SchemaError` for a schema this version cannot use."""
        from central.cases import rehash_case_owners
        from central.db import Database, PoolSettings
        from central.idkey import load_or_create_id_key

        key = load_or_create_id_key(Path(self.id_hash_key_file))
        single = PoolSettings(size=1, overflow=0, statement_timeout_ms=self.statement_timeout_ms)
        db = Database(self.db_url, self._seal_key(), single)
        try:
            rehash_case_owners(db, key)
        finally:
            db.close()

    def build_app(self) -> FastAPI:
        """The application ``create_app`` builds from these settings."""
        from central.app import create_app
        from central.db import PoolSettings
        from central.idkey import load_or_create_id_key

        return create_app(
            self.db_url,
            staff_token=self.staff_token(),
            idempotency_days=self.idempotency_days,
            max_body_bytes=self.max_body_bytes,
            public_docs=self.public_docs,
            seal_key_file=self._seal_key(),
            id_hash_key=load_or_create_id_key(Path(self.id_hash_key_file)),
            pool=PoolSettings(
                size=self.pool_size,
                overflow=self.pool_size,
                statement_timeout_ms=self.statement_timeout_ms,
            ),
        )


def app_from_env() -> FastAPI:
    """The app factory each worker process calls (``uvicorn … --factory``)."""
    return ServeSettings.from_json(os.environ[SETTINGS_ENV]).build_app()


def serve(
    settings: ServeSettings,
    host: str,
    port: int,
    workers: int,
    log_level: str,
    *,
    ssl_certfile: str | None = None,
    ssl_keyfile: str | None = None,
) -> None:
    """Run central until it is stopped: in this process for one worker, else ``workers``
    processes on one socket, after :meth:`ServeSettings.prepare` here. With a certificate and
    its key, HTTPS. On SIGTERM connections a client holds open are given 10 s to finish."""
    import uvicorn

    common: dict[str, Any] = dict(
        host=host,
        port=port,
        log_level=log_level,
        ssl_certfile=ssl_certfile,
        ssl_keyfile=ssl_keyfile,
        timeout_graceful_shutdown=10,
        ws="none",  # no WebSocket routes: an upgrade request is answered as plain HTTP
    )
    if workers <= 1:
        uvicorn.run(settings.build_app(), **common)
        return
    settings.prepare()
    os.environ[SETTINGS_ENV] = settings.to_json()
    uvicorn.run(f"{__name__}:app_from_env", factory=True, workers=workers, **common)
