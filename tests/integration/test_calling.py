"""Window calling at central over real HTTP: the hall's rule, recall, 过号, transfer, people
ahead and the wait estimate from real calls, the hall display's state and event stream."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import requests

from central.testing import CentralProcess
from kiosk.contract import Ticket, TicketRequest
from kiosk.sync.client import CentralClient, CentralError
from tests.integration.services_env import client_for


@pytest.fixture
def hall(central: CentralProcess) -> Iterator[CentralClient]:
    secret = central.add_terminal("T01")
    central.start()
    client = client_for(central.url, "T01", secret)
    yield client
    client.close()


def take(client: CentralClient, queue: str) -> Ticket:
    ticket_id = uuid.uuid4().hex
    day = datetime.now(UTC).astimezone().date()
    return client.take_ticket(TicketRequest(ticket_id=ticket_id, queue=queue, day=day), ticket_id)


def window(central: CentralProcess, no: int, queues: list[str], name: str = "") -> None:
    central.staff("PUT", f"/halls/H0001/windows/{no}", {"name": name, "queues": queues})


def call_next(central: CentralProcess, no: int) -> dict[str, object] | None:
    answer = central.staff("POST", f"/halls/H0001/windows/{no}/call-next")
    return answer["call"]  # type: ignore[no-any-return]


def test_windows_call_by_the_halls_rule_and_people_ahead_follow_the_calls(
    central: CentralProcess, hall: CentralClient
) -> None:
    window(central, 1, ["Y", "A"], "1号窗口")
    window(central, 2, ["A"])
    a1, a2, a3 = take(hall, "A"), take(hall, "A"), take(hall, "A")
    y1 = take(hall, "Y")
    assert [a1.waiting_before, a2.waiting_before, a3.waiting_before] == [0, 1, 2]
    first = call_next(central, 1)  # window 1 serves the appointment queue first
    assert first is not None and first["display"] == y1.display
    second = call_next(central, 2)
    assert second is not None and second["display"] == a1.display
    position = hall.ticket_position(a3.ticket_id)
    assert (position.state, position.waiting_before) == ("waiting", 1)
    called = hall.ticket_position(a1.ticket_id)
    assert (called.state, called.window_no) == ("called", 2)
    assert called.window_name == ""
    assert hall.ticket_position(y1.ticket_id).window_name == "1号窗口"
    assert call_next(central, 1)["display"] == a2.display  # type: ignore[index]
    assert call_next(central, 2)["display"] == a3.display  # type: ignore[index]
    assert call_next(central, 2) is None  # nobody waits


def test_recall_no_show_finish_and_transfer(central: CentralProcess, hall: CentralClient) -> None:
    window(central, 1, ["A"])
    window(central, 2, ["B"])
    b1 = take(hall, "B")
    a1, a2 = take(hall, "A"), take(hall, "A")
    call = call_next(central, 1)
    assert call is not None and call["ticket_id"] == a1.ticket_id
    again = central.staff("POST", f"/halls/H0001/calls/{a1.ticket_id}/recall")
    assert again["recalls"] == 1
    moved = central.staff("POST", f"/halls/H0001/calls/{a1.ticket_id}/transfer", {"queue": "B"})
    assert moved["state"] == "transferred"
    # Transferred: first in line at B, ahead of B's own ticket; B's holder sees one more ahead.
    assert hall.ticket_position(b1.ticket_id).waiting_before == 1
    assert hall.ticket_position(a1.ticket_id).queue == "B"
    assert call_next(central, 2)["ticket_id"] == a1.ticket_id  # type: ignore[index]
    done = central.staff("POST", f"/halls/H0001/calls/{a1.ticket_id}/finish")
    assert done["state"] == "done"
    assert hall.ticket_position(a1.ticket_id).state == "done"
    assert call_next(central, 1)["ticket_id"] == a2.ticket_id  # type: ignore[index]
    gone = central.staff("POST", f"/halls/H0001/calls/{a2.ticket_id}/no-show")
    assert gone["state"] == "no_show"
    with pytest.raises(requests.HTTPError) as twice:
        central.staff("POST", f"/halls/H0001/calls/{a2.ticket_id}/finish")
    assert twice.value.response.status_code == 409
    with pytest.raises(requests.HTTPError) as nowhere:
        central.staff("POST", f"/halls/H0001/calls/{b1.ticket_id}/transfer", {"queue": "Z"})
    assert nowhere.value.response.status_code == 422


def test_the_estimate_uses_the_days_service_time_and_the_open_windows(
    central: CentralProcess, hall: CentralClient
) -> None:
    window(central, 1, ["A"])
    for _ in range(3):
        take(hall, "A")
    first = take(hall, "A")
    assert first.estimated_wait_min == 3 * 4  # the default 4 minutes a person, one window
    window(central, 2, ["A"])
    window(central, 3, ["A"])
    assert hall.ticket_position(first.ticket_id).estimated_wait_min == 4  # 12 / 3 windows


def test_two_windows_calling_at_once_never_take_the_same_ticket(
    central: CentralProcess, hall: CentralClient
) -> None:
    for no in range(1, 5):
        window(central, no, ["A"])
    tickets = {take(hall, "A").ticket_id for _ in range(24)}
    called: list[str] = []
    errors: list[BaseException] = []

    def work(no: int) -> None:
        try:
            while (call := call_next(central, no)) is not None:
                called.append(str(call["ticket_id"]))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(no,)) for no in range(1, 5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    assert sorted(called) == sorted(tickets)  # each once, none lost


def test_a_ticket_of_another_hall_is_not_found(central: CentralProcess) -> None:
    secrets = {
        "T09": central.add_terminal("T09", hall_id="H0002"),
        "T01": central.add_terminal("T01"),
    }
    central.start()
    other = client_for(central.url, "T09", secrets["T09"])
    mine = client_for(central.url, "T01", secrets["T01"])
    try:
        ticket = take(mine, "A")
        with pytest.raises(CentralError):
            other.ticket_position(ticket.ticket_id)
    finally:
        other.close()
        mine.close()


def test_the_hall_display_follows_the_calls_over_server_sent_events(
    central: CentralProcess, hall: CentralClient
) -> None:
    window(central, 3, ["A"], "3号窗口")
    ticket = take(hall, "A")
    page = requests.get(f"{central.url}/hall/H0001/display", timeout=10)
    assert page.status_code == 200 and "叫号" in page.text
    states: list[dict[str, object]] = []
    with requests.get(f"{central.url}/hall/H0001/display/events", stream=True, timeout=10) as r:
        assert r.headers["content-type"].startswith("text/event-stream")
        lines = r.iter_lines(decode_unicode=True)
        for line in lines:
            if line.startswith("data: "):
                states.append(json.loads(line[6:]))
                if len(states) == 1:
                    call_next(central, 3)
                else:
                    break
    assert states[0]["current"] == []
    (current,) = states[1]["current"]  # type: ignore[misc]
    assert current["display"] == ticket.display
    assert current["window_name"] == "3号窗口"
    state = requests.get(f"{central.url}/hall/H0001/display/state", timeout=10).json()
    assert state["recent"][0]["display"] == ticket.display
    assert requests.get(f"{central.url}/hall/bad%20id/display/state", timeout=10).status_code == 422


def test_staff_calling_needs_the_staff_token(central: CentralProcess) -> None:
    central.start()
    reply = requests.post(f"{central.url}/api/v1/staff/halls/H0001/windows/1/call-next", timeout=10)
    assert reply.status_code == 403
