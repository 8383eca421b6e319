"""The SAM driver against the emulator over a real pseudo-terminal."""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

import drivers.cards.sam as sam_module
from drivers.cards.base import CardRead, CardReaderError, CardReadError
from drivers.cards.sam import SamReader
from drivers.cards.sam_frames import Command
from drivers.cards.sim.card_files import default_cards_dir, load_card
from drivers.cards.sim.sam_emulator import SamEmulator

FAMILIES = ["resident.json", "hmt_permit.json", "foreign_old.json", "foreign_2023.json"]


@pytest.fixture
def emulator(tmp_path: Path) -> Iterator[SamEmulator]:
    emu = SamEmulator(link=tmp_path / "ttySAM0", seed=7).start()
    yield emu
    emu.stop()


@pytest.fixture
def reader(emulator: SamEmulator) -> Iterator[SamReader]:
    sam = SamReader(emulator.path, base_timeout_s=0.15)
    sam.open()
    yield sam
    sam.close()


def sample(name: str) -> CardRead:
    return load_card(default_cards_dir() / name)


@pytest.mark.parametrize("name", FAMILIES)
def test_every_card_family_is_read_through_the_pty(
    emulator: SamEmulator, reader: SamReader, name: str
) -> None:
    card = sample(name)
    emulator.card = card
    read = reader.read_card(2.0)
    assert read is not None
    assert replace(read, layout="") == replace(card, layout="")
    assert len(read.photo_wlt) == 1024


def test_the_driver_opens_the_pty_slave_path_itself(emulator: SamEmulator) -> None:
    sam = SamReader(emulator.slave_path)
    sam.open()
    try:
        assert sam.status().ok
        assert sam.sam_id().startswith("05.")
    finally:
        sam.close()


def test_no_card_before_the_timeout_gives_none(reader: SamReader) -> None:
    assert reader.read_card(0.2) is None
    assert not reader.card_present()


def test_garbage_around_every_reply_is_skipped(emulator: SamEmulator, reader: SamReader) -> None:
    emulator.card = sample("resident.json")
    emulator.noise = True
    for _ in range(3):
        read = reader.read_card(2.0)
        assert read is not None and read.name == "张明丰"


def test_a_bad_checksum_is_asked_again(emulator: SamEmulator, reader: SamReader) -> None:
    emulator.card = sample("resident.json")
    emulator.corrupt_replies = 2
    before = emulator.commands_seen
    read = reader.read_card(2.0)
    assert read is not None and read.id_number == "110105198003150012"
    assert emulator.corrupt_replies == 0
    assert emulator.commands_seen >= before + 5  # find, select, read, plus two repeats


def test_checksums_that_stay_bad_make_a_clear_reader_error(
    emulator: SamEmulator, reader: SamReader
) -> None:
    emulator.corrupt_replies = 1000
    with pytest.raises(CardReaderError) as err:
        reader.card_present()
    assert err.value.reason == "reader_silent"
    assert "bad checksum" in str(err.value)


def test_a_card_pulled_mid_read_is_a_read_failure_and_the_reader_recovers(
    emulator: SamEmulator, reader: SamReader
) -> None:
    emulator.card = sample("resident.json")
    emulator.pull_mid_read = True
    with pytest.raises(CardReadError) as err:
        reader.read_card(2.0)
    assert err.value.reason == "read_failed"
    assert emulator.card is None
    emulator.card = sample("hmt_permit.json")
    read = reader.read_card(2.0)
    assert read is not None and read.card_type == "hmt_permit"


def test_a_silent_reader_is_reported_as_silent(emulator: SamEmulator, reader: SamReader) -> None:
    emulator.silent = True
    with pytest.raises(CardReaderError) as err:
        reader.card_present()
    assert err.value.reason == "reader_silent"


