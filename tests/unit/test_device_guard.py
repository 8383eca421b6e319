"""Deadlines on driver calls: the caller is back within its deadline whatever the driver does."""

from __future__ import annotations

import threading
import time

import pytest

from kiosk.devices.guard import MAX_STUCK, DeviceGuard, DeviceTimeout, call_once
from tests.waiting import GENEROUS_S, wait_for

# The machine is shared and loaded: deadlines are short, the limits we assert are generous.
DEADLINE_S = 1.0


def test_a_call_that_returns_gives_its_value_and_its_exception():
    guard = DeviceGuard("printer test:")
    assert guard.call("status", lambda: 42, DEADLINE_S * 10) == 42
    with pytest.raises(ZeroDivisionError):
        guard.call("send", lambda: 1 / 0, DEADLINE_S * 10)
    guard.close()


def test_a_hung_call_times_out_with_a_sentence_and_the_next_call_gets_a_fresh_thread():
    release = threading.Event()
    guard = DeviceGuard("printer acme:/dev/usb/lp0")
    started = time.monotonic()
    with pytest.raises(DeviceTimeout) as info:
        guard.call("send", release.wait, DEADLINE_S)
    assert time.monotonic() - started < GENEROUS_S
    assert str(info.value) == "printer acme:/dev/usb/lp0 did not finish 'send' within 1 s"
    assert info.value.reason == "timeout"
    # The hung thread is abandoned; a new one answers the next call at once.
    assert guard.call("status", threading.get_ident, DEADLINE_S * 10) != 0
    assert guard.stuck_threads == 1
    release.set()
    wait_for(lambda: guard.stuck_threads == 0, "the released thread ends")
    guard.close()


def test_a_driver_that_keeps_hanging_leaks_a_bounded_number_of_threads():
    release = threading.Event()
    guard = DeviceGuard("card reader hang:")
    for _ in range(MAX_STUCK):
        with pytest.raises(DeviceTimeout):
            guard.call("read", release.wait, 0.2)
    before = threading.active_count()
    started = time.monotonic()
    with pytest.raises(DeviceTimeout, match="still stuck"):
        guard.call("read", release.wait, DEADLINE_S)
    assert time.monotonic() - started < GENEROUS_S
    assert threading.active_count() == before
    release.set()


def test_a_caller_waiting_behind_a_hung_call_also_gets_its_deadline():
    release = threading.Event()
    guard = DeviceGuard("printer hang:")
    hung = threading.Thread(
        target=lambda: guard.call("send", release.wait, GENEROUS_S * 2), daemon=True
    )
    hung.start()
    time.sleep(0.2)
    started = time.monotonic()
    with pytest.raises(DeviceTimeout):
        guard.call("status", lambda: "ok", DEADLINE_S)
    assert time.monotonic() - started < GENEROUS_S
    release.set()
    hung.join(GENEROUS_S)


def test_call_once_ends_its_thread():
    before = {t.name for t in threading.enumerate()}
    assert call_once("scanner sim:", "open", lambda: "opened", DEADLINE_S * 10) == "opened"

    def ended() -> bool:
        new = {t.name for t in threading.enumerate()} - before
        return not any(name.startswith("device:") for name in new)

    wait_for(ended, "the call's thread ends")
