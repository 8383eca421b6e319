"""The terminal learns central's clock from ``Date`` without taking a slow answer for skew."""

from __future__ import annotations

import email.utils
import logging
from collections.abc import Iterator

import pytest
import requests

from kiosk.sync.client import CentralClient, Credentials

T0 = 1_800_000_000.0  # the terminal's clock when the request left


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> float:
        return self.now


def answer(server_time: float) -> requests.Response:
    reply = requests.Response()
    reply.status_code = 200
    reply.headers["Date"] = email.utils.formatdate(server_time, usegmt=True)
    return reply


@pytest.fixture
def setup() -> Iterator[tuple[CentralClient, Clock]]:
    clock = Clock()
    client = CentralClient("http://127.0.0.1:9", Credentials("T01", b"s" * 32), clock=clock)
    yield client, clock
    client.close()


@pytest.mark.parametrize("late_stamp_s", [0.0, 1.5, 3.0])
def test_a_slow_answer_from_a_busy_central_is_not_a_skewed_clock(
    setup: tuple[CentralClient, Clock], late_stamp_s: float, caplog: pytest.LogCaptureFixture
) -> None:
    client, clock = setup
    clock.now = T0 + 6.0  # the answer took six seconds; central stamped it on the way
    with caplog.at_level(logging.WARNING, logger="kiosk.sync.client"):
        assert client._learn_clock(answer(T0 + late_stamp_s), T0) is False
    assert client.clock_offset_s == 0.0
    assert "clock differs" not in caplog.text


@pytest.mark.parametrize("skew_s", [-600.0, -5.0, 5.0, 600.0])
def test_a_clock_that_really_differs_is_corrected_once_and_said_once(
    setup: tuple[CentralClient, Clock], skew_s: float, caplog: pytest.LogCaptureFixture
) -> None:
    client, clock = setup
    clock.now = T0 + 0.2
    with caplog.at_level(logging.WARNING, logger="kiosk.sync.client"):
        assert client._learn_clock(answer(T0 + 0.1 + skew_s), T0) is True
        clock.now += 10
        assert client._learn_clock(answer(clock.now - 0.1 + skew_s), clock.now - 0.2) is False
    assert client.clock_offset_s == pytest.approx(skew_s, abs=1.5)
    assert caplog.text.count("clock differs") == 1
