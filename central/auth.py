"""Terminal authentication: RFC 9421 HTTP Message Signatures with HMAC-SHA256.

Every API call except ``/health`` must carry a signature over ``@method``, ``@path``,
``@query`` and ``content-digest`` (RFC 9530 sha-256 of the body), with ``created`` and
``keyid`` (the terminal id) and preferably a ``nonce``. Requests that are unsigned, signed
with an unknown key or a wrong secret, older than the window (5 minutes), or replayed (nonce,
else signature, seen before within the window) get 401. ``@path`` rather than
``@target-uri`` because TLS usually ends at a reverse proxy that rewrites scheme and host.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from fastapi import HTTPException, Request
from http_message_signatures import (
    HTTPMessageVerifier,
    HTTPSignatureKeyResolver,
    InvalidSignature,
    algorithms,
)
from http_message_signatures.exceptions import HTTPMessageSignaturesException
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool

from central.db import Database, SeenSignature, Terminal, utcnow

log = logging.getLogger(__name__)

REQUIRED_COMPONENTS = ("@method", "@path", "@query", "content-digest")
DEFAULT_WINDOW = timedelta(minutes=5)


@dataclass(frozen=True)
class Principal:
    """The authenticated terminal of a request."""

    terminal_id: str
    hall_id: str


class AuthError(Exception):
    """Why a request was refused; ``reason`` is a short code returned in the 401 body."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _Verifier(HTTPMessageVerifier):
    # Terminals correct their clock from our Date header, but allow a little drift ahead.
    max_clock_skew = timedelta(seconds=30)


class _TerminalKeys(HTTPSignatureKeyResolver):
    def __init__(self, db: Database) -> None:
        self.db = db
        self.found: Terminal | None = None

    def resolve_public_key(self, key_id: str) -> bytes:
        with self.db.session() as s:
            terminal = s.get(Terminal, key_id)
        if terminal is None or not terminal.enabled:
            raise InvalidSignature("unknown terminal")
        self.found = terminal
        return bytes(terminal.secret)

    def resolve_private_key(self, key_id: str) -> bytes:
        raise InvalidSignature("central does not sign")


@dataclass
class _Message:
    method: str
    url: str
    headers: Any


def new_secret() -> str:
    """A fresh terminal secret: 32 random bytes as URL-safe text."""
    return secrets.token_urlsafe(32)


def add_terminal(db: Database, terminal_id: str, hall_id: str = "H0001") -> str:
    """Register (or re-key) a terminal and return its secret; shown once, never logged."""
    secret = new_secret()
    with db.session() as s:
        existing = s.get(Terminal, terminal_id)
        if existing is None:
            s.add(Terminal(terminal_id=terminal_id, hall_id=hall_id, secret=secret.encode()))
        else:
            existing.secret = secret.encode()
            existing.hall_id = hall_id
            existing.enabled = True
            s.add(existing)
    return secret


class Authenticator:
    """Verifies signed requests against the terminal table and the replay ledger."""

    def __init__(self, db: Database, window: timedelta = DEFAULT_WINDOW) -> None:
        self.db = db
        self.window = window
        self._last_purge = 0.0
        self._purge_lock = threading.Lock()

    def verify(self, method: str, url: str, headers: Any, body: bytes) -> Principal:
        """Check one request; returns the terminal or raises :class:`AuthError`."""
        if "signature" not in headers or "signature-input" not in headers:
            raise AuthError("unsigned")
        keys = _TerminalKeys(self.db)
        verifier = _Verifier(signature_algorithm=algorithms.HMAC_SHA256, key_resolver=keys)
        try:
            results = verifier.verify(
                _Message(method, url, headers),
                max_age=self.window,
                require_components=REQUIRED_COMPONENTS,
                body=body,
            )
        except (InvalidSignature, HTTPMessageSignaturesException) as exc:
            raise AuthError(_reason(str(exc))) from None
        if len(results) != 1 or keys.found is None:
            raise AuthError("one signature expected")
        result = results[0]
        token = result.nonce or hashlib.sha256(headers["signature"].encode()).hexdigest()
        self._remember(keys.found.terminal_id, token[:128])
        return Principal(keys.found.terminal_id, keys.found.hall_id)

    def _remember(self, terminal_id: str, token: str) -> None:
        self._maybe_purge()
        try:
            with self.db.session() as s:
                s.add(SeenSignature(terminal_id=terminal_id, token=token))
        except IntegrityError:
            raise AuthError("replayed") from None

    def _maybe_purge(self) -> None:
        # Entries older than the window can never match a fresh request again.
        now = time.monotonic()
        if now - self._last_purge < 60 or not self._purge_lock.acquire(blocking=False):
            return
        try:
            self._last_purge = now
            cutoff = utcnow() - 2 * self.window
            with self.db.session() as s:
                s.execute(delete(SeenSignature).where(SeenSignature.seen_at < cutoff))  # type: ignore[arg-type]
        finally:
            self._purge_lock.release()

    async def __call__(self, request: Request) -> Principal:
        """FastAPI dependency: the request's terminal, or 401."""
        body = await request.body()
        try:
            return await run_in_threadpool(
                self.verify, request.method, str(request.url), request.headers, body
            )
        except AuthError as exc:
            log.info("refused request to %s: %s", request.url.path, exc.reason)
            raise HTTPException(
                status_code=401, detail=exc.reason, headers={"WWW-Authenticate": "Signature"}
            ) from None


def _reason(message: str) -> str:
    text = message.lower()
    if "age" in text or "expire" in text or "created" in text or "future" in text:
        return "stale"
    if "digest" in text:
        return "bad_digest"
    if "unknown terminal" in text:
        return "unknown_terminal"
    return "bad_signature"


class StaffToken:
    """Bearer token of the small staff API; no token configured means the API is off."""

    def __init__(self, token: str | None) -> None:
        self._token = token

    def __call__(self, request: Request) -> None:
        """FastAPI dependency: 403 unless ``Authorization: Bearer <token>`` matches."""
        given = request.headers.get("authorization", "")
        expected = f"Bearer {self._token}" if self._token else None
        if expected is None or not hmac.compare_digest(given.encode(), expected.encode()):
            raise HTTPException(status_code=403, detail="staff token required")
