"""One sync pass, safe to kill at any instant: send due items, pull catalog and case status.

Sending is staged like Morango's transfers: (1) claim due rows (``sending``) in one short
transaction, (2) one signed batch request, (3) record every result in one transaction.
A kill after (1) leaves ``sending`` rows that :func:`kiosk.sync.outbox.recover` returns to
``pending``; a kill after (2) only means central replays its stored answers next time.
Submissions with files central does not hold yet go in a second request after their uploads
(:class:`kiosk.sync.attachments.Uploader`); the items without files are posted and recorded
first, so they never wait behind megabytes of scans.

Only an item central rejects *as an item* (its own 4xx result, or a refused envelope traced
to it) goes ``dead``. A 401 is about the terminal (clock, secret, registration): every item
stays queued, the whole outbox backs off, and the failure is kept in ``terminal_meta``
(:data:`META_AUTH_FAILURE`) for the staff screen and ``kioskctl doctor`` until a signed call
succeeds again. When central's ``Date`` header corrected the signing clock the items are due
again at once.
"""

from __future__ import annotations

import json
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import text

from kiosk.contract import (
    FINAL_CASE_STATES,
    BatchItem,
    BatchItemResult,
    CaseStatus,
    CatalogDelta,
    IntakeKind,
)
from kiosk.logs import log_event
from kiosk.store import Store
from kiosk.store.models import OutboxRow, TerminalMeta
from kiosk.sync.attachments import (
    AttachmentError,
    Uploader,
    mark_missing,
    waiting_among,
    waiting_uploads,
)
from kiosk.sync.backoff import Backoff
from kiosk.sync.client import (
    AuthenticationError,
    CentralClient,
    PermanentError,
    TransientError,
)
from kiosk.sync.crypto import FieldCipher, SealError
from kiosk.sync.outbox import ErrorKind, OutboxState, iso, utcnow

log = logging.getLogger(__name__)

CatalogCallback = Callable[[CatalogDelta], None]
PERMANENT_ITEM_STATUS = frozenset({400, 401, 403, 404, 410, 413, 422})
RETRY_4XX = frozenset({408, 409, 425, 429})
# Central's catalog feed counter; not the installed catalog's own version (YYYYMMDDNN),
# which the importer keeps under "catalog_version".
META_CATALOG_VERSION = "catalog_feed_version"
META_LAST_SUCCESS = "sync_last_success"
# JSON {status, reason, count, since, last, retry_at} while central refuses our signature.
META_AUTH_FAILURE = "sync_auth_failure"
# Backoff of the whole outbox after an authentication failure: 30 s, 60 s … at most 15 min
# (equal jitter), so a terminal whose secret was fixed resumes soon without hammering central.
AUTH_BACKOFF = Backoff(base_s=30.0, cap_s=900.0)


@dataclass
class PassResult:
    """What one send step did."""

    sent: int = 0
    retried: int = 0
    dead: int = 0
    network_error: bool = False
    auth_failed: bool = False
    errors: list[str] = field(default_factory=list)

    @property
    def attempted(self) -> int:
        """Items that were tried in this step."""
        return self.sent + self.retried + self.dead


@dataclass(frozen=True)
class _Claimed:
    id: int
    key: str
    kind: str
    attempts: int
    submission_id: int | None
    body: dict[str, Any] | None
    error: str | None = None


