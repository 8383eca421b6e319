"""The reader worker against readers that misbehave as vendors' drivers do.

Each reader here is a complete driver (it satisfies ``CardReader``), not a mock: one returns
the same card on every call, one hangs, one raises a decode error, one answers the wrong type.
"""

from __future__ import annotations

import queue
import threading
import time

from drivers.cards.base import CardRead
from drivers.status import DeviceState, DeviceStatus
from kiosk.devices.reader_worker import CardResult, ReaderCallbacks, ReaderWorker
from tests.unit.hanging_drivers import HangingReader
from tests.waiting import GENEROUS_S, wait_for


class Events:
    def __init__(self) -> None:
        self.queue: queue.Queue[tuple[str, object]] = queue.Queue()
        self.counts = {"present": 0, "read": 0, "removed": 0, "lost": 0, "back": 0}

    def _put(self, kind: str, value: object = None) -> None:
        self.counts[kind] += 1
        self.queue.put((kind, value))

    def callbacks(self) -> ReaderCallbacks:
        return ReaderCallbacks(
            on_card_present=lambda: self._put("present"),
            on_card_read=lambda result: self._put("read", result),
            on_card_removed=lambda: self._put("removed"),
            on_reader_lost=lambda reason, msg: self._put("lost", (reason, msg)),
            on_reader_back=lambda: self._put("back"),
        )

    def next(self, kind: str) -> object:
        """The value of the next ``kind`` event (other events before it are passed over)."""

        def arrived() -> tuple[object] | None:
            try:
                got, value = self.queue.get(timeout=0.05)
            except queue.Empty:
                return None
            return (value,) if got == kind else None

        return wait_for(arrived, f"a {kind} event", poll_s=0)[0]


class StickyReader:
    """Returns the card lying on it on every call, at once (a fresh object each time, as a
    driver that decodes the card anew would), and None when there is none."""

    def __init__(self) -> None:
        self.uri = "sticky:"
        self.card_type = ""
        self.calls = 0

    def open(self) -> None:
        return None

    def close(self) -> None:
        return None

    def read_card(self, timeout_s: float) -> CardRead | None:
        self.calls += 1
        return CardRead(card_type=self.card_type, name="x") if self.card_type else None

    def status(self) -> DeviceStatus:
        return DeviceStatus(DeviceState.OK, "sticky")


def test_a_reader_that_returns_the_card_on_every_call_gives_one_event_per_placement():
    reader = StickyReader()
    events = Events()
    worker = ReaderWorker(reader, events.callbacks(), poll_interval_s=0.01)
    worker.start()
    try:
        reader.card_type = "unknown_kind"  # laid on the reader
        events.next("read")
        calls = reader.calls
        wait_for(lambda: reader.calls >= calls + 50, "the worker keeps reading")
        assert (events.counts["present"], events.counts["read"]) == (1, 1)
        reader.card_type = ""  # lifted …
        time.sleep(0.5)
        reader.card_type = "unknown_kind"  # … and laid again: a new placement
        events.next("read")
        assert (events.counts["present"], events.counts["read"]) == (2, 2)
    finally:
        worker.stop()


def test_a_hung_reader_is_reported_within_its_deadline_and_stop_returns():
    reader = HangingReader("acmeid:/dev/ttyACM0", hang_read=True)
    events = Events()
    worker = ReaderWorker(reader, events.callbacks(), call_margin_s=1.0, reopen_interval_s=0.2)
    started = time.monotonic()
    worker.start()
    try:
        reason, message = events.next("lost")  # type: ignore[misc]
        assert time.monotonic() - started < GENEROUS_S
        assert reason == "reader_silent"
        assert "card reader acmeid:/dev/ttyACM0 did not finish 'read'" in message
    finally:
        started = time.monotonic()
        worker.stop()
        assert time.monotonic() - started < GENEROUS_S
        reader.release.set()
    assert not worker.running


def test_a_hung_open_is_reported_as_lost():
    reader = HangingReader("acmeid:/dev/ttyACM0", hang_open=True)
    events = Events()
    worker = ReaderWorker(reader, events.callbacks(), call_margin_s=1.0, reopen_interval_s=0.2)
    worker.start()
    try:
        reason, message = events.next("lost")  # type: ignore[misc]
        assert reason == "reader_silent" and "'open'" in message
    finally:
        worker.stop()
        reader.release.set()


class DecodeFailReader(StickyReader):
    def read_card(self, timeout_s: float) -> CardRead | None:
        self.calls += 1
        if self.calls == 1:
            raise UnicodeDecodeError("utf-16-le", b"\xff", 0, 1, "bad name field")
        time.sleep(timeout_s)
        return None


def test_a_decode_error_is_a_failed_read_not_a_lost_reader():
    reader = DecodeFailReader()
    events = Events()
    worker = ReaderWorker(reader, events.callbacks(), poll_interval_s=0.01)
    worker.start()
    try:
        result = events.next("read")
        assert isinstance(result, CardResult) and result.reason == "read_failed"
        assert worker.running and events.counts["lost"] == 0
    finally:
        worker.stop()


class WrongTypeReader(StickyReader):
    def read_card(self, timeout_s: float):  # type: ignore[override]
        self.calls += 1
        return {"name": "x"}


def test_a_wrong_return_type_is_reported_as_not_conforming_once():
    reader = WrongTypeReader()
    events = Events()
    worker = ReaderWorker(reader, events.callbacks(), poll_interval_s=0.01)
    worker.start()
    try:
        result = events.next("read")
        assert isinstance(result, CardResult) and result.reason == "read_failed"
        assert "does not conform" in result.message and "dict" in result.message
        time.sleep(0.5)
        assert events.counts["read"] == 1 and worker.running
    finally:
        worker.stop()


class NoUriReader:
    """VENDOR.md's old example: no ``uri``."""

    def open(self) -> None:
        raise RuntimeError("port gone")

    def close(self) -> None:
        return None

    def read_card(self, timeout_s: float) -> CardRead | None:
        return None

    def status(self) -> DeviceStatus:
        return DeviceStatus(DeviceState.OK, "ok")


def test_a_reader_without_uri_does_not_kill_the_worker():
    events = Events()
    worker = ReaderWorker(NoUriReader(), events.callbacks(), reopen_interval_s=0.1)  # type: ignore[arg-type]
    worker.start()
    try:
        reason, _ = events.next("lost")  # type: ignore[misc]
        assert reason == "reader_error"
        time.sleep(0.3)
        assert worker.running
    finally:
        worker.stop()


def test_stop_returns_even_with_a_thread_stuck_in_the_driver():
    reader = HangingReader("acmeid:x", hang_read=True)
    worker = ReaderWorker(reader, ReaderCallbacks(), call_margin_s=1.0)
    worker.start()
    time.sleep(0.3)
    done = threading.Event()
    threading.Thread(target=lambda: (worker.stop(), done.set()), daemon=True).start()
    assert done.wait(GENEROUS_S)
    reader.release.set()
