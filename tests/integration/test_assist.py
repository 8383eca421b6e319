"""Calling a person from the terminal (issue #27): the call reaches hall staff through a real
central over HTTP, and the terminal's own light calls even when central cannot be reached."""

from __future__ import annotations

from pathlib import Path

import pytest

from central.testing import CentralProcess
from drivers.beacons.base import Beacon, Light
from drivers.beacons.sim import SimulatedBeacon
from kiosk.devices.broken import BrokenBeacon
from kiosk.services.assist import AssistService
from kiosk.services.common import Central
from kiosk.sync.client import CentralError
from tests.integration.services_env import Terminal


def test_a_call_reaches_staff_who_take_it_and_close_it(
    central: CentralProcess, terminal: Terminal
) -> None:
    light = SimulatedBeacon()
    assist = AssistService(terminal.central(), light)
    first = assist.call("idCard", "reader_lost")
    assert (first.state, first.reached_central, light.light) == ("calling", True, Light.BLINK)
    again = assist.call("idCard", "reader_lost")  # a second tap is the same call
    assert again.call_id == first.call_id
    [open_call] = central.staff("GET", "/assist?hall_id=H0001")
    assert (open_call["terminal_id"], open_call["page"], open_call["reason"]) == (
        "T01",
        "idCard",
        "reader_lost",
    )
    assert open_call["state"] == "open"

    central.staff("POST", f"/assist/{first.call_id}", {"state": "acknowledged"})
    coming = assist.refresh()
    assert (coming.state, light.light) == ("coming", Light.ON)

    central.staff("POST", f"/assist/{first.call_id}", {"state": "closed"})
    assert assist.refresh().state == "closed"
    assert light.light == Light.OFF
    assert central.staff("GET", "/assist") == []
    assert light.history == [Light.BLINK, Light.ON, Light.OFF]  # each change once


def test_offline_the_light_still_calls_and_the_visit_end_puts_it_out(tmp_path: Path) -> None:
    light = SimulatedBeacon()
    assist = AssistService(Central(None), light)
    view = assist.call("printerTrouble", "paper_out")
    assert (view.state, view.reached_central, view.light_works) == ("calling", False, True)
    assert light.light == Light.BLINK
    assist.end()
    assert light.light == Light.OFF


def test_a_broken_light_does_not_stop_the_call(central: CentralProcess, terminal: Terminal) -> None:
    broken: Beacon = BrokenBeacon("lamp:x", "no driver for lamp:")
    view = AssistService(terminal.central(), broken).call("home")
    assert (view.state, view.reached_central, view.light_works) == ("calling", True, False)


def test_a_terminal_sees_only_its_own_calls(two_terminals: tuple[Terminal, Terminal]) -> None:
    one, two = two_terminals
    call = AssistService(one.central(), None).call("home")
    with pytest.raises(CentralError) as caught:
        two.central().call(lambda c: c.assist_state(call.call_id))
    assert caught.value.status == 404
