"""Terminal authentication: RFC 9421 HTTP Message Signatures with HMAC-SHA256.

Every API call except ``/health`` and the staff API must carry exactly one signature over
``@method``, ``@path``, ``@query`` and ``content-digest`` (RFC 9530 sha-256 of the body), with
the parameters ``created`` (integer), ``nonce`` (a fresh random string), ``keyid`` (the
terminal id) and optionally ``alg`` (``hmac-sha256``) and ``expires``. ``@path`` rather than
``@target-uri`` because TLS usually ends at a reverse proxy that rewrites scheme and host.

A refused request gets 401 with ``WWW-Authenticate: Signature``, the server's ``Date`` header
and a JSON body ``{"detail": <reason>, "reason": <reason>, "message": <sentence>,
"server_time": <ISO 8601 UTC>}`` so a terminal can correct its clock and say what went wrong.
The reasons, checked in this order (see :data:`REASONS`): ``unsigned``, ``malformed``,
``missing_created``, ``missing_nonce``, ``unknown_terminal``, ``bad_signature``, ``future``,
``stale``, ``bad_digest``, ``replayed``. The clock is judged only once the signature is good,
so a wrong secret is never reported as a clock problem.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import http_sf
from fastapi import HTTPException, Request
from http_message_signatures import (
    HTTPMessageVerifier,
    HTTPSignatureKeyResolver,
    InvalidSignature,
    algorithms,
)
from http_message_signatures.exceptions import HTTPMessageSignaturesException
from pydantic import BaseModel
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from central.db import Database, SeenSignature, Terminal
from central.throttle import Throttle

log = logging.getLogger(__name__)

REQUIRED_COMPONENTS = ("@method", "@path", "@query", "content-digest")
DEFAULT_WINDOW = timedelta(minutes=5)
# Terminals correct their clock from our Date header, but allow a little drift ahead (and
# the same margin behind, on top of the window).
MAX_CLOCK_SKEW = timedelta(seconds=30)
MAX_NONCE_CHARS = 128
PRINCIPAL_KEY = "principal"  # where the gate leaves the authenticated terminal (scope state)

REASONS: dict[str, str] = {
    "unsigned": "the request carries no Signature and Signature-Input headers",
    "malformed": "the signature headers cannot be read, hold more than one signature, or do "
    "not cover @method, @path, @query and content-digest",
    "missing_created": "the signature has no integer 'created' parameter",
    "missing_nonce": "the signature has no 'nonce' parameter",
    "unknown_terminal": "the keyid names no enabled terminal",
    "bad_signature": "the signature does not verify with this terminal's secret",
    "future": "'created' is ahead of central's clock by more than the allowed skew",
    "stale": "'created' (or 'expires') is older than central's freshness window",
    "bad_digest": "the body does not match its signed Content-Digest",
    "replayed": "this nonce was already used within the freshness window",
}


@dataclass(frozen=True)
class Principal:
    """The authenticated terminal of a request."""

    terminal_id: str
    hall_id: str


class AuthError(Exception):
    """Why a request was refused; ``reason`` is a key of :data:`REASONS`."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class AuthProblem(BaseModel):
    """The body of every 401 (``detail`` repeats ``reason`` for older terminals)."""

    detail: str
    reason: str
    message: str
    server_time: str


def refusal_body(reason: str) -> dict[str, str]:
    """The JSON of a 401 for ``reason``, stamped with central's time."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    return AuthProblem(
        detail=reason, reason=reason, message=REASONS.get(reason, reason), server_time=now
    ).model_dump()


AUTH_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {
        "model": AuthProblem,
        "description": "Signature refused; the Date header and server_time carry central's clock",
    },
    413: {"description": "Body larger than central accepts"},
}


class _OneKey(HTTPSignatureKeyResolver):
    def __init__(self, secret: bytes) -> None:
        self.secret = secret

    def resolve_public_key(self, key_id: str) -> bytes:
        return self.secret

    def resolve_private_key(self, key_id: str) -> bytes:
        raise InvalidSignature("central does not sign")


class _Verifier(HTTPMessageVerifier):
    # Freshness is judged by Authenticator itself, after the signature, with precise reasons.
    require_created = False

    def validate_created_and_expires(self, sig_input: Any, max_age: Any = None) -> None:
        return None


@dataclass
class _Message:
    method: str
    url: str
    headers: Any


@dataclass(frozen=True)
class _SignatureInput:
    components: tuple[str, ...]
    params: dict[str, Any]


def _parse_signature(headers: Any) -> _SignatureInput:
    """The one signature's covered components and parameters, or ``AuthError``."""
    inputs: Any
    signatures: Any
    try:
        inputs = http_sf.parse(headers["signature-input"].encode(), tltype="dictionary")
        signatures = http_sf.parse(headers["signature"].encode(), tltype="dictionary")
    except Exception:  # the parser raises several types for bad input
        raise AuthError("malformed") from None
    if len(inputs) != 1 or list(inputs) != list(signatures):
        raise AuthError("malformed")
    ((label, (members, params)),) = inputs.items()
    if not isinstance(members, list) or not isinstance(signatures[label][0], bytes):
        raise AuthError("malformed")
    components = tuple(str(value) for value, _params in members)
    if not set(REQUIRED_COMPONENTS) <= set(components):
        raise AuthError("malformed")
    return _SignatureInput(components, dict(params))


def _digest_matches(headers: Any, body: bytes) -> bool:
    fields: Any
    try:
        fields = http_sf.parse(headers["content-digest"].encode(), tltype="dictionary")
    except Exception:
        return False
    value = fields.get("sha-256", (None, None))[0]
    return isinstance(value, bytes) and hmac.compare_digest(value, hashlib.sha256(body).digest())