class SyncRunner:
    """The synchronous steps of a sync pass; the worker thread and ``kioskctl`` call them."""

    def __init__(
        self,
        store: Store,
        client: CentralClient,
        cipher: FieldCipher,
        *,
        batch_size: int = 200,
        backoff: Backoff | None = None,
        rng: random.Random | None = None,
        on_catalog: CatalogCallback | None = None,
    ) -> None:
        self.store = store
        self.client = client
        self.cipher = cipher
        self.batch_size = batch_size
        self.backoff = backoff or Backoff()
        self.rng = rng or random.Random()
        self.on_catalog = on_catalog
        self.uploader = Uploader(store, client, cipher)
        # Whether terminal_meta holds an authentication failure (None: not looked yet).
        self._auth_failure_known: bool | None = None

    # -- sending -----------------------------------------------------------------------------

    def claim_due(self, now: datetime, limit: int) -> list[_Claimed]:
        """Stage 1: take up to ``limit`` due rows, oldest first, and mark them ``sending``."""
        with self.store.session(write=True) as s:
            rows = s.execute(
                text(
                    "SELECT id, idempotency_key, kind, attempts, submission_id, payload, sealed "
                    "FROM outbox WHERE state='pending' "
                    "AND (next_attempt_at IS NULL OR next_attempt_at <= :now) "
                    "ORDER BY id LIMIT :limit"
                ),
                {"now": iso(now), "limit": limit},
            ).all()
            if not rows:
                return []
            ids = [r[0] for r in rows]
            s.execute(
                text(
                    "UPDATE outbox SET state='sending', attempts=attempts+1 "
                    f"WHERE id IN ({','.join(str(int(i)) for i in ids)})"
                )
            )
        claimed = []
        for rid, key, kind, attempts, sub_id, payload, sealed in rows:
            try:
                body = self.cipher.open(json.loads(payload), sealed, key)
                claimed.append(_Claimed(rid, key, kind, attempts + 1, sub_id, body))
            except (SealError, ValueError) as exc:
                claimed.append(_Claimed(rid, key, kind, attempts + 1, sub_id, None, str(exc)))
        return claimed

    def send_due(self, now: datetime | None = None) -> PassResult:
        """Send one batch of due items and record the outcome of each."""
        now = now or utcnow()
        claimed = self.claim_due(now, self.batch_size)
        result = PassResult()
        if not claimed:
            return result
        broken = [c for c in claimed if c.body is None]
        good = [c for c in claimed if c.body is not None]
        outcomes: dict[int, tuple[str, object]] = {
            c.id: ("dead", f"local: {c.error}") for c in broken
        }
        try:
            # Items with files still to upload go last, so a ticket or a rating claimed in the
            # same pass is not held back by megabytes of scans.
            slow = {c.id for c in good if self._carries_files(c)}
            quick = [c for c in good if c.id not in slow]
            if quick:
                outcomes.update(self._exchange(quick))
                if slow:
                    self._record([*broken, *quick], outcomes, now, result)
            ready = self._upload_first([c for c in good if c.id in slow], outcomes)
            if ready:
                outcomes.update(self._exchange(ready))
        except BaseException:
            # Anything unexpected (including a stop): leave no row stuck in 'sending'.
            self._record(claimed, {c.id: ("retry", "interrupted") for c in good}, now, result)
            raise
        self._record(claimed, outcomes, now, result)
        return result

    def _files_of(self, c: _Claimed) -> list[str] | None:
        """Hashes of ``c``'s files central has not confirmed yet; ``None``: a kind that
        carries none (a submission's are linked to it, a 补正 names them in its body)."""
        if c.kind == IntakeKind.SUBMISSION.value and c.submission_id is not None:
            return waiting_uploads(self.store, c.submission_id)
        if c.kind == IntakeKind.SUPPLEMENT.value and c.body is not None:
            named = [str(a.get("sha256", "")) for a in c.body.get("attachments", [])]
            return waiting_among(self.store, named)
        return None

    def _carries_files(self, c: _Claimed) -> bool:
        """Whether ``c`` names files central has not confirmed yet."""
        return bool(self._files_of(c))

    def _upload_first(
        self, items: list[_Claimed], outcomes: dict[int, tuple[str, object]]
    ) -> list[_Claimed]:
        """Upload the files of the items among ``items`` that carry some; returns the items
        ready to post. One whose upload failed gets its outcome now and waits."""
        ready = []
        for c in items:
            digests = self._files_of(c)
            if not digests:
                ready.append(c)
                continue
            try:
                self.uploader.upload_all(digests)
            except TransientError as exc:
                outcomes[c.id] = ("retry", exc)
                continue
            except AuthenticationError as exc:
                outcomes[c.id] = ("auth", exc)
                continue
            except AttachmentError as exc:
                # Unavailable here (purged, does not open): local; refused by central: not.
                local = exc.reason == "attachment_unavailable"
                outcomes[c.id] = ("dead", f"{'local: ' if local else ''}{exc.reason}: {exc}")
                continue
            except PermanentError as exc:
                outcomes[c.id] = ("dead", f"HTTP {exc.status}: {exc}")
                continue
            ready.append(c)
        return ready

    def _exchange(self, items: list[_Claimed]) -> dict[int, tuple[str, object]]:
        """Stage 2: one request; maps row id → ("sent", ack) | ("retry", err) | ("dead", err)."""
        batch = [BatchItem(key=c.key, kind=IntakeKind(c.kind), body=c.body or {}) for c in items]
        try:
            reply = self.client.send_batch(batch)
        except TransientError as exc:
            return {c.id: ("retry", exc) for c in items}
        except AuthenticationError as exc:
            # Central refused the terminal, not these items: they all stay queued.
            return {c.id: ("auth", exc) for c in items}
        except PermanentError as exc:
            if len(items) > 1 and exc.status not in (401, 403):
                # The envelope was refused: find the culprit by sending the items one by one.
                out: dict[int, tuple[str, object]] = {}
                for c in items:
                    out.update(self._exchange([c]))
                return out
            return {c.id: ("dead", f"HTTP {exc.status}: {exc}") for c in items}
        missing = [h for r in reply.results if r.status == 409 for h in r.missing]
        if missing:
            # Central lacks files we thought it held: ask it again before the next post.
            mark_missing(self.store, missing)
            log.warning("central lacks %d attachment(s); they are uploaded again", len(missing))
        return {c.id: _classify(r) for c, r in zip(items, reply.results, strict=True)}

    def _record(
        self,
        claimed: list[_Claimed],
        outcomes: dict[int, tuple[str, object]],
        now: datetime,
        result: PassResult,
    ) -> None:
        """Stage 3: every outcome in one transaction."""
        stamp = iso(now)
        auth = next((d for v, d in outcomes.values() if v == "auth"), None)
        with self.store.session(write=True) as s:
            auth_retry_at = (
                self._note_auth_failure(s, auth, now)
                if isinstance(auth, AuthenticationError)
                else None
            )
            for c in claimed:
                verdict, detail = outcomes.get(c.id, ("retry", "no answer"))
                row = s.get(OutboxRow, c.id)
                if row is None or row.state != OutboxState.SENDING.value:
                    continue  # staff or another process changed it meanwhile
                if verdict == "sent":
                    row.state, row.sent_at, row.last_error = "sent", stamp, None
                    row.error_kind = None
                    self._store_ack(s, c, detail)
                    result.sent += 1
                elif verdict == "auth":
                    row.state = "pending"
                    row.next_attempt_at = iso(auth_retry_at or now)
                    reason = getattr(detail, "auth_reason", "unknown")
                    row.last_error = f"auth: HTTP 401 ({reason})"
                    row.error_kind = ErrorKind.AUTH.value
                    result.retried += 1
                    result.auth_failed = True
                elif verdict == "dead":
                    row.state, row.last_error = "dead", str(detail)[:500]
                    local = c.body is None or str(detail).startswith("local:")
                    kind = ErrorKind.LOCAL if local else ErrorKind.REJECTED
                    row.error_kind = kind.value
                    result.dead += 1
                    # Central's error may quote the item (pydantic's input_value): the event
                    # carries no payload, and the filter masks what the error text holds.
                    log_event(
                        log,
                        "outbox.rejected",
                        logging.WARNING,
                        item=c.id,
                        kind=c.kind,
                        error=row.last_error,
                    )
                else:
                    retry_after = getattr(detail, "retry_after_s", None)
                    network = bool(getattr(detail, "network", False))
                    delay = self.backoff.delay(c.attempts, self.rng, retry_after)
                    row.state = "pending"
                    row.next_attempt_at = iso(now + timedelta(seconds=delay))
                    row.last_error = f"{'network' if network else 'retry'}: {detail}"[:500]
                    row.error_kind = (ErrorKind.NETWORK if network else ErrorKind.TRANSIENT).value
                    result.retried += 1
                    result.network_error = result.network_error or network
                s.add(row)
            if result.sent:
                _set_meta(s, META_LAST_SUCCESS, stamp)
                if not result.auth_failed:
                    _clear_auth_failure(s)
                    self._auth_failure_known = False

    def _note_auth_failure(self, s: object, exc: AuthenticationError, now: datetime) -> datetime:
        """Record the failure and push the whole outbox back; returns when to try again."""
        previous = _read_meta_json(s, META_AUTH_FAILURE) or {}
        count = int(previous.get("count", 0)) + 1
        if exc.clock_corrected:
            retry_at = now  # signing with central's time now: worth trying at once
        else:
            ceiling = AUTH_BACKOFF.ceiling(count)
            retry_at = now + timedelta(seconds=ceiling / 2 + self.rng.uniform(0, ceiling / 2))
            s.execute(  # type: ignore[attr-defined]
                text(
                    "UPDATE outbox SET next_attempt_at=:at WHERE state='pending' "
                    "AND (next_attempt_at IS NULL OR next_attempt_at < :at)"
                ),
                {"at": iso(retry_at)},
            )
        _write_auth_failure(s, previous, exc.status or 401, exc.auth_reason, count, now, retry_at)
        self._auth_failure_known = True
        log.warning(
            "central refused this terminal's signature (HTTP %s, %s, %d time(s) in a row); "
            "items stay queued, next try at %s",
            exc.status,
            exc.auth_reason,
            count,
            iso(retry_at),
        )
        return retry_at

    def note_auth_failure(self, exc: AuthenticationError, now: datetime | None = None) -> None:
        """A pull (catalog, status, appointments) got a 401: remember it for staff."""
        with self.store.session(write=True) as s:
            self._note_auth_failure(s, exc, now or utcnow())

    def auth_ok(self) -> None:
        """A signed call succeeded: forget a recorded authentication failure."""
        if self._auth_failure_known is False:
            return
        with self.store.session(write=True) as s:
            _clear_auth_failure(s)
        self._auth_failure_known = False

    @staticmethod
    def _store_ack(s: object, c: _Claimed, ack: object) -> None:
        case_no = getattr(ack, "case_no", None)
        if c.submission_id is None or not case_no:
            return
        promised = getattr(ack, "promised_date", None)
        s.execute(  # type: ignore[attr-defined]
            text(
                "UPDATE submission SET case_no=:case_no, "
                "promised_date=COALESCE(:promised, promised_date) WHERE id=:id"
            ),
            {
                "case_no": case_no,
                "promised": promised.isoformat() if promised else None,
                "id": c.submission_id,
            },
        )

    def drain(self, max_passes: int = 10_000) -> PassResult:
        """Send until nothing is due now (items backing off stay for later)."""
        total = PassResult()
        for _ in range(max_passes):
            step = self.send_due()
            total.sent += step.sent
            total.retried += step.retried
            total.dead += step.dead
            total.network_error = total.network_error or step.network_error
            total.auth_failed = total.auth_failed or step.auth_failed
            if step.attempted == 0 or step.network_error:
                break
        return total

    # -- pulling -----------------------------------------------------------------------------

    def pull_catalog(self) -> int | None:
        """Fetch the catalog delta and hand it to the callback; returns the new version.

        The version is remembered only after the callback returned, so a failed import is
        fetched again next time.
        """
        if self.on_catalog is None:
            return None
        with self.store.session() as s:
            meta = s.get(TerminalMeta, META_CATALOG_VERSION)
        since = int(meta.value) if meta else 0
        delta = self.client.catalog_delta(since)
        if delta.version < since:
            log.warning("central's catalog went back from %d to %d", since, delta.version)
        if delta.empty and delta.version == since:
            return since
        self.on_catalog(delta)
        with self.store.session(write=True) as s:
            _set_meta(s, META_CATALOG_VERSION, str(delta.version))
        return delta.version

    def open_cases(self, limit: int = 500) -> list[str]:
        """Case numbers of this terminal's submissions that are not final yet."""
        finals = ",".join(f"'{state.value}'" for state in FINAL_CASE_STATES)
        with self.store.session() as s:
            rows = s.execute(
                text(
                    "SELECT s.case_no FROM submission s "
                    "LEFT JOIN case_status c ON c.case_no = s.case_no "
                    "WHERE s.case_no IS NOT NULL "
                    f"AND (c.state IS NULL OR c.state NOT IN ({finals})) "
                    "ORDER BY s.id DESC LIMIT :limit"
                ),
                {"limit": limit},
            ).all()
        return [r[0] for r in rows]

    def pull_status(self, now: datetime | None = None) -> int:
        """Refresh the stored status of open cases; returns how many changed."""
        case_nos = self.open_cases()
        if not case_nos:
            return 0
        statuses = self.client.case_status(case_nos)
        return store_case_status(self.store, statuses, now or utcnow())


