"""Staff PIN, lockout and audit log on a real SQLite file."""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, datetime, timedelta

import pytest

from kiosk.staff import (
    MAX_FAILURES,
    LockedOut,
    PinNotSet,
    PinPolicyError,
    StaffAccess,
    StaffSession,
    WrongPin,
    check_pin,
    hash_pin,
    lockout_seconds,
)
from kiosk.store import Store

PIN = "480913"


class FakeClock:
    """A clock the test moves by hand (lockouts last minutes)."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def access(store: Store, clock: FakeClock) -> StaffAccess:
    a = StaffAccess(store, clock)
    a.set_pin(PIN, "cli:vendor")
    return a


def _fail_until_locked(access: StaffAccess) -> LockedOut:
    for _ in range(MAX_FAILURES - 1):
        assert isinstance(access.verify("000001"), WrongPin)
    result = access.verify("000001")
    assert isinstance(result, LockedOut)
    return result


def test_the_right_pin_opens_a_staff_session_that_expires(access, clock):
    result = access.verify(PIN)
    assert isinstance(result, StaffSession)
    assert result.actor == "staff"
    assert not result.expired(clock.now)
    clock.advance(301)
    assert result.expired(clock.now)
    assert not access.touch(result).expired(clock.now)


def test_a_wrong_pin_says_how_many_attempts_are_left(access):
    assert access.verify("123457") == WrongPin(remaining=MAX_FAILURES - 1)
    assert access.verify("123457") == WrongPin(remaining=MAX_FAILURES - 2)


def test_five_wrong_pins_lock_out_even_the_right_pin(access, clock):
    locked = _fail_until_locked(access)
    assert locked.until == clock.now + timedelta(seconds=60)
    assert access.verify(PIN) == locked


def test_the_lockout_survives_a_restart(access, store, clock):
    locked = _fail_until_locked(access)
    store.close()
    reopened = Store(store.path)
    try:
        assert StaffAccess(reopened, clock).verify(PIN) == locked
    finally:
        reopened.close()


def test_each_lockout_lasts_longer_up_to_an_hour(access, clock):
    first = _fail_until_locked(access)
    clock.now = first.until
    second = _fail_until_locked(access)
    assert second.until - clock.now == timedelta(seconds=120)
    assert [lockout_seconds(n) for n in (1, 2, 3, 7, 50)] == [60, 120, 240, 3600, 3600]


def test_the_right_pin_after_a_lockout_resets_the_counters(access, clock):
    first = _fail_until_locked(access)
    clock.now = first.until
    assert isinstance(access.verify(PIN), StaffSession)
    again = _fail_until_locked(StaffAccess(access.store, clock))
    assert again.until - clock.now == timedelta(seconds=60)  # back to the first lockout


def test_no_pin_set_is_its_own_answer(store, clock):
    assert StaffAccess(store, clock).verify(PIN) == PinNotSet()


@pytest.mark.parametrize("pin", ["12345", "1234567890123", "12a456", "111111", "123456", "987654"])
def test_weak_or_malformed_pins_are_refused(store, pin):
    with pytest.raises(PinPolicyError):
        StaffAccess(store).set_pin(pin, "cli:vendor")


def test_the_pin_is_stored_only_as_a_salted_scrypt_hash(access, store):
    raw = b"".join(p.read_bytes() for p in store.path.parent.glob("kiosk.db*"))
    assert PIN.encode() not in raw
    first, second = hash_pin(PIN), hash_pin(PIN)
    assert first != second  # random salt
    assert first.startswith("scrypt$n=16384,r=8,p=1$")
    assert check_pin(PIN, first) and not check_pin("480914", first)


def test_a_hash_with_other_parameters_still_verifies():
    salt = b"0123456789abcdef"
    key = hashlib.scrypt(PIN.encode(), salt=salt, n=2**10, r=4, p=2, dklen=24)
    b64 = base64.b64encode
    stored = f"scrypt$n=1024,r=4,p=2${b64(salt).decode()}${b64(key).decode()}"
    assert check_pin(PIN, stored)
    assert not check_pin(PIN, "garbage")


def test_every_attempt_and_action_is_audited_without_personal_data(access, clock):
    access.verify("123457")
    access.verify(PIN)
    access.audit("staff", "reprint", {"job": 12, "name": "张三丰", "note": "11010519491231002X"})
    actions = [(e.actor, e.action) for e in access.entries()]
    assert actions == [
        ("cli:vendor", "staff.pin_set"),
        ("staff", "staff.login_failed"),
        ("staff", "staff.login"),
        ("staff", "reprint"),
    ]
    detail = access.entries()[-1].detail
    assert "张三丰" not in detail and "11010519491231002X" not in detail
    assert "1101**********002X" in detail


def test_audit_entries_can_be_read_from_a_date_on(access, clock):
    clock.advance(86400)
    access.audit("staff", "restart")
    recent = access.entries(since=clock.now - timedelta(hours=1))
    assert [e.action for e in recent] == ["restart"]


def test_a_staff_card_needs_the_card_check_hook(store, clock):
    refused = StaffAccess(store, clock).verify_card("04A1B2")
    assert refused.reason == "card_refused"
    with_cards = StaffAccess(
        store, clock, card_check=lambda uid: "王工" if uid == "04A1B2" else None
    )
    session = with_cards.verify_card("04A1B2")
    assert isinstance(session, StaffSession) and session.actor == "王工"
    assert [e.action for e in with_cards.entries()] == ["staff.card_refused", "staff.login"]
