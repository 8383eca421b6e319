"""The terminal's HTTP client of the central API: signed, timed out, TLS always verified.

Every call is signed (RFC 9421, HMAC-SHA256 over ``@method``, ``@path``, ``@query`` and the
RFC 9530 ``content-digest``, with ``created``, ``nonce`` and ``keyid`` = terminal id). The
client learns the server's clock from its ``Date`` header and signs with corrected time, so a
terminal whose clock drifted is not locked out by the 5-minute freshness window.

Failures become :class:`TransientError` (retry later: network, timeouts, 408, 409, 425, 429,
5xx, unreadable answers), :class:`AuthenticationError` (401: central does not accept the
terminal's signature: its clock, its secret or its registration, never the request's
content) or :class:`PermanentError` (400, 403, 404, 422 and other 4xx).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

import requests
from pydantic import BaseModel, ValidationError
from requests_http_signature import HTTPSignatureAuth, algorithms

from drivers.errors import ReasonError
from kiosk.contract import (
    API_PREFIX,
    Appointment,
    AppointmentList,
    AssistRequest,
    AssistStatus,
    AttachmentState,
    BatchItem,
    BatchRequest,
    BatchResponse,
    BookingRequest,
    CalendarFeed,
    CaseLookup,
    CaseStatus,
    CaseStatusList,
    CaseStatusQuery,
    CatalogDelta,
    CatalogSnapshot,
    FollowUpAppeal,
    FollowUpQuery,
    FollowUpStatus,
    Heartbeat,
    HeartbeatAck,
    IdHashKey,
    SharedCheck,
    SharedCheckResult,
    SlotList,
    Ticket,
    TicketPosition,
    TicketRequest,
)

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 3.05
READ_TIMEOUT_S = 15.0
CLOCK_SLACK_S = 2.0  # beyond Date's own second and a busy server's late stamp
TRANSIENT_STATUS = frozenset({408, 409, 425, 429})
M = TypeVar("M", bound=BaseModel)


class CentralError(ReasonError):
    """A call to central failed; ``reason`` is a short machine-readable code."""

    def __init__(self, reason: str, message: str, status: int | None = None) -> None:
        super().__init__(reason, message)
        self.status = status


class TransientError(CentralError):
    """Worth retrying later; ``retry_after_s`` when the server said how long to wait."""

    def __init__(
        self,
        reason: str,
        message: str,
        status: int | None = None,
        retry_after_s: float | None = None,
        network: bool = False,
    ) -> None:
        super().__init__(reason, message, status)
        self.retry_after_s = retry_after_s
        self.network = network


class PermanentError(CentralError):
    """Retrying the same request will not help (dead-letter it)."""


class AuthenticationError(PermanentError):
    """Central refused the terminal's signature (401): not the request's fault.

    ``auth_reason`` is central's short reason when its answer gives one (``stale``,
    ``bad_signature``, ``unknown_terminal`` …; ``unknown`` otherwise). ``clock_corrected`` is
    True when the same answer's ``Date`` header moved the signing clock, so an immediate
    retry may succeed. It is a :class:`PermanentError` for callers that only tell "retry
    later" from "refused"; the sync runner keeps items queued on it.
    """

    def __init__(
        self, message: str, auth_reason: str, *, clock_corrected: bool, status: int = 401
    ) -> None:
        super().__init__("auth_failed", message, status=status)
        self.auth_reason = auth_reason
        self.clock_corrected = clock_corrected


@dataclass(frozen=True)
class Credentials:
    """A terminal's identity at central."""

    terminal_id: str
    secret: bytes

    def __repr__(self) -> str:
        return f"Credentials(terminal_id={self.terminal_id!r}, secret=<hidden>)"


def read_credentials(terminal_id: str, secret_file: Path) -> Credentials | None:
    """The terminal's secret from ``secret_file`` (first line), or ``None`` when absent."""
    try:
        secret = secret_file.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    if not secret:
        return None
    return Credentials(terminal_id, secret.encode())


def write_credentials(secret_file: Path, secret: str) -> None:
    """Store a secret (mode 0600, folder 0700): used by install and by demo mode."""
    secret_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = secret_file.with_suffix(".tmp")
    tmp.touch(mode=0o600)
    tmp.chmod(0o600)
    tmp.write_text(secret + "\n", encoding="utf-8")
    tmp.replace(secret_file)


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or HTTP-date); ``None`` if unusable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


