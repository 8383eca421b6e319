"""Staff accounts of central's console: hashing, lockout, sessions and the audit log."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from central.accounts import (
    LOCKOUT,
    MAX_FAILURES,
    SESSION_LIFETIME,
    AccountError,
    add_staff,
    login,
    logout,
    user_for,
)
from central.db import AuditRow, Database, StaffAccountRow
from tests.conftest import CentralDb

PASSWORD = "a-long-password"
NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def db(central_db: CentralDb) -> Iterator[Database]:
    database = Database(central_db.url, central_db.seal_key_file)
    add_staff(database, "clerk", "window", "H0001", PASSWORD)
    yield database
    database.close()


def refusal(db: Database, password: str, now: datetime) -> str:
    with pytest.raises(AccountError) as refused:
        login(db, "clerk", password, now)
    return refused.value.reason


def test_the_password_is_stored_as_an_argon2id_hash(db: Database) -> None:
    with db.session() as s:
        stored = s.get(StaffAccountRow, "clerk")
    assert stored is not None
    assert stored.password_hash.startswith("$argon2id$") and PASSWORD not in stored.password_hash


@pytest.mark.parametrize(
    ("name", "role", "password"),
    [("x", "window", "short"), ("x", "boss", PASSWORD), ("a b", "window", PASSWORD)],
)
def test_bad_accounts_are_refused(db: Database, name: str, role: str, password: str) -> None:
    with pytest.raises(AccountError):
        add_staff(db, name, role, "H0001", password)


def test_wrong_passwords_lock_the_account_and_the_lock_ends(db: Database) -> None:
    for _ in range(MAX_FAILURES - 1):
        assert refusal(db, "wrong", NOW) == "bad_login"
    assert refusal(db, "wrong", NOW) == "locked"
    assert refusal(db, PASSWORD, NOW + LOCKOUT / 2) == "locked"  # right, but locked
    token = login(db, "clerk", PASSWORD, NOW + LOCKOUT + timedelta(seconds=1))
    user = user_for(db, token, NOW + LOCKOUT + timedelta(seconds=2))
    assert user is not None and user.role == "window" and user.hall_id == "H0001"


def test_an_unknown_user_gets_the_same_answer_as_a_wrong_password(db: Database) -> None:
    with pytest.raises(AccountError) as refused:
        login(db, "nobody", PASSWORD, NOW)
    assert refused.value.reason == "bad_login"


def test_a_session_ends_at_logout_or_when_it_expires(db: Database) -> None:
    token = login(db, "clerk", PASSWORD, NOW)
    assert user_for(db, token, NOW + SESSION_LIFETIME - timedelta(minutes=1)) is not None
    assert user_for(db, token, NOW + SESSION_LIFETIME) is None
    other = login(db, "clerk", PASSWORD, NOW)
    logout(db, other)
    assert user_for(db, other, NOW) is None
    assert user_for(db, "not-a-token", NOW) is None


def test_roles_are_ordered_and_every_step_is_audited(db: Database) -> None:
    token = login(db, "clerk", PASSWORD, NOW)
    user = user_for(db, token, NOW)
    assert user is not None and user.may("window") and not user.may("manager")
    with db.session() as s:
        actions = [row.action for row in s.exec(select(AuditRow)).all()]
    assert actions == ["add_staff", "login"]
