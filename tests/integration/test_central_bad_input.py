"""Issue #20 item 3: input that used to make central answer 500 gets a 4xx naming the problem.

Lone surrogates, integers past 64 bits, dates at the end of the calendar and a duplicate
appointment id, each over real HTTP on 127.0.0.1 with a signed terminal."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import requests

from kiosk.contract import API_PREFIX, BatchItem, IntakeKind
from kiosk.sync.client import CentralClient
from tests.integration.central_server import CentralServer

TOO_BIG = 2**63


@pytest.fixture
def client(central_server: CentralServer) -> CentralClient:
    return central_server.terminal("T01", "H0001")


def _raw(client: CentralClient, method: str, path: str, body: bytes = b"") -> requests.Response:
    """A signed request with ``body`` sent exactly as given (JSON escapes untouched)."""
    req = requests.Request(
        method,
        f"{client.base_url}{API_PREFIX}{path}",
        data=body,
        headers={"Content-Type": "application/json", "Idempotency-Key": f"k-{uuid.uuid4().hex}"},
    ).prepare()
    client._auth(req)
    with requests.Session() as http:
        return http.send(req, timeout=10)


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/followups/lookup", rb'{"tracking_no": "TS\ud800"}'),
        ("/cases/lookup", rb'{"case_no": "\udfff"}'),
        ("/queue/tickets", rb'{"ticket_id": "t\ud800", "queue": "A"}'),
        (
            "/intake/batch",
            rb'{"items": [{"key": "k-surrogate", "kind": "evaluation", "body": '
            rb'{"kind": "evaluation", "visit_id": "v\ud834", "hall_id": "H0001", "level": 5, '
            rb'"rated_at": "2026-01-01T00:00:00Z"}}]}',
        ),
    ],
)
def test_a_lone_surrogate_is_a_422(client: CentralClient, path: str, body: bytes) -> None:
    reply = _raw(client, "POST", path, body)
    assert reply.status_code == 422, reply.text
    assert reply.json()["detail"][0]["type"] == "string_unicode"


def test_an_escaped_backslash_is_not_taken_for_a_surrogate(client: CentralClient) -> None:
    reply = _raw(client, "POST", "/followups/lookup", rb'{"tracking_no": "TS\\ud800"}')
    assert reply.status_code == 404


def _batch(client: CentralClient, kind: IntakeKind, body: dict[str, Any]) -> tuple[int, str]:
    item = BatchItem(key=f"k-{uuid.uuid4().hex}", kind=kind, body=body)
    (result,) = client.send_batch([item]).results
    return result.status, result.error or ""


def test_a_ticket_number_past_64_bits_is_a_422(client: CentralClient) -> None:
    status, _error = _batch(
        client,
        IntakeKind.TICKET,
        {
            "kind": "ticket",
            "ticket_id": uuid.uuid4().hex,
            "hall_id": "H0001",
            "queue": "A",
            "day": date.today().isoformat(),
            "number": TOO_BIG,
            "taken_at": datetime.now(UTC).isoformat(),
        },
    )
    assert status == 422


def test_a_ticket_taken_at_the_end_of_time_is_a_422(client: CentralClient) -> None:
    status, _error = _batch(
        client,
        IntakeKind.TICKET,
        {
            "kind": "ticket",
            "ticket_id": uuid.uuid4().hex,
            "hall_id": "H0001",
            "queue": "A",
            "day": date.today().isoformat(),
            "number": 5,
            "taken_at": "9999-12-31T23:59:59-05:00",  # past year 9999 in UTC
        },
    )
    assert status == 422


def test_a_catalog_version_past_64_bits_is_a_422(client: CentralClient) -> None:
    reply = _raw(client, "GET", f"/catalog/delta?since={TOO_BIG}")
    assert reply.status_code == 422, reply.text


@pytest.mark.parametrize("start", ["9999-12-31", "9999-12-25"])
def test_slots_near_the_end_of_the_calendar_are_a_422(client: CentralClient, start: str) -> None:
    reply = _raw(client, "GET", f"/appointments/slots?service_code=SB&start={start}&days=14")
    assert reply.status_code == 422, reply.text


def test_booking_at_the_end_of_the_calendar_is_a_422(client: CentralClient) -> None:
    body = {
        "appointment_id": "AP-END",
        "service_code": "SB-0001",
        "slot_start": "9999-12-31T23:00:00-12:00",
        "id_number_hash": "0" * 64,
    }
    reply = _raw(client, "POST", "/appointments/book", _json(body))
    assert reply.status_code == 422, reply.text


def test_a_duplicate_appointment_id_is_a_409_for_staff(central_server: CentralServer) -> None:
    start = datetime.now(UTC).replace(microsecond=0)
    body = {
        "appointment_id": "AP-1",
        "hall_id": "H0001",
        "day": date.today().isoformat(),
        "slot_start": start.isoformat(),
        "slot_end": (start + timedelta(hours=1)).isoformat(),
        "service_code": "SB-0001",
        "id_number": "11010519491231002X",
    }
    assert central_server.staff("POST", "/appointments", body).status_code == 201
    again = central_server.staff("POST", "/appointments", body)
    assert again.status_code == 409, again.text


def _json(body: dict[str, Any]) -> bytes:
    import json

    return json.dumps(body).encode()


# Issue #19: what SQLite stored and PostgreSQL refused (a 500 there): numbers past 32 bits
# compared with INTEGER columns, text longer than its column. Both engines answer 422.
PAST_INT32 = 2**31


def test_a_feed_version_past_32_bits_is_a_422(client: CentralClient) -> None:
    for path in ("/catalog/delta", "/calendar"):
        reply = _raw(client, "GET", f"{path}?since={PAST_INT32}")
        assert reply.status_code == 422, (path, reply.text)


def test_a_queue_code_too_long_for_a_ticket_number_is_a_422(client: CentralClient) -> None:
    body = b'{"ticket_id": "t-long-queue", "queue": "' + b"Q" * 30 + b'"}'
    reply = _raw(client, "POST", "/queue/tickets", body)
    assert reply.status_code == 422, reply.text
    assert "queue code too long" in reply.json()["detail"]
    ok = _raw(client, "POST", "/queue/tickets", b'{"ticket_id": "t-short", "queue": "QQ"}')
    assert ok.status_code == 201 and ok.json()["display"] == "QQ001"


def test_staff_input_past_its_columns_is_a_422(central_server: CentralServer) -> None:
    far_window = central_server.staff("POST", f"/halls/H0001/windows/{PAST_INT32}/call-next")
    assert far_window.status_code == 422, far_window.text
    booking = {
        "appointment_id": "AP-long-hall",
        "hall_id": "H" * 17,
        "day": "2026-12-03",
        "slot_start": "2026-12-03T01:00:00Z",
        "slot_end": "2026-12-03T01:30:00Z",
        "service_code": "SB-0001",
        "id_number": "11010519491231002X",
    }
    assert central_server.staff("POST", "/appointments", booking).status_code == 422
    booking["hall_id"] = "H0001"
    assert central_server.staff("POST", "/appointments", booking).status_code == 201


def test_a_nul_character_is_never_a_500(central_server: CentralServer) -> None:
    """PostgreSQL text cannot hold NUL (SQLite can): there it is the caller's 422."""
    reply = central_server.staff("GET", "/assist?hall_id=H%00001")
    if central_server.db.is_sqlite:
        assert reply.status_code == 200 and reply.json() == []
    else:
        assert reply.status_code == 422, reply.text
        assert reply.json()["detail"] == "a value the database cannot hold"
