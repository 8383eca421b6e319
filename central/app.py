"""The central service's FastAPI application: routers wired to one database."""

from __future__ import annotations

import logging
import secrets
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from anyio import to_thread
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError

from central import (
    assist,
    attachments,
    booking,
    calendar_feed,
    cases,
    catalog_feed,
    certificates,
    console,
    display,
    fleet,
    followups,
    idkey,
    intake,
    queue,
    reference_photos,
    shared,
    staff,
    verify,
)
from central.auth import Authenticator, StaffToken
from central.db import DATABASE_UNAVAILABLE, Database, PoolSettings
from central.gate import DEFAULT_MAX_BODY_BYTES, RequestGate, database_unavailable
from central.idempotency import Idempotency
from kiosk.contract import API_PREFIX, API_VERSION, Health

log = logging.getLogger(__name__)


def _request_threads(count: int) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """The app's lifespan: this process works on at most ``count`` requests at once (the
    threads that run routes and signature checks; the rest wait their turn in order).

    As many as the connections the pool keeps: more threads than connections only queue for
    one, and under load (64 requests in flight, 4 workers, 2 cores, issue #19) the default of
    40 threads per process spent the cores on taking turns at the interpreter and on opening
    and closing overflow connections (``bench_central_scale``: 146 requests/s on PostgreSQL
    against 175–184 with 10; one SQLite process's p95 1.36 s against 0.58–0.66 s)."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        to_thread.current_default_thread_limiter().total_tokens = count
        yield

    return lifespan


def create_app(
    db_url: str = "sqlite://",
    *,
    staff_token: str | None = None,
    idempotency_days: int = 30,
    signature_window_s: int = 300,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    public_docs: bool = False,
    seal_key_file: Path | None = None,
    id_hash_key: bytes | None = None,
    migrate_schema: bool = False,
    pool: PoolSettings | None = None,
) -> FastAPI:
    """Build the application; ``db_url`` is any SQLAlchemy URL (SQLite by default).

    ``staff_token`` enables the staff API (``Authorization: Bearer …``); without it that API
    answers 403. The OpenAPI document (``/openapi.json``) and its pages (``/docs``,
    ``/redoc``) are served only with ``public_docs``. Terminal secrets are sealed under the
    key in ``seal_key_file`` (default: next to a SQLite file, ``central.sealing``). Bodies
    larger than ``max_body_bytes`` are refused with 413 before they are read, and terminal
    routes are authenticated before their body is parsed (``central.gate``). ``id_hash_key``
    is the deployment's key for hashing ID numbers (see :mod:`central.idkey`); without one a
    key for this process only is made (tests). A database whose schema is behind this
    version's raises :class:`central.schema.SchemaError` unless ``migrate_schema`` (the demo,
    which owns its database); a new, empty one is always given the schema. ``pool`` sizes
    this process's connections to a server database (PostgreSQL) and their statement
    timeout (SQLite ignores those), and how many requests it works on at once (its size).
    """
    if id_hash_key is None:
        logging.getLogger(__name__).warning("no ID-hash key file: using one for this run only")
        id_hash_key = secrets.token_bytes(idkey.KEY_BYTES)
    pool = pool or PoolSettings()
    app = FastAPI(
        lifespan=_request_threads(pool.size),
        title="Hall kiosk central service",
        version=f"{API_VERSION}.0",
        description="Intake, catalog feed, queue numbers and case status for hall terminals. "
        "Every call except /health is signed (RFC 9421, HMAC-SHA256).",
        openapi_url="/openapi.json" if public_docs else None,
        docs_url="/docs" if public_docs else None,
        redoc_url="/redoc" if public_docs else None,
    )
    db = Database(db_url, seal_key_file, pool, migrate=migrate_schema)
    auth = Authenticator(db, window=timedelta(seconds=signature_window_s))
    idem = Idempotency(db, retention=timedelta(days=idempotency_days))
    app.state.db = db
    app.state.db_url = db_url

    @app.get(
        f"{API_PREFIX}/health",
        response_model=Health,
        tags=["health"],
        responses={503: {"description": "The database does not answer (``reason`` says why)"}},
    )
    def health() -> Health | JSONResponse:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        problem = db.check()
        if problem is not None:
            log.warning("health: %s", problem)
            body = {"status": "unavailable", "reason": problem, "server_time": now}
            return JSONResponse(body | {"api_version": API_VERSION}, status_code=503)
        return Health(server_time=now)

    cases.rehash_case_owners(db, id_hash_key)
    # An upload not finished within the idempotency retention (longer than any outage) is
    # abandoned: its chunks are deleted.
    files = attachments.AttachmentStore(db, abandon_after=timedelta(days=idempotency_days))
    app.include_router(
        intake.build_router(idem, auth, intake.IntakeKeys(db.sealer, id_hash_key, files))
    )
    app.include_router(attachments.build_router(files, auth))
    app.include_router(queue.build_router(db, idem, auth))
    app.include_router(booking.build_router(db, idem, auth))
    app.include_router(cases.build_router(db, auth, id_hash_key))
    app.include_router(catalog_feed.build_router(db, auth))
    app.include_router(calendar_feed.build_router(db, auth))
    app.include_router(followups.build_router(db, auth))
    app.include_router(assist.build_router(db, auth))
    app.include_router(fleet.build_router(db, auth))
    app.include_router(shared.build_router(db, auth, id_hash_key))
    app.include_router(certificates.build_router(db, idem, auth, id_hash_key))
    app.include_router(verify.build_router(db, verify.MissLimiter()))
    app.include_router(reference_photos.build_router(db, auth, id_hash_key))
    staff_auth = StaffToken(staff_token)
    app.include_router(idkey.build_router(id_hash_key, auth))
    app.include_router(staff.build_router(db, staff_auth, id_hash_key))
    app.include_router(attachments.build_staff_router(db, files, staff_auth))
    app.include_router(followups.build_staff_router(db, staff_auth))
    app.include_router(calendar_feed.build_staff_router(db, staff_auth))
    app.include_router(assist.build_staff_router(db, staff_auth))
    hub = display.DisplayHub()
    app.include_router(display.build_staff_router(db, staff_auth, hub))
    app.include_router(display.build_display_router(db, hub))
    app.include_router(console.build_console_router(db, hub, files))
    app.add_middleware(RequestGate, auth=auth, max_body_bytes=max_body_bytes)
    app.add_exception_handler(DataError, _unstorable)
    for unavailable in DATABASE_UNAVAILABLE:
        app.add_exception_handler(unavailable, _database_unavailable)
    return app


async def _database_unavailable(request: Request, exc: Exception) -> JSONResponse:
    """A route's database not answering in time: 503, retry later (``central.gate``)."""
    return database_unavailable(request.method, request.url.path, exc)


async def _unstorable(request: Request, exc: Exception) -> JSONResponse:
    """A value the database cannot hold or compare (on PostgreSQL: a NUL character, text past
    its column, a number past 32 bits; SQLite takes them): the caller's 422, not a 500."""
    cause = type(getattr(exc, "orig", None) or exc).__name__
    log.warning("%s %s: a value the database refuses (%s)", request.method, request.url.path, cause)
    return JSONResponse({"detail": "a value the database cannot hold"}, status_code=422)