class _ClockAwareAuth(HTTPSignatureAuth):
    """Signs with ``created`` from ``clock`` (wall-clock seconds) corrected by the offset to
    the server's clock."""

    offset_s: float = 0.0
    clock: Callable[[], float] = staticmethod(time.time)

    def get_created(self, request: requests.PreparedRequest) -> dt.datetime:
        created = dt.datetime.fromtimestamp(self.clock() + self.offset_s)
        self.add_date(request, timestamp=int(created.timestamp()))
        return created


def signing_auth(credentials: Credentials) -> _ClockAwareAuth:
    """The terminal's request signer (a ``requests`` auth): RFC 9421 HMAC-SHA256 over
    ``@method``, ``@path``, ``@query`` and ``content-digest``, with a fresh nonce each call.
    Load generators sign with it too, so they are refused and accepted exactly as terminals."""
    return _ClockAwareAuth(
        signature_algorithm=algorithms.HMAC_SHA256,
        key=credentials.secret,
        key_id=credentials.terminal_id,
        covered_component_ids=("@method", "@path", "@query"),
        use_nonce=True,
    )


class CentralClient:
    """One ``requests.Session`` to central, used from one thread (the sync worker's)."""

    def __init__(
        self,
        base_url: str,
        credentials: Credentials,
        *,
        ca_file: str | None = None,
        client_cert: str | None = None,
        client_key: str | None = None,
        timeout: tuple[float, float] = (CONNECT_TIMEOUT_S, READ_TIMEOUT_S),
        clock: Callable[[], float] = time.time,
    ) -> None:
        """``clock`` is the terminal's wall clock in POSIX seconds (tests give a skewed one)."""
        self.base_url = base_url.rstrip("/")
        self.terminal_id = credentials.terminal_id
        self.timeout = timeout
        self._auth = signing_auth(credentials)
        self._auth.clock = clock
        self._clock = clock
        self._http = requests.Session()
        # Verification is never switched off: a private CA bundle replaces the system one.
        self._http.verify = ca_file or True
        if client_cert:
            self._http.cert = (client_cert, client_key) if client_key else client_cert
        self._http.headers["User-Agent"] = f"hall-kiosk/{credentials.terminal_id}"

    def close(self) -> None:
        """Close pooled connections."""
        self._http.close()

    # -- plumbing ---------------------------------------------------------------------------

    @property
    def clock_offset_s(self) -> float:
        """Seconds added to the terminal's clock when signing (central's time minus ours)."""
        return self._auth.offset_s

    def _learn_clock(self, reply: requests.Response, sent: float) -> bool:
        """Take central's time from ``Date`` (every answer, 401s too); True if it changed.

        ``Date`` has one-second resolution and is stamped somewhere between the moment the
        request left (``sent``, our clock) and the moment its answer arrived; a busy server may
        stamp a second or two late. Only a time outside that window by more than two seconds
        is a clock that differs: a slow answer is not a skewed clock.
        """
        date = reply.headers.get("Date")
        if not date:
            return False
        try:
            server = email.utils.parsedate_to_datetime(date).timestamp()
        except (TypeError, ValueError, IndexError):
            return False
        received = self._clock()
        if server < sent - 1 - CLOCK_SLACK_S:  # Date is floored: allow its lost second
            new = server + 0.5 - sent
        elif server > received + CLOCK_SLACK_S:
            new = server + 0.5 - received
        else:
            new = 0.0
        old, self._auth.offset_s = self._auth.offset_s, new
        if abs(new - old) > CLOCK_SLACK_S:
            log.warning(
                "terminal clock differs from central's by %.0f s; signing with central's", -new
            )
            return True
        return False

    def request(
        self,
        method: str,
        path: str,
        model: type[M],
        *,
        body: BaseModel | None = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> M:
        """Send one signed request and parse the answer as ``model``."""
        data = body.model_dump_json().encode() if body is not None else b""
        hdrs = {"Content-Type": "application/json", **(headers or {})}
        reply = self._send(method, path, data, hdrs, params)
        return _parse(reply, model)

    def _send(
        self,
        method: str,
        path: str,
        data: bytes,
        hdrs: dict[str, str],
        params: dict[str, Any] | None = None,
        *,
        answer: frozenset[int] = frozenset(),
    ) -> requests.Response:
        """One signed request; a status in ``answer`` is returned instead of raised."""
        sent = self._clock()
        try:
            reply = self._http.request(
                method,
                f"{self.base_url}{API_PREFIX}{path}",
                data=data,
                params=params,
                headers=hdrs,
                auth=self._auth,
                timeout=self.timeout,
            )
        except requests.Timeout as exc:
            raise TransientError("timeout", type(exc).__name__, network=True) from None
        except requests.exceptions.SSLError as exc:
            raise TransientError("tls", f"TLS failed: {type(exc).__name__}", network=True) from None
        except requests.RequestException as exc:
            raise TransientError("network", type(exc).__name__, network=True) from None
        clock_corrected = self._learn_clock(reply, sent)
        status = reply.status_code
        if status in answer:
            return reply
        if status == 401:
            reason = _auth_reason(reply)
            raise AuthenticationError(
                f"HTTP 401: central refused the terminal's signature ({reason})",
                reason,
                clock_corrected=clock_corrected,
            )
        if status >= 500 or status in TRANSIENT_STATUS:
            raise TransientError(
                "server_busy" if status in (429, 503) else "server_error",
                f"HTTP {status}: {_detail(reply)}",
                status=status,
                retry_after_s=parse_retry_after(reply.headers.get("Retry-After")),
            )
        if status >= 400:
            raise PermanentError("rejected", f"HTTP {status}: {_detail(reply)}", status=status)
        return reply

    # -- API ---------------------------------------------------------------------------------

    def health(self) -> bool:
        """Whether central answers its (unsigned) health endpoint."""
        sent = self._clock()
        try:
            reply = self._http.get(f"{self.base_url}{API_PREFIX}/health", timeout=self.timeout)
        except requests.RequestException:
            return False
        if reply.ok:
            self._learn_clock(reply, sent)
        return reply.ok

    def check_auth(self) -> None:
        """One cheap signed call (the catalog changes after a far-future version: none), to
        learn whether central accepts this terminal's signature; raises :class:`CentralError`."""
        self.catalog_delta(2**31 - 1)

    def id_hash_key(self) -> IdHashKey:
        """The deployment's key for hashing ID numbers (only for registered terminals)."""
        return self.request("GET", "/terminal/id-hash-key", IdHashKey)

    def attachment_state(self, sha256: str) -> AttachmentState:
        """How many bytes of the file ``sha256`` central holds (0 for one it never saw)."""
        return self.request("GET", f"/attachments/{sha256}", AttachmentState)

    def put_attachment_chunk(
        self, sha256: str, offset: int, chunk: bytes, total: int
    ) -> AttachmentState:
        """Send bytes ``offset…`` of the file; central's state after it. A refused offset
        (409) is not an error: the state names the offset central expects."""
        end = offset + len(chunk) - 1
        reply = self._send(
            "PUT",
            f"/attachments/{sha256}",
            chunk,
            {
                "Content-Type": "application/octet-stream",
                "Content-Range": f"bytes {offset}-{end}/{total}",
            },
            answer=frozenset({409}),
        )
        if reply.status_code == 409:
            try:
                expected = int(reply.json()["expected_offset"])
            except (ValueError, KeyError, TypeError):
                raise TransientError("bad_answer", "HTTP 409 without the expected offset") from None
            return AttachmentState(sha256=sha256, received=expected, size_bytes=total)
        return _parse(reply, AttachmentState)

    def send_batch(self, items: list[BatchItem]) -> BatchResponse:
        """Deliver outbox items; each result says what became of its key."""
        reply = self.request("POST", "/intake/batch", BatchResponse, body=BatchRequest(items=items))
        if [r.key for r in reply.results] != [i.key for i in items]:
            raise TransientError("bad_answer", "batch answer does not match the items sent")
        return reply

    def catalog_delta(self, since: int) -> CatalogDelta:
        """Catalog changes after feed version ``since``."""
        return self.request("GET", "/catalog/delta", CatalogDelta, params={"since": since})

    def calendar(self, since: int) -> CalendarFeed:
        """The official holiday arrangement when central's version is newer than ``since``."""
        return self.request("GET", "/calendar", CalendarFeed, params={"since": since})

    def catalog_snapshot(self) -> CatalogSnapshot:
        """The whole live catalog."""
        return self.request("GET", "/catalog/snapshot", CatalogSnapshot)

    def case_status(self, case_nos: list[str]) -> list[CaseStatus]:
        """Fresh status of the given cases (unknown ones are left out)."""
        query = CaseStatusQuery(case_nos=case_nos)
        return self.request("POST", "/cases/status", CaseStatusList, body=query).cases

    def lookup_cases(self, lookup: CaseLookup) -> list[CaseStatus]:
        """Cases by case number, receipt number or the owner's ID number."""
        return self.request("POST", "/cases/lookup", CaseStatusList, body=lookup).cases

    def take_ticket(self, request: TicketRequest, key: str) -> Ticket:
        """A queue number from central (idempotent under ``key``)."""
        return self.request(
            "POST", "/queue/tickets", Ticket, body=request, headers={"Idempotency-Key": key}
        )

    def heartbeat(self, beat: Heartbeat) -> HeartbeatAck:
        """Tell central how this terminal is (the fleet page of the console)."""
        return self.request("POST", "/heartbeat", HeartbeatAck, body=beat)

    def check_shared(self, query: SharedCheck) -> SharedCheckResult:
        """Whether data sharing holds each 免提交 material for the person (masked answers)."""
        reply = self.request("POST", "/shared/check", SharedCheckResult, body=query)
        if [f.material for f in reply.findings] != query.materials:
            raise TransientError("bad_answer", "shared-data answer does not match the materials")
        return reply

    def ticket_position(self, ticket_id: str) -> TicketPosition:
        """Where a ticket of this hall stands: waiting (people ahead), called (which window)."""
        return self.request("GET", f"/queue/tickets/{quote(ticket_id, safe='')}", TicketPosition)

    def number_position(self, display: str, day: dt.date) -> TicketPosition:
        """Where the hall's ticket numbered ``display`` on ``day`` stands (a typed number,
        whichever terminal of the hall gave it out)."""
        return self.request(
            "GET",
            f"/queue/numbers/{quote(display, safe='')}",
            TicketPosition,
            params={"day": day.isoformat()},
        )

    def appointments(self, day: dt.date) -> AppointmentList:
        """The day's appointments in this terminal's hall."""
        return self.request(
            "GET", "/appointments", AppointmentList, params={"day": day.isoformat()}
        )

    def appointment_slots(self, service_code: str, start: dt.date, days: int) -> SlotList:
        """Bookable slots of ``days`` days from ``start`` in this terminal's hall."""
        params = {"service_code": service_code, "start": start.isoformat(), "days": days}
        return self.request("GET", "/appointments/slots", SlotList, params=params)

    def book_appointment(self, request: BookingRequest, key: str) -> Appointment:
        """Book one slot (idempotent under ``key``); a full slot is a ``PermanentError``."""
        return self.request(
            "POST",
            "/appointments/book",
            Appointment,
            body=request,
            headers={"Idempotency-Key": key},
        )

    def assist(self, page: str, reason: str = "") -> AssistStatus:
        """Raise a call for a person at this terminal (or get the one already open)."""
        return self.request(
            "POST", "/assist", AssistStatus, body=AssistRequest(page=page, reason=reason)
        )

    def assist_state(self, call_id: str) -> AssistStatus:
        """Whether hall staff have taken this terminal's call."""
        return self.request("GET", f"/assist/{quote(call_id, safe='')}", AssistStatus)

    def appeal(self, tracking_no: str, reason: str) -> FollowUpStatus:
        """Appeal a closed 整改 once (申诉); 422 (``PermanentError``) when it cannot be."""
        body = FollowUpAppeal(tracking_no=tracking_no, reason=reason)
        return self.request("POST", "/followups/appeal", FollowUpStatus, body=body)

    def followup(self, tracking_no: str) -> FollowUpStatus:
        """State and answer of a complaint or consultation question."""
        query = FollowUpQuery(tracking_no=tracking_no)
        return self.request("POST", "/followups/lookup", FollowUpStatus, body=query)


_REASON = re.compile(r"[a-z][a-z0-9_]{0,39}")


def _parse(reply: requests.Response, model: type[M]) -> M:
    try:
        return model.model_validate_json(reply.content)
    except ValidationError:
        raise TransientError(
            "bad_answer",
            f"HTTP {reply.status_code} with an answer that is not a {model.__name__}",
        ) from None


def _auth_reason(reply: requests.Response) -> str:
    """Central's reason for a 401: ``{"detail": "stale"}`` or ``{"detail": {"reason": …}}``;
    anything else (or an odd shape) is ``unknown``. Only a short code is kept."""
    try:
        body = reply.json()
    except ValueError:
        return "unknown"
    detail = body.get("detail") if isinstance(body, dict) else None
    if isinstance(detail, dict):
        detail = detail.get("reason") or detail.get("code")
    if isinstance(detail, str) and _REASON.fullmatch(detail.strip().lower()):
        return detail.strip().lower()
    return "unknown"


def _detail(reply: requests.Response) -> str:
    try:
        body = reply.json()
    except ValueError:
        return reply.reason or "no detail"
    detail = body.get("detail") if isinstance(body, dict) else None
    return str(detail)[:200] if detail else (reply.reason or "no detail")