def store_case_status(store: Store, statuses: list[CaseStatus], now: datetime) -> int:
    """Upsert statuses into ``case_status`` (older versions never overwrite newer)."""
    changed = 0
    with store.session(write=True) as s:
        for st in statuses:
            result = s.execute(
                text(
                    "INSERT INTO case_status "
                    "(case_no, receipt_no, state, version, payload, updated_at, fetched_at) "
                    "VALUES (:case_no, :receipt_no, :state, :version, :payload, :updated, :now) "
                    "ON CONFLICT(case_no) DO UPDATE SET receipt_no=excluded.receipt_no, "
                    "state=excluded.state, version=excluded.version, payload=excluded.payload, "
                    "updated_at=excluded.updated_at, fetched_at=excluded.fetched_at "
                    "WHERE excluded.version > case_status.version"
                ),
                {
                    "case_no": st.case_no,
                    "receipt_no": st.receipt_no,
                    "state": st.state.value,
                    "version": st.version,
                    "payload": st.model_dump_json(),
                    "updated": iso(st.updated_at),
                    "now": iso(now),
                },
            )
            changed += int(result.rowcount)  # type: ignore[attr-defined]
        _set_meta(s, META_LAST_SUCCESS, iso(now))
    return changed


def _classify(r: BatchItemResult) -> tuple[str, object]:
    if 200 <= r.status < 300 and r.ack is not None:
        return "sent", r.ack
    if r.status in PERMANENT_ITEM_STATUS or (400 <= r.status < 500 and r.status not in RETRY_4XX):
        return "dead", f"HTTP {r.status}: {r.error or ''}"
    return "retry", f"HTTP {r.status}: {r.error or ''}"


