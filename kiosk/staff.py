"""Staff access: a PIN hashed with scrypt, a growing lockout, and an audit log.

The staff screen asks :meth:`StaffAccess.verify` and gets one of

* :class:`StaffSession` — the PIN was right; the session ends after ``SESSION_IDLE_S``;
* :class:`WrongPin` — with how many attempts are left before a lockout;
* :class:`LockedOut` — with the moment the next attempt is allowed;
* :class:`PinNotSet` — nobody ran ``kioskctl set-pin`` yet.

After ``MAX_FAILURES`` wrong PINs in a row the PIN is locked for 1 minute, then 2, 4 … up to
an hour; a right PIN resets both counters. The counters live in the database, so pulling the
plug does not reset a lockout. Every attempt and every staff action is written to the audit
log (who, what, when); details pass through the personal-data filter of :mod:`kiosk.logs`.

Staff card (hook): a terminal may accept a staff card instead of the PIN. Pass
``card_check`` — a callable that gets the card's id as read by the reader and returns the
staff member's name or ``None`` — and call :meth:`StaffAccess.verify_card`. No card scheme is
built in: halls use different staff cards.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlmodel import col, select

from drivers.errors import ReasonError
from kiosk.logs import redact_value
from kiosk.store import Store
from kiosk.store.models import AuditLogRow, StaffCredentialRow

Clock = Callable[[], datetime]

CREDENTIAL = "staff"
MAX_FAILURES = 5
FIRST_LOCKOUT_S = 60
MAX_LOCKOUT_S = 3600
SESSION_IDLE_S = 300
PIN_MIN, PIN_MAX = 6, 12

# scrypt cost: n=2**14, r=8 takes ~16 MB and a few tens of ms, slow enough against guessing
# a stolen hash, fast enough on a small kiosk board.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SALT_BYTES, KEY_BYTES = 16, 32


class PinPolicyError(ReasonError, ValueError):
    """A new PIN that is not acceptable; ``reason``: ``pin_format`` or ``pin_too_simple``."""


@dataclass(frozen=True)
class StaffSession:
    """A signed-in staff member. The UI ends staff mode when :meth:`expired` says so."""

    actor: str
    started_at: datetime
    expires_at: datetime

    def expired(self, now: datetime) -> bool:
        """Whether the session has run out (the UI should return to the citizen screens)."""
        return now >= self.expires_at


@dataclass(frozen=True)
class WrongPin:
    """The PIN was wrong; ``remaining`` attempts are left before a lockout."""

    remaining: int
    reason: str = "wrong_pin"


@dataclass(frozen=True)
class LockedOut:
    """Too many wrong PINs; no attempt is checked before ``until`` (UTC)."""

    until: datetime
    reason: str = "locked_out"


@dataclass(frozen=True)
class PinNotSet:
    """No staff PIN is configured; a vendor runs ``kioskctl set-pin``."""

    reason: str = "pin_not_set"


@dataclass(frozen=True)
class CardRefused:
    """The staff card was not accepted (or no card check is configured)."""

    reason: str = "card_refused"


VerifyResult = StaffSession | WrongPin | LockedOut | PinNotSet


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit log."""

    id: int
    at: datetime
    actor: str
    action: str
    detail: str

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {
            "id": self.id,
            "at": self.at.isoformat(),
            "actor": self.actor,
            "action": self.action,
            "detail": self.detail,
        }


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _stamp(moment: datetime) -> str:
    # Fixed-width UTC text so rows sort and compare as text.
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _parse(value: str) -> datetime:
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """``scrypt$n=…,r=…,p=…$salt$hash``: the parameters travel with the hash, so they can
    be raised later without breaking PINs already set."""
    salt = salt if salt is not None else os.urandom(SALT_BYTES)
    key = hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=KEY_BYTES
    )
    return f"scrypt$n={SCRYPT_N},r={SCRYPT_R},p={SCRYPT_P}${_b64(salt)}${_b64(key)}"


