"""The reader worker's events over the real SAM path (``sim:sam``), including replug."""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest

from drivers.cards.base import CardRead
from drivers.cards.sim.card_files import default_cards_dir, load_card
from drivers.cards.sim.memory import MemoryCardReader
from drivers.cards.sim.sam_sim import SimulatedSamReader
from drivers.registry import make_card_reader
from kiosk.devices.reader_worker import CardResult, ReaderCallbacks, ReaderWorker

WAIT_S = 5.0


class Recorder:
    """Collects worker events in order, for the test thread to wait on."""

    def __init__(self) -> None:
        self.events: queue.Queue[tuple[str, object]] = queue.Queue()

    def callbacks(self) -> ReaderCallbacks:
        return ReaderCallbacks(
            on_card_present=lambda: self.events.put(("present", None)),
            on_card_read=lambda result: self.events.put(("read", result)),
            on_card_removed=lambda: self.events.put(("removed", None)),
            on_reader_lost=lambda reason, _msg: self.events.put(("lost", reason)),
            on_reader_back=lambda: self.events.put(("back", None)),
        )

    def next(self) -> tuple[str, object]:
        return self.events.get(timeout=WAIT_S)


@pytest.fixture
def sim() -> Iterator[SimulatedSamReader]:
    reader = make_card_reader("sim:sam")
    assert isinstance(reader, SimulatedSamReader)
    yield reader
    reader.close()


@pytest.fixture
def recorder(sim: SimulatedSamReader) -> Iterator[Recorder]:
    rec = Recorder()
    worker = ReaderWorker(sim, rec.callbacks(), reopen_interval_s=0.2)
    worker.start()
    yield rec
    worker.stop()
    assert not worker.running


def test_a_tap_gives_present_then_identity_then_removed(
    sim: SimulatedSamReader, recorder: Recorder
) -> None:
    placed = sim.place()
    assert placed is not None and placed.card_type == "resident"
    assert recorder.next() == ("present", None)
    kind, result = recorder.next()
    assert kind == "read" and isinstance(result, CardResult) and result.ok
    assert result.identity is not None and result.identity.masked_name == "张*丰"
    sim.remove()
    assert recorder.next() == ("removed", None)


def card_events(caplog: pytest.LogCaptureFixture) -> list[tuple[str, str, str]]:
    """The card events logged for staff: (event, reason, level)."""
    return [
        (r.getMessage(), getattr(r, "reason", ""), r.levelname)
        for r in caplog.records
        if r.getMessage().startswith("card.")
    ]


