"""ID numbers are compared only as keyed hashes (issue #20, item 7).

Nowhere on the terminal, nowhere at central and nowhere on the wire is there a bare SHA-256
of an ID number any more: knowing a region and a birth year, one was reversed in 0.63 s.
Every terminal of a deployment hashes with the key central hands out over the signed API,
so an appointment booked at one terminal (or by hall staff at central) is found at another.
A terminal that central does not know never gets the key.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import requests

from central.booking import HALL_TZ
from central.testing import CentralProcess
from kiosk.services.appointments import AppointmentService
from kiosk.sync.client import AuthenticationError
from kiosk.sync.idkey import IdHasher
from tests.central_ledger import query, stored_text
from tests.integration.services_env import Terminal, client_for, person

HOLDER = person()


def bare_sha256(number: str) -> str:
    return hashlib.sha256(number.strip().upper().encode()).hexdigest()


def all_text(db: Path) -> str:
    """Every value of every table of a SQLite file, as one string."""
    out: list[str] = []
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{table}"'):  # noqa: S608 - test
                out.extend(str(v) for v in row)
    return "\n".join(out)


@pytest.fixture
def two_terminals(central: CentralProcess, tmp_path: Path) -> Iterator[tuple[Terminal, Terminal]]:
    s1, s2 = central.add_terminal("T01"), central.add_terminal("T02")
    central.start()
    a = Terminal(tmp_path / "a", terminal_id="T01", central_url=central.url, secret=s1)
    b = Terminal(tmp_path / "b", terminal_id="T02", central_url=central.url, secret=s2)
    yield a, b
    a.close()
    b.close()


def test_terminals_of_one_deployment_match_each_others_keyed_hashes(
    central: CentralProcess, two_terminals: tuple[Terminal, Terminal]
) -> None:
    a, b = two_terminals
    start = datetime.now(UTC) + timedelta(minutes=10)
    if start.astimezone().date() != datetime.now().astimezone().date():
        pytest.skip("the slot would fall on another day")
    # Hall staff book one appointment at central (central hashes the number) …
    central.staff(
        "POST",
        "/appointments",
        {
            "appointment_id": "AP-STAFF",
            "hall_id": "H0001",
            "day": start.astimezone().date().isoformat(),
            "slot_start": start.isoformat(),
            "slot_end": (start + timedelta(minutes=30)).isoformat(),
            "service_code": "marriage_registration",
            "id_number": HOLDER.id_number,
        },
    )
    # … terminal A takes a ticket for the holder (its hash goes to central) …
    a.tickets.take("A", identity=HOLDER)
    # … and terminal B finds the appointment by the holder's card and checks them in.
    today = b.checkin.today_for(HOLDER)
    assert [x.appointment_id for x in today.appointments] == ["AP-STAFF"]
    b.checkin.check_in(HOLDER, "AP-STAFF")
    # The progress query by card leaves the owner's hash in B's case table.
    b.progress.by_card(HOLDER)

    bare = bare_sha256(HOLDER.id_number)
    for db, text in (
        (a.store.path, all_text(a.store.path)),
        (b.store.path, all_text(b.store.path)),
        (central.db_url, stored_text(central)),
    ):
        assert bare not in text, db
        assert HOLDER.id_number not in text, db
    keyed = b.checkin.tickets.id_hasher(HOLDER.id_number)
    assert keyed != bare and keyed == a.tickets.id_hasher(HOLDER.id_number)
    stored = {r[0] for r in query(central, "SELECT id_number_hash FROM appointment")}
    holders = {r[0] for r in query(central, "SELECT holder_hash FROM ticket")}
    assert stored == {keyed} and keyed in holders


def test_a_booking_from_a_terminal_sends_only_the_keyed_hash(
    central: CentralProcess, two_terminals: tuple[Terminal, Terminal], tmp_path: Path
) -> None:
    a, b = two_terminals
    hasher = IdHasher(tmp_path / "keys")
    assert not hasher.deployment  # never reached central: a key of its own
    assert hasher(HOLDER.id_number) != bare_sha256(HOLDER.id_number)
    client = client_for(central.url, "T01", a.secret)
    try:
        booking = AppointmentService(client, hasher)
        slot = booking.free_slots("HJ-004", date.today(), days=14)[0]
        appt = booking.book("HJ-004", slot, HOLDER.id_number)
    finally:
        client.close()
    assert hasher.deployment and (tmp_path / "keys" / "id_hash.key").exists()
    assert appt.id_number_hash == hasher(HOLDER.id_number)
    assert appt.id_number_hash != bare_sha256(HOLDER.id_number)
    # Terminal B (same deployment) computes the same hash once it has the key.
    assert b.checkin.refresh(slot.start.astimezone(HALL_TZ).date()) == 1
    assert b.tickets.id_hasher(HOLDER.id_number) == appt.id_number_hash


def test_a_terminal_central_does_not_know_never_gets_the_key(central: CentralProcess) -> None:
    central.add_terminal("T01")
    central.start()
    stranger = client_for(central.url, "T09", "not-a-registered-terminal-secret")
    with pytest.raises(AuthenticationError):
        stranger.id_hash_key()
    unsigned = requests.get(f"{central.url}/api/v1/terminal/id-hash-key", timeout=5)
    assert unsigned.status_code == 401
    assert central.id_hash_key_path.read_bytes() not in unsigned.content
