"""The gate every HTTP request passes before a route sees it (a plain ASGI middleware).

1. Body size: a ``Content-Length`` above the limit is answered 413 before a byte of the body
   is read; a body without one (chunked) is read up to the limit and answered 413 past it.
2. Terminal routes (everything under ``/api/v1`` except ``/health`` and the staff API, which
   has its own bearer token) are authenticated on the raw bytes *before* any JSON parsing:
   a refusal is a 401 whose body and ``Date`` header tell central's time (``central.auth``).
3. A JSON body holding a lone UTF-16 surrogate (``"\\ud800"``), which no database or UTF-8
   encoder accepts, or a NUL anywhere, or a ``name`` with invisible or direction-changing
   characters (controls, zero-width, bidi overrides and isolates, byte order mark), is
   answered 422 in FastAPI's validation-error shape, naming where it was found.

The route then reads the buffered body as usual and finds the authenticated terminal in the
request state (``Authenticator.__call__``).
"""

from __future__ import annotations

import json
import logging
import unicodedata
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import URL, Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from central.auth import PRINCIPAL_KEY, Authenticator, AuthError, refusal_body
from central.db import DATABASE_UNAVAILABLE
from kiosk.contract import API_PREFIX

log = logging.getLogger(__name__)

DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024
OPEN_PATHS = frozenset({f"{API_PREFIX}/health"})
STAFF_PREFIX = f"{API_PREFIX}/staff"


class BodyTooLarge(Exception):
    """The body went past the limit while being read."""


def needs_signature(path: str) -> bool:
    """Whether ``path`` is a terminal route (signed) rather than health, staff or docs."""
    if path in OPEN_PATHS or path == STAFF_PREFIX or path.startswith(STAFF_PREFIX + "/"):
        return False
    return path == API_PREFIX or path.startswith(API_PREFIX + "/")


# Character categories never part of a name as written: controls (NUL, newlines), format
# characters (zero-width space/joiners, bidi overrides and isolates, BOM, soft hyphen), line
# and paragraph separators, private use.
HIDDEN_IN_NAMES = frozenset({"Cc", "Cf", "Zl", "Zp", "Co"})
NAME_KEYS = frozenset({"name"})


def text_problem(value: Any) -> tuple[str, list[str | int]] | None:
    """The first string of a parsed JSON value central refuses: ``(type, location)``.

    ``string_unicode`` for a lone surrogate (in a value or a key), and
    ``string_hidden_characters`` for a NUL anywhere or a hidden character in a ``name``.
    """
    stack: list[tuple[Any, list[str | int], bool]] = [(value, [], False)]
    while stack:
        item, loc, is_name = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return "string_unicode", loc
            if "\x00" in item or (
                is_name and any(unicodedata.category(c) in HIDDEN_IN_NAMES for c in item)
            ):
                return "string_hidden_characters", loc
        elif isinstance(item, dict):
            for key, inner in item.items():
                where = [*loc, str(key)]
                if key_problem := text_problem(key):
                    return key_problem[0], where
                stack.append((inner, where, key in NAME_KEYS))
        elif isinstance(item, list):
            stack.extend((inner, [*loc, i], False) for i, inner in enumerate(item))
    return None


class RequestGate:
    """ASGI middleware: body limit, then signature check, then the app."""

    def __init__(
        self, app: ASGIApp, auth: Authenticator, max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    ) -> None:
        self.app = app
        self.auth = auth
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        declared = headers.get("content-length")
        if declared is not None:
            try:
                too_large = int(declared) > self.max_body_bytes
            except ValueError:
                await _answer(scope, receive, send, 400, {"detail": "bad Content-Length"})
                return
            if too_large:
                await self._too_large(scope, receive, send)
                return
        try:
            body = await self._read_body(receive)
        except BodyTooLarge:
            await self._too_large(scope, receive, send)
            return
        except _Disconnected:
            return

        path: str = scope["path"]
        if needs_signature(path):
            url = str(URL(scope=scope))
            try:
                principal = await run_in_threadpool(
                    self.auth.verify, scope["method"], url, headers, body
                )
            except DATABASE_UNAVAILABLE as exc:
                answer = database_unavailable(scope["method"], path, exc)
                await answer(scope, receive, send)
                return
            except AuthError as exc:
                # Only the path and the reason: never the body, which may be personal.
                log.info("refused request to %s: %s", path, exc.reason)
                await _answer(
                    scope,
                    receive,
                    send,
                    401,
                    refusal_body(exc.reason),
                    {"WWW-Authenticate": "Signature", "Cache-Control": "no-store"},
                )
                return
            scope.setdefault("state", {})[PRINCIPAL_KEY] = principal

        if body and _is_json(headers):
            problem = _text_problem(body)
            if problem is not None:
                await _answer(scope, receive, send, 422, _text_error(*problem))
                return

        await self.app(scope, _replay(body, receive), send)

    async def _read_body(self, receive: Receive) -> bytes:
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise _Disconnected
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                raise BodyTooLarge
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        log.info("refused request to %s: body over %d bytes", scope["path"], self.max_body_bytes)
        body = {"detail": "body_too_large", "limit_bytes": self.max_body_bytes}
        # Connection: close, so the server does not try to drain the rest of the body.
        await _answer(scope, receive, send, 413, body, {"Connection": "close"})


class _Disconnected(Exception):
    pass


def _is_json(headers: Headers) -> bool:
    kind = headers.get("content-type", "").split(";")[0].strip().lower()
    return kind == "application/json" or kind.endswith("+json")


def _text_problem(body: bytes) -> tuple[str, list[str | int]] | None:
    try:
        parsed = json.loads(body)
    except (ValueError, RecursionError):
        return None  # not JSON: FastAPI answers it as such
    return text_problem(parsed)


_TEXT_MESSAGES = {
    "string_unicode": "Input should be a valid string: lone UTF-16 surrogates are not text",
    "string_hidden_characters": "Input should be visible text: NUL, or an invisible or "
    "direction-changing character in a name",
}


def _text_error(kind: str, loc: list[str | int]) -> dict[str, Any]:
    return {"detail": [{"type": kind, "loc": ["body", *loc], "msg": _TEXT_MESSAGES[kind]}]}


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


RETRY_AFTER_S = 2  # when the database did not answer (DATABASE_UNAVAILABLE)


def database_unavailable(method: str, path: str, exc: Exception) -> JSONResponse:
    """503 with ``Retry-After`` (a terminal keeps the item and tries again); the log says
    which path and the error's class, never its text (it holds the statement's values)."""
    cause = type(getattr(exc, "orig", None) or exc).__name__
    log.warning("%s %s: the database did not answer (%s)", method, path, cause)
    return JSONResponse(
        {"detail": "the database is busy or unavailable; retry later"},
        status_code=503,
        headers={"Retry-After": str(RETRY_AFTER_S)},
    )


async def _answer(
    scope: Scope,
    receive: Receive,
    send: Send,
    status: int,
    body: dict[str, Any],
    headers: dict[str, str] | None = None,
) -> None:
    response = JSONResponse(body, status_code=status, headers=headers)
    await response(scope, receive, send)