def test_an_expired_card_is_reported_with_its_reason(
    sim: SimulatedSamReader, recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO")
    expired = next(c for c in sim.cards if c.valid_to == "20180101")
    sim.place(expired)
    assert recorder.next()[0] == "present"
    kind, result = recorder.next()
    assert isinstance(result, CardResult)
    assert (kind, result.ok, result.reason) == ("read", False, "card_expired")
    assert card_events(caplog) == [("card.refused", "card_expired", "INFO")]
    assert expired.id_number not in caplog.text and expired.name not in caplog.text


def test_a_card_pulled_mid_read_reports_read_failed_then_removed(
    sim: SimulatedSamReader, recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    sim.emulator.pull_mid_read = True
    sim.place()
    assert recorder.next()[0] == "present"
    kind, result = recorder.next()
    assert isinstance(result, CardResult) and result.reason == "read_failed"
    assert recorder.next() == ("removed", None)
    # Staff see failed reads (a reader failing often is one to look at), by reason only.
    assert card_events(caplog) == [("card.read_failed", "read_failed", "WARNING")]


def test_unplug_and_replug_recover_without_restart(
    sim: SimulatedSamReader, recorder: Recorder
) -> None:
    sim.place()
    assert recorder.next()[0] == "present"
    assert recorder.next()[0] == "read"
    sim.emulator.unplug()
    assert recorder.next() == ("removed", None)
    assert recorder.next() == ("lost", "reader_lost")
    sim.emulator.plug()
    assert recorder.next() == ("back", None)
    assert recorder.next()[0] == "present"  # the card still lies there
    kind, result = recorder.next()
    assert isinstance(result, CardResult) and result.ok


def test_a_reader_closed_the_instant_its_cable_goes_can_be_plugged_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A worker closes a lost reader as soon as its port dies, which is while the emulator
    # is still closing the pty: that close must not take the port's folder with it.
    sim = SimulatedSamReader()
    sim.open()
    real_close = os.close
    closers: list[threading.Thread] = []

    def close_fd_then_the_reader(fd: int) -> None:
        real_close(fd)
        if not closers:
            closer = threading.Thread(target=sim.close)
            closers.append(closer)
            closer.start()
            closer.join(0.5)

    monkeypatch.setattr(os, "close", close_fd_then_the_reader)
    sim.emulator.unplug()
    monkeypatch.setattr(os, "close", real_close)
    closers[0].join(WAIT_S)
    try:
        sim.emulator.plug()
        sim.open()
        sim.place()
        card = sim.read_card(timeout_s=WAIT_S)
        assert card is not None and card.card_type == "resident"
    finally:
        sim.close()


def test_a_reader_absent_at_start_is_reported_then_found() -> None:
    sim = SimulatedSamReader()
    rec = Recorder()
    sim.open()
    sim.emulator.unplug()
    sim.driver.close()
    worker = ReaderWorker(sim, rec.callbacks(), reopen_interval_s=0.1)
    try:
        worker.start()
        assert rec.next() == ("lost", "reader_absent")
        sim.emulator.plug()
        assert rec.next() == ("back", None)
    finally:
        worker.stop()
        sim.close()


def test_the_memory_reader_still_delivers_placed_cards() -> None:
    memory = MemoryCardReader("sim:pcsc")
    rec = Recorder()
    worker = ReaderWorker(memory, rec.callbacks(), poll_interval_s=0.05)
    worker.start()
    try:
        memory.place(CardRead(card_type="unknown_kind", name="x"))
        assert rec.next() == ("present", None)
        kind, result = rec.next()
        assert isinstance(result, CardResult) and result.reason == "unsupported_card"
    finally:
        worker.stop()


def test_a_failing_callback_does_not_stop_the_worker(sim: SimulatedSamReader) -> None:
    seen: queue.Queue[str] = queue.Queue()

    def explode() -> None:
        seen.put("present")
        raise RuntimeError("listener bug")

    callbacks = ReaderCallbacks(
        on_card_present=explode, on_card_removed=lambda: seen.put("removed")
    )
    worker = ReaderWorker(sim, callbacks)
    worker.start()
    try:
        sim.place()
        assert seen.get(timeout=WAIT_S) == "present"
        sim.remove()
        assert seen.get(timeout=WAIT_S) == "removed"
    finally:
        worker.stop()


def test_reading_every_sample_card_logs_nothing_personal(
    sim: SimulatedSamReader, recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    seen: list[CardRead] = []
    for _ in range(len(sim.cards)):
        placed = sim.place()
        assert placed is not None
        seen.append(placed)
        while recorder.next()[0] != "read":
            pass
        sim.remove()
        while recorder.next()[0] != "removed":
            pass
    secrets = {v for card in seen for v in (card.name, card.id_number, card.address) if v}
    logged = caplog.text
    assert secrets and not [s for s in secrets if s in logged]


FULL_WIDTH_ID = "".join(chr(0xFF10 + int(d)) for d in "110105198003150012")


@pytest.mark.parametrize(
    ("odd", "reason"),
    [
        ({"id_number": FULL_WIDTH_ID}, "id_check_failed"),
        ({"id_number": "١" * 17 + "X"}, "id_check_failed"),
        ({"issue_count": "²1"}, "invalid_card_data"),
    ],
)
def test_odd_card_data_is_a_card_error_never_a_lost_reader(
    odd: dict[str, str], reason: str, caplog: pytest.LogCaptureFixture
) -> None:
    base = load_card(default_cards_dir() / "hmt_permit.json")
    memory = MemoryCardReader("sim:pcsc")
    rec = Recorder()
    worker = ReaderWorker(
        memory, rec.callbacks(), poll_interval_s=0.05, today=lambda: date(2025, 6, 1)
    )
    worker.start()
    try:
        memory.place(replace(base, **odd))
        assert rec.next() == ("present", None)
        kind, result = rec.next()
        assert kind == "read" and isinstance(result, CardResult)
        assert (result.ok, result.reason) == (False, reason)
        assert result.message
        memory.place(base)  # the reader still works: the next card reads fine
        assert rec.next() == ("present", None)
        kind, result = rec.next()
        assert isinstance(result, CardResult) and result.ok
    finally:
        worker.stop()
    assert "Traceback" not in caplog.text and "lost" not in caplog.text


def test_a_card_that_trips_an_unexpected_error_is_still_only_a_card_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import kiosk.devices.reader_worker as rw

    def broken(*_args: object, **_kw: object) -> None:
        raise ValueError("invalid literal for int() with base 10: '²1'")

    monkeypatch.setattr(rw, "identity_from_card", broken)
    memory = MemoryCardReader("sim:pcsc")
    rec = Recorder()
    worker = ReaderWorker(memory, rec.callbacks(), poll_interval_s=0.05)
    worker.start()
    try:
        memory.place(load_card(default_cards_dir() / "resident.json"))
        assert rec.next() == ("present", None)
        kind, result = rec.next()
        assert kind == "read" and isinstance(result, CardResult)
        assert result.reason == "invalid_card_data" and "²1" not in result.message
    finally:
        worker.stop()