def check_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches the ``stored`` scrypt string (constant-time comparison)."""
    try:
        scheme, params, salt_b64, key_b64 = stored.split("$")
        values = dict(item.split("=", 1) for item in params.split(","))
        n, r, p = int(values["n"]), int(values["r"]), int(values["p"])
        salt, expected = base64.b64decode(salt_b64), base64.b64decode(key_b64)
    except (ValueError, KeyError):
        return False
    if scheme != "scrypt":
        return False
    key = hashlib.scrypt(
        pin.encode("utf-8"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        dklen=len(expected),
        maxmem=256 * 1024 * 1024,
    )
    return hmac.compare_digest(key, expected)


def check_pin_policy(pin: str) -> None:
    """Raise :class:`PinPolicyError` unless ``pin`` is 6–12 digits and not trivially simple."""
    if not (pin.isascii() and pin.isdigit() and PIN_MIN <= len(pin) <= PIN_MAX):
        raise PinPolicyError("pin_format", f"the PIN must be {PIN_MIN} to {PIN_MAX} digits")
    steps = {(int(b) - int(a)) % 10 for a, b in zip(pin, pin[1:], strict=False)}
    if len(set(pin)) == 1 or steps in ({1}, {9}):
        raise PinPolicyError("pin_too_simple", "the PIN must not be one digit or a run (123456)")


def lockout_seconds(lockouts: int) -> int:
    """How long the ``lockouts``-th lockout (1-based) lasts: 60 s doubling, at most an hour."""
    return int(min(MAX_LOCKOUT_S, FIRST_LOCKOUT_S * 2 ** max(0, lockouts - 1)))


class StaffAccess:
    """Checks the staff PIN and writes the audit log. One per terminal, built at startup.

    ``verify`` runs scrypt (tens of milliseconds): call it off the GUI thread.
    """

    def __init__(
        self,
        store: Store,
        clock: Clock = _utcnow,
        card_check: Callable[[str], str | None] | None = None,
    ) -> None:
        self.store = store
        self.clock = clock
        self.card_check = card_check
        # One PIN check at a time: concurrent guesses are each counted before the next is
        # looked at, so the lockout cannot be raced (the check takes tens of milliseconds).
        self._verify_lock = threading.Lock()

    def pin_is_set(self) -> bool:
        """Whether a staff PIN has been configured."""
        with self.store.session() as s:
            return s.get(StaffCredentialRow, CREDENTIAL) is not None

    def set_pin(self, pin: str, actor: str) -> None:
        """Set (or replace) the staff PIN; clears any lockout. Raises :class:`PinPolicyError`."""
        check_pin_policy(pin)
        hashed = hash_pin(pin)
        now = _stamp(self.clock())
        with self.store.session(write=True) as s:
            row = s.get(StaffCredentialRow, CREDENTIAL)
            if row is None:
                row = StaffCredentialRow(name=CREDENTIAL, pin_hash=hashed, updated_at=now)
            else:
                row.pin_hash, row.updated_at = hashed, now
                row.failures, row.lockouts, row.locked_until = 0, 0, None
            s.add(row)
            self._audit(s, actor, "staff.pin_set", "")

    def verify(self, pin: str) -> VerifyResult:
        """Check a PIN typed on the staff screen (attempts are serialized)."""
        with self._verify_lock:
            return self._verify(pin)

    def _verify(self, pin: str) -> VerifyResult:
        now = self.clock()
        with self.store.session() as s:
            row = s.get(StaffCredentialRow, CREDENTIAL)
        if row is None:
            return PinNotSet()
        if row.locked_until and _parse(row.locked_until) > now:
            return LockedOut(_parse(row.locked_until))
        right = check_pin(pin, row.pin_hash)
        # Counters are re-read inside the write transaction: two attempts at once both count.
        with self.store.session(write=True) as s:
            row = s.get(StaffCredentialRow, CREDENTIAL)
            if row is None:
                return PinNotSet()
            if row.locked_until and _parse(row.locked_until) > now:
                # Another process (kioskctl, a second app) locked it meanwhile: even a
                # right PIN waits for the lockout to end.
                return LockedOut(_parse(row.locked_until))
            row.updated_at = _stamp(now)
            if right:
                row.failures, row.lockouts, row.locked_until = 0, 0, None
                s.add(row)
                self._audit(s, CREDENTIAL, "staff.login", "pin")
                return StaffSession(CREDENTIAL, now, now + timedelta(seconds=SESSION_IDLE_S))
            row.failures += 1
            if row.failures < MAX_FAILURES:
                s.add(row)
                self._audit(s, CREDENTIAL, "staff.login_failed", f"failures={row.failures}")
                return WrongPin(MAX_FAILURES - row.failures)
            row.lockouts += 1
            row.failures = 0
            until = now + timedelta(seconds=lockout_seconds(row.lockouts))
            row.locked_until = _stamp(until)
            s.add(row)
            self._audit(s, CREDENTIAL, "staff.locked_out", f"until={until.isoformat()}")
            return LockedOut(until)

    def verify_card(self, card_id: str) -> StaffSession | CardRefused:
        """Staff card hook: a session when ``card_check`` names a staff member for the card."""
        now = self.clock()
        actor = self.card_check(card_id) if self.card_check else None
        with self.store.session(write=True) as s:
            if not actor:
                self._audit(s, "unknown", "staff.card_refused", "")
                return CardRefused()
            self._audit(s, actor, "staff.login", "card")
        return StaffSession(actor, now, now + timedelta(seconds=SESSION_IDLE_S))

    def touch(self, session: StaffSession) -> StaffSession:
        """The same session with its idle timer restarted (call on each staff action)."""
        now = self.clock()
        return StaffSession(
            session.actor, session.started_at, now + timedelta(seconds=SESSION_IDLE_S)
        )

    def audit(self, actor: str, action: str, detail: str | dict[str, Any] = "") -> None:
        """Record one staff or vendor action (``detail`` is cleaned of personal data)."""
        with self.store.session(write=True) as s:
            self._audit(s, actor, action, detail)

    def entries(self, since: datetime | None = None, limit: int = 1000) -> list[AuditEntry]:
        """Audit lines at or after ``since``, oldest first (at most ``limit``, the newest)."""
        with self.store.session() as s:
            query = select(AuditLogRow).order_by(col(AuditLogRow.id).desc()).limit(limit)
            if since is not None:
                query = query.where(col(AuditLogRow.at) >= _stamp(since))
            rows = list(s.exec(query))
        return [
            AuditEntry(r.id or 0, _parse(r.at), r.actor, r.action, r.detail) for r in reversed(rows)
        ]

    def _audit(self, s: Any, actor: str, action: str, detail: str | dict[str, Any]) -> None:
        clean = redact_value(detail)
        text = clean if isinstance(clean, str) else json.dumps(clean, ensure_ascii=False)
        s.add(
            AuditLogRow(
                at=_stamp(self.clock()),
                actor=str(redact_value(actor))[:64],
                action=action[:64],
                detail=text[:1000],
            )
        )
