"""Staff accounts of the web console: roles, argon2 password hashes, lockout, sessions, audit.

Passwords are hashed with argon2id (``argon2-cffi``). After :data:`MAX_FAILURES` wrong
passwords in a row an account is locked for :data:`LOCKOUT`; a right password then still
fails until the lock ends, with the same answer as a wrong one. A login makes a session: a
random token in an HttpOnly, SameSite=Strict cookie (Secure under TLS), stored only as its
SHA-256, and a CSRF token every form must carry. Every console action is written to the
audit log (:func:`audit`).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session, col, delete, select

from central.db import AuditRow, Database, StaffAccountRow, StaffSessionRow, as_utc

ROLES = ("window", "manager", "admin")
MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)
SESSION_LIFETIME = timedelta(hours=10)  # a working day at a window
MIN_PASSWORD = 10

_HASHER = PasswordHasher()  # stateless parameters object (argon2id defaults)


class AccountError(Exception):
    """Refused: ``reason`` is shown (in Chinese) by the console."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class StaffUser:
    """The logged-in member of staff."""

    username: str
    role: str
    hall_id: str
    csrf: str

    def may(self, role: str) -> bool:
        """Whether this user has ``role`` or a higher one."""
        return ROLES.index(self.role) >= ROLES.index(role)


def audit(s: Session, actor: str, action: str, target: str = "", detail: str = "") -> None:
    """One line in the audit log, inside the caller's transaction."""
    s.add(AuditRow(actor=actor, action=action, target=target[:120], detail=detail[:400]))


def add_staff(db: Database, username: str, role: str, hall_id: str, password: str) -> None:
    """Create an account (``kiosk-central add-staff``); refuses a short password."""
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}")
    if not username or len(username) > 40 or not username.replace("_", "").isalnum():
        raise AccountError("username: letters, digits and _ (at most 40)")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"password: at least {MIN_PASSWORD} characters")
    with db.session() as s:
        if s.get(StaffAccountRow, username) is not None:
            raise AccountError("that username exists")
        s.add(
            StaffAccountRow(
                username=username,
                role=role,
                hall_id=hall_id,
                password_hash=_HASHER.hash(password),
            )
        )
        audit(s, "cli", "add_staff", username, f"role={role} hall={hall_id}")


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def login(db: Database, username: str, password: str, now: datetime | None = None) -> str:
    """A new session token, or :class:`AccountError` ``bad_login`` / ``locked``.

    The refusal is raised after the transaction that counted it has committed: a failed
    attempt and a lock are kept."""
    now = now or datetime.now(UTC)
    refusal = ""
    with db.session() as s:
        account = s.get(StaffAccountRow, username)
        if account is None or account.disabled:
            _HASHER.hash(password)  # the same work as a real check: no timing hint
            audit(s, username[:60] or "?", "login_failed", detail="unknown or disabled")
            refusal = "bad_login"
        elif account.locked_until is not None and as_utc(account.locked_until) > now:
            audit(s, username, "login_refused", detail="locked")
            refusal = "locked"
        else:
            refusal = _check(s, account, password, now)
        if refusal:
            token = ""
        else:
            token = secrets.token_urlsafe(32)
            s.add(
                StaffSessionRow(
                    token_hash=_digest(token),
                    username=username,
                    csrf=secrets.token_urlsafe(32),
                    expires_at=now + SESSION_LIFETIME,
                )
            )
            s.exec(delete(StaffSessionRow).where(col(StaffSessionRow.expires_at) < now))
            audit(s, username, "login")
    if refusal:
        raise AccountError(refusal)
    return token


def _check(s: Session, account: StaffAccountRow, password: str, now: datetime) -> str:
    """Verify the password: "" when right, else the refusal (counting it, locking at the
    :data:`MAX_FAILURES`-th)."""
    try:
        _HASHER.verify(account.password_hash, password)
    except (VerificationError, InvalidHashError):
        account.failed_logins += 1
        refusal = "bad_login"
        if account.failed_logins >= MAX_FAILURES:
            account.locked_until = now + LOCKOUT
            account.failed_logins = 0
            audit(s, account.username, "locked", detail=f"{MAX_FAILURES} wrong passwords")
            refusal = "locked"
        s.add(account)
        audit(s, account.username, "login_failed")
        return refusal
    if _HASHER.check_needs_rehash(account.password_hash):
        account.password_hash = _HASHER.hash(password)
    account.failed_logins = 0
    account.locked_until = None
    s.add(account)
    return ""


def user_for(db: Database, token: str | None, now: datetime | None = None) -> StaffUser | None:
    """The user of a session cookie, if it is valid and not expired."""
    if not token:
        return None
    now = now or datetime.now(UTC)
    with db.session() as s:
        session = s.get(StaffSessionRow, _digest(token))
        if session is None or as_utc(session.expires_at) <= now:
            return None
        account = s.get(StaffAccountRow, session.username)
        if account is None or account.disabled:
            return None
        return StaffUser(account.username, account.role, account.hall_id, session.csrf)


def logout(db: Database, token: str) -> None:
    with db.session() as s:
        session = s.get(StaffSessionRow, _digest(token))
        if session is not None:
            audit(s, session.username, "logout")
            s.delete(session)


def recent_audit(db: Database, limit: int = 50) -> list[AuditRow]:
    with db.session() as s:
        rows = s.exec(select(AuditRow).order_by(col(AuditRow.id).desc()).limit(limit)).all()
        return list(rows)
