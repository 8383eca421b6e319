"""Issue #20 item 2: central takes hall, terminal and origin from the signed terminal, and one
item's database conflict is that item's answer, never a 500 for its batch."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlmodel import select

from central.db import AppointmentRow, TicketRow
from kiosk.contract import BatchItem, IntakeKind, TicketRequest
from kiosk.sync.client import CentralClient, PermanentError
from tests.integration.central_server import CentralServer


def _item(kind: IntakeKind, body: dict[str, Any]) -> BatchItem:
    return BatchItem(key=f"k-{uuid.uuid4().hex}", kind=kind, body=body)


def _ticket(number: int | None, *, hall: str = "H0001", origin: str | None = None) -> BatchItem:
    return _item(
        IntakeKind.TICKET,
        {
            "kind": "ticket",
            "ticket_id": uuid.uuid4().hex,
            "hall_id": hall,
            "queue": "A",
            "day": date.today().isoformat(),
            "number": number,
            "origin": origin,
            "taken_at": datetime.now(UTC).isoformat(),
        },
    )


def _evaluation() -> BatchItem:
    return _item(
        IntakeKind.EVALUATION,
        {
            "kind": "evaluation",
            "visit_id": uuid.uuid4().hex,
            "hall_id": "H0001",
            "level": 5,
            "rated_at": datetime.now(UTC).isoformat(),
        },
    )


def test_a_checkin_is_matched_against_the_signed_terminals_hall(
    central_server: CentralServer,
) -> None:
    other_hall = central_server.terminal("T0002", "H0002")
    start = datetime.now(UTC).replace(microsecond=0)
    booked = central_server.staff(
        "POST",
        "/appointments",
        {
            "appointment_id": "AP-H0001-1",
            "hall_id": "H0001",
            "day": date.today().isoformat(),
            "slot_start": start.isoformat(),
            "slot_end": (start + timedelta(hours=1)).isoformat(),
            "service_code": "SB-0001",
            "id_number": "11010519491231002X",
        },
    )
    assert booked.status_code == 201
    checkin = _item(
        IntakeKind.CHECKIN,
        {
            "kind": "checkin",
            "appointment_id": "AP-H0001-1",
            "hall_id": "H0001",  # claimed in the body; the signer is in H0002
            "checked_in_at": datetime.now(UTC).isoformat(),
        },
    )
    (result,) = other_hall.send_batch([checkin]).results
    assert result.status == 422
    with central_server.db.session() as s:
        appt = s.get(AppointmentRow, "AP-H0001-1")
        assert appt is not None and not appt.checked_in


def test_an_offline_ticket_lands_in_the_signers_hall_under_the_signers_origin(
    central_server: CentralServer,
) -> None:
    other_hall = central_server.terminal("T0002", "H0002")
    forged = _ticket(7, hall="H0001", origin="T0001")
    (result,) = other_hall.send_batch([forged]).results
    assert result.status == 201
    with central_server.db.session() as s:
        row = s.get(TicketRow, forged.body["ticket_id"])
        assert row is not None
        assert (row.hall_id, row.origin) == ("H0002", "T0002")
        assert row.display == "T0002-A007"


def test_a_ticket_id_of_another_hall_cannot_be_voided(central_server: CentralServer) -> None:
    own = central_server.terminal("T0001", "H0001")
    other_hall = central_server.terminal("T0002", "H0002")
    mine = _ticket(3)
    assert own.send_batch([mine]).results[0].status == 201
    void = _item(IntakeKind.TICKET, {**mine.body, "hall_id": "H0002", "status": "void"})
    (result,) = other_hall.send_batch([void]).results
    assert result.status == 422
    with central_server.db.session() as s:
        row = s.get(TicketRow, mine.body["ticket_id"])
        assert row is not None and not row.void and row.hall_id == "H0001"


def test_a_unique_conflict_answers_that_item_and_spares_its_neighbours(
    central_server: CentralServer,
) -> None:
    terminal: CentralClient = central_server.terminal("T0001", "H0001")
    first = _ticket(7)
    assert terminal.send_batch([first]).results[0].status == 201
    before, clash, after = _evaluation(), _ticket(7), _evaluation()
    results = terminal.send_batch([before, clash, after]).results
    assert [r.status for r in results] == [201, 422, 201]
    assert results[1].error and "conflict" in results[1].error
    # The conflict is the item's final answer: replayed, not retried for ever.
    (again,) = terminal.send_batch([clash]).results
    assert again.status == 422 and again.replayed
    with central_server.db.session() as s:
        sevens = s.exec(select(TicketRow).where(TicketRow.number == 7)).all()
        assert [t.ticket_id for t in sevens] == [first.body["ticket_id"]]


def test_a_ticket_id_of_another_hall_is_not_answered_from_the_queue(
    central_server: CentralServer,
) -> None:
    own = central_server.terminal("T0001", "H0001")
    other_hall = central_server.terminal("T0002", "H0002")
    mine = _ticket(3)
    assert own.send_batch([mine]).results[0].status == 201
    with pytest.raises(PermanentError) as err:
        other_hall.take_ticket(
            TicketRequest(ticket_id=mine.body["ticket_id"], queue="A"), key=f"k-{uuid.uuid4().hex}"
        )
    assert err.value.status == 422
