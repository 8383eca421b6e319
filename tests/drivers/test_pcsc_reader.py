"""The PC/SC driver on a real pcscd with vsmartcard-vpcd and a Python virtual card."""

from __future__ import annotations

import queue
from collections.abc import Iterator
from typing import Any

import pytest

from drivers.cards.base import CardReaderError, CardReadError
from drivers.cards.pcsc import PcscReader, list_pcsc_readers
from drivers.cards.sim.card_files import default_cards_dir, load_card
from drivers.cards.sim.vpcd_card import SocialSecurityApplet, UnknownCardApplet, VirtualCard
from drivers.registry import make_card_reader
from kiosk.devices.reader_worker import CardResult, ReaderCallbacks, ReaderWorker
from tests.waiting import wait_for

pytestmark = pytest.mark.pcsc
READER = "Virtual PCD 00 00"
WAIT_S = 10.0


@pytest.fixture
def ss_card(private_pcscd: Any) -> Iterator[VirtualCard]:
    card = load_card(default_cards_dir() / "social_security.json")
    virtual = VirtualCard(SocialSecurityApplet(card), port=private_pcscd.vpcd_port)
    yield virtual
    virtual.remove()


@pytest.fixture
def reader(private_pcscd: Any) -> Iterator[PcscReader]:
    pcsc = make_card_reader(f"pcsc:{READER}")
    assert isinstance(pcsc, PcscReader)
    pcsc.open()
    # A card removed by the previous test may take pcscd a moment to notice.
    wait_for(lambda: not pcsc.card_present(), "pcscd notices the last card is gone")
    yield pcsc
    pcsc.close()


def test_the_private_pcscd_lists_the_two_vpcd_readers(private_pcscd: Any) -> None:
    assert list_pcsc_readers() == ["Virtual PCD 00 00", "Virtual PCD 00 01"]


def test_insert_and_remove_are_seen_by_the_watcher(
    reader: PcscReader, ss_card: VirtualCard
) -> None:
    events: queue.Queue[str] = queue.Queue()
    reader.add_listener(events.put)
    assert not reader.card_present()
    ss_card.insert()
    assert events.get(timeout=WAIT_S) == "card_inserted"
    assert reader.card_present()
    ss_card.remove()
    assert events.get(timeout=WAIT_S) == "card_removed"
    assert not reader.card_present()


def test_the_social_security_card_is_read(reader: PcscReader, ss_card: VirtualCard) -> None:
    ss_card.insert()
    read = reader.read_card(WAIT_S)
    assert read is not None
    assert (read.card_type, read.name, read.id_number) == (
        "social_security",
        "周晓梅",
        "440304198702200040",
    )
    assert read.card_number == "A12345678"
    assert read.valid_to == "20290301"


def test_no_card_before_the_timeout_gives_none(reader: PcscReader) -> None:
    assert reader.read_card(0.3) is None


def test_an_unknown_card_is_unsupported_not_a_crash(reader: PcscReader, private_pcscd: Any) -> None:
    other = VirtualCard(UnknownCardApplet(), port=private_pcscd.vpcd_port)
    other.insert()
    try:
        with pytest.raises(CardReadError) as err:
            reader.read_card(WAIT_S)
        assert err.value.reason == "unsupported_card"
    finally:
        other.remove()


def test_the_first_reader_is_used_when_none_is_named(private_pcscd: Any) -> None:
    pcsc = make_card_reader("pcsc:")
    assert isinstance(pcsc, PcscReader)
    pcsc.open()
    try:
        assert pcsc.reader_name == READER
        assert pcsc.status().ok
    finally:
        pcsc.close()


def test_a_reader_name_that_does_not_exist_is_reader_absent(
    private_pcscd: Any,
) -> None:
    with pytest.raises(CardReaderError) as err:
        PcscReader("No Such Reader").open()
    assert err.value.reason == "reader_absent"


def test_the_worker_reports_a_social_security_tap(reader: PcscReader, ss_card: VirtualCard) -> None:
    events: queue.Queue[tuple[str, object]] = queue.Queue()
    callbacks = ReaderCallbacks(
        on_card_present=lambda: events.put(("present", None)),
        on_card_read=lambda result: events.put(("read", result)),
        on_card_removed=lambda: events.put(("removed", None)),
    )
    worker = ReaderWorker(reader, callbacks)
    worker.start()
    try:
        ss_card.insert()
        assert events.get(timeout=WAIT_S) == ("present", None)
        kind, result = events.get(timeout=WAIT_S)
        assert isinstance(result, CardResult) and result.ok and result.identity is not None
        assert result.identity.masked_name == "周*梅"
        ss_card.remove()
        assert events.get(timeout=WAIT_S) == ("removed", None)
    finally:
        worker.stop()