def check_signature(
    method: str, url: str, headers: Any, secret: bytes, required: tuple[str, ...] = ()
) -> None:
    """The cryptographic check alone: the one HMAC-SHA256 signature of the request verifies
    with ``secret`` over its signature base (RFC 9421 section 3.2) and covers ``required``.

    No policy here (freshness, nonce, digest, replay: see :meth:`Authenticator.verify`), so
    the RFC's own test vectors can be checked against it. Raises :class:`AuthError`.
    """
    verifier = _Verifier(signature_algorithm=algorithms.HMAC_SHA256, key_resolver=_OneKey(secret))
    try:
        results = verifier.verify(
            _Message(method, url, headers), max_age=None, require_components=required
        )
    except InvalidSignature:
        raise AuthError("bad_signature") from None
    except HTTPMessageSignaturesException:
        raise AuthError("malformed") from None
    if len(results) != 1:
        raise AuthError("malformed")


def new_secret() -> str:
    """A fresh terminal secret: 32 random bytes as URL-safe text."""
    return secrets.token_urlsafe(32)


def add_terminal(db: Database, terminal_id: str, hall_id: str = "H0001") -> str:
    """Register (or re-key) a terminal and return its secret; shown once, never logged."""
    secret = new_secret()
    with db.session() as s:
        existing = s.get(Terminal, terminal_id)
        sealed = db.sealer.seal(secret.encode())
        if existing is None:
            s.add(Terminal(terminal_id=terminal_id, hall_id=hall_id, secret=sealed))
        else:
            existing.secret = sealed
            existing.hall_id = hall_id
            existing.enabled = True
            s.add(existing)
    return secret


PURGE_EVERY_S = 60.0


class Authenticator:
    """Verifies signed requests against the terminal table and the replay ledger.

    ``clock`` gives the time in seconds since the epoch (``time.time``; tests pass their
    own to live through days in a moment).
    """

    def __init__(
        self,
        db: Database,
        window: timedelta = DEFAULT_WINDOW,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.db = db
        self.window = window
        self.clock = clock
        self._purge = Throttle(PURGE_EVERY_S)

    def verify(self, method: str, url: str, headers: Any, body: bytes) -> Principal:
        """Check one request; returns the terminal or raises :class:`AuthError`."""
        if "signature" not in headers or "signature-input" not in headers:
            raise AuthError("unsigned")
        sig = _parse_signature(headers)
        created, nonce, keyid = (sig.params.get(k) for k in ("created", "nonce", "keyid"))
        if type(created) is not int:
            raise AuthError("missing_created")
        if not isinstance(nonce, str) or not nonce:
            raise AuthError("missing_nonce")
        if len(nonce) > MAX_NONCE_CHARS or not isinstance(keyid, str):
            raise AuthError("malformed")
        now = self.clock()
        self._maybe_purge(now)
        digest_ok = _digest_matches(headers, body)  # hashed before the write lock is taken
        # The terminal's row is read and the nonce written in one transaction. Not flushed on
        # its own: a request that changes anything commits durably after this and takes the
        # nonce along. A power cut can only take back the nonces of requests that changed
        # nothing (reads, refusals) in the moments before it; such a request replayed
        # afterwards changes nothing either (writes carry idempotency keys, which are
        # durable once performed).
        with self.db.session(durable=False) as s:
            terminal = s.get(Terminal, keyid)
            if terminal is None or not terminal.enabled:
                raise AuthError("unknown_terminal")
            secret = self.db.sealer.open(bytes(terminal.secret))
            check_signature(method, url, headers, secret, REQUIRED_COMPONENTS)
            if created > now + MAX_CLOCK_SKEW.total_seconds():
                raise AuthError("future")
            expires = sig.params.get("expires")
            too_old = now - (self.window + MAX_CLOCK_SKEW).total_seconds()
            if created < too_old or (type(expires) is int and expires < now - 1):
                raise AuthError("stale")
            if not digest_ok:
                raise AuthError("bad_digest")
            principal = Principal(terminal.terminal_id, terminal.hall_id)
            seen_at = datetime.fromtimestamp(now, UTC)
            try:  # the unique (terminal, nonce) key: a flush failing on it is a replay
                s.add(
                    SeenSignature(terminal_id=principal.terminal_id, token=nonce, seen_at=seen_at)
                )
                s.flush()
            except IntegrityError:
                raise AuthError("replayed") from None
        return principal

    def keep_for(self) -> timedelta:
        """How long a nonce must be remembered: a request is fresh while its ``created`` is
        at most window + skew old, and ``created`` may be up to skew ahead of its arrival."""
        return self.window + 2 * MAX_CLOCK_SKEW

    def _maybe_purge(self, now: float) -> None:
        # Entries older than keep_for() can never match a fresh request again.
        with self._purge.turn(now) as due:
            if not due:
                return
            cutoff = datetime.fromtimestamp(now, UTC) - self.keep_for()
            with self.db.session() as s:
                s.execute(delete(SeenSignature).where(SeenSignature.seen_at < cutoff))  # type: ignore[arg-type]

    def __call__(self, request: Request) -> Principal:
        """FastAPI dependency: the terminal the gate authenticated (before the body was
        parsed); 401 when the request did not pass through it."""
        principal = request.scope.get("state", {}).get(PRINCIPAL_KEY)
        if not isinstance(principal, Principal):
            raise HTTPException(
                status_code=401, detail="unsigned", headers={"WWW-Authenticate": "Signature"}
            )
        return principal


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