def record_auth_failure(
    store: Store,
    status: int,
    reason: str,
    now: datetime | None = None,
    retry_at: datetime | None = None,
) -> dict[str, Any]:
    """Keep "central refused this terminal" in ``terminal_meta`` (what staff mode shows)."""
    moment = now or utcnow()
    with store.session(write=True) as s:
        previous = _read_meta_json(s, META_AUTH_FAILURE) or {}
        count = int(previous.get("count", 0)) + 1
        return _write_auth_failure(s, previous, status, reason, count, moment, retry_at or moment)


def read_auth_failure(store: Store) -> dict[str, Any] | None:
    """The recorded authentication failure, or None when the last signed call succeeded."""
    with store.session() as s:
        return _read_meta_json(s, META_AUTH_FAILURE)


def _write_auth_failure(
    s: object,
    previous: dict[str, Any],
    status: int,
    reason: str,
    count: int,
    now: datetime,
    retry_at: datetime,
) -> dict[str, Any]:
    value: dict[str, Any] = {
        "status": status,
        "reason": reason,
        "count": count,
        "since": previous.get("since") or iso(now),
        "last": iso(now),
        "retry_at": iso(retry_at),
    }
    _set_meta(s, META_AUTH_FAILURE, json.dumps(value))
    return value


def _read_meta_json(s: object, key: str) -> dict[str, Any] | None:
    raw = s.execute(  # type: ignore[attr-defined]
        text("SELECT value FROM terminal_meta WHERE key=:k"), {"k": key}
    ).scalar()
    if not raw:
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _clear_auth_failure(s: object) -> None:
    s.execute(  # type: ignore[attr-defined]
        text("DELETE FROM terminal_meta WHERE key=:k"), {"k": META_AUTH_FAILURE}
    )


def _set_meta(s: object, key: str, value: str) -> None:
    s.execute(  # type: ignore[attr-defined]
        text(
            "INSERT INTO terminal_meta(key, value) VALUES (:k, :v) "
            "ON CONFLICT(key) DO UPDATE SET value=excluded.value"
        ),
        {"k": key, "v": value},
    )