def test_a_reply_waiting_when_a_late_thread_wakes_is_taken_not_asked_again(
    emulator: SamEmulator, reader: SamReader, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a loaded host the reading thread may wake after its deadline with the whole reply
    already in the kernel's buffer: that is a reply, not silence (asking again would throw
    it away, and a reader that is always woken late would never be read)."""
    late = {"s": 0.0}

    class LateClock:
        sleep = staticmethod(time.sleep)

        @staticmethod
        def monotonic() -> float:
            return time.monotonic() + late["s"]

    read_frame = reader._read_frame

    def oversleep_then_read(deadline: float) -> bytes | None:
        port = reader._port()
        seen, settled = -1, time.monotonic() + 10
        while time.monotonic() < settled:  # the whole reply has arrived, unread
            time.sleep(0.05)
            if port.in_waiting and port.in_waiting == seen:
                break
            seen = port.in_waiting
        late["s"] += 60.0  # ... and this thread wakes long past its deadline
        return read_frame(deadline)

    monkeypatch.setattr(sam_module, "time", LateClock)
    monkeypatch.setattr(reader, "_read_frame", oversleep_then_read)
    emulator.card = sample("resident.json")
    before = emulator.commands_seen
    assert reader.card_present()
    read = reader.read_card(2.0)
    assert read is not None and read.id_number == "110105198003150012"
    assert emulator.commands_seen == before + 4  # find; find, select, read: none asked twice


def test_a_write_that_cannot_go_out_is_a_silent_reader_not_a_lost_one(
    emulator: SamEmulator, reader: SamReader
) -> None:
    """Writes that time out (a reader not draining its port, or this thread starved on a
    loaded machine) are asked again and end as ``reader_silent``; the port stays open and
    the reader answers again as soon as it reads."""
    emulator.stalled = True
    filler = os.open(emulator.slave_path, os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY)
    try:  # fill the pty until even one byte would block, after the kernel settled
        for _ in range(3):
            with contextlib.suppress(BlockingIOError):
                while True:
                    os.write(filler, bytes(1 if _ else 4096))
            time.sleep(0.1)
    finally:
        os.close(filler)
    with pytest.raises(CardReaderError) as err:
        reader.transact(Command.FIND_CARD, retries=1)
    assert err.value.reason == "reader_silent" and "stalled write" in str(err.value)
    assert reader.is_open
    emulator.stalled = False
    emulator.card = sample("resident.json")
    assert reader.card_present()


def test_a_vanishing_port_is_reported_as_lost_and_can_be_reopened(
    emulator: SamEmulator, reader: SamReader
) -> None:
    emulator.unplug()
    with pytest.raises(CardReaderError) as err:
        reader.card_present()
    assert err.value.reason == "reader_lost"
    with pytest.raises(CardReaderError) as absent:
        reader.open()
    assert absent.value.reason == "reader_absent"
    emulator.plug()
    emulator.card = sample("resident.json")
    reader.open()
    assert reader.card_present()


def test_an_absent_port_is_named_in_the_error(tmp_path: Path) -> None:
    sam = SamReader(str(tmp_path / "ttyUSB9"))
    with pytest.raises(CardReaderError) as err:
        sam.open()
    assert err.value.reason == "reader_absent"
    assert "ttyUSB9" in str(err.value)


def test_a_port_held_by_another_program_is_busy(emulator: SamEmulator) -> None:
    fd = os.open(emulator.slave_path, os.O_RDWR | os.O_NOCTTY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # what another exclusive opener does
        sam = SamReader(emulator.path)
        with pytest.raises(CardReaderError) as err:
            sam.open()
        assert err.value.reason == "reader_busy"
    finally:
        os.close(fd)


def test_a_port_that_answers_nothing_fails_to_open(emulator: SamEmulator) -> None:
    emulator.silent = True
    sam = SamReader(emulator.path, base_timeout_s=0.1, retries=1)
    with pytest.raises(CardReaderError) as err:
        sam.open()
    assert err.value.reason == "reader_silent"
    assert not sam.is_open


def test_the_fingerprint_read_variant_is_understood(emulator: SamEmulator) -> None:
    emulator.card = sample("resident.json")
    sam = SamReader(emulator.path, fingerprint=True)
    sam.open()
    try:
        read = sam.read_card(2.0)
        assert read is not None and read.name == "张明丰"
    finally:
        sam.close()
