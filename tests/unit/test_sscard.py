"""Social security card APDUs and TLV records, against the virtual card's applet."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drivers.cards.base import CardReadError
from drivers.cards.sim.card_files import default_cards_dir, load_card
from drivers.cards.sim.vpcd_card import SocialSecurityApplet, UnknownCardApplet
from drivers.cards.sscard import (
    SELECT_SSC,
    bcd_date,
    build_tlv,
    parse_tlvs,
    read_record_apdu,
    read_social_security,
)


def transmit_to(applet):  # noqa: ANN001, ANN201 - test helper
    def transmit(apdu: bytes) -> tuple[bytes, int, int]:
        reply = applet.process(apdu)
        return reply[:-2], reply[-2], reply[-1]

    return transmit


def test_select_is_the_reference_apdu() -> None:
    expected = "00 A4 04 00 0F 73 78 31 2E 73 68 2E C9 E7 BB E1 B1 A3 D5 CF"
    assert SELECT_SSC == bytes.fromhex(expected)


def test_read_record_p2_codes_the_short_file_id() -> None:
    assert read_record_apdu(7, 5) == bytes.fromhex("00 B2 07 2C 00")
    assert read_record_apdu(8, 6) == bytes.fromhex("00 B2 08 34 00")


def test_the_public_data_is_read_with_a_gbk_name() -> None:
    card = load_card(default_cards_dir() / "social_security.json")
    read = read_social_security(transmit_to(SocialSecurityApplet(card)))
    assert read.card_type == "social_security"
    assert read.name == "周晓梅"
    assert read.id_number == "440304198702200040"
    assert (read.sex_code, read.nation_code) == ("2", "01")
    assert (read.valid_from, read.valid_to, read.birth_date) == ("20190301", "20290301", "19870220")
    assert read.card_number == "A12345678"


def test_another_card_is_unsupported_not_a_crash() -> None:
    with pytest.raises(CardReadError) as err:
        read_social_security(transmit_to(UnknownCardApplet()))
    assert err.value.reason == "unsupported_card"


def test_only_the_social_security_application_is_ever_selected() -> None:
    sent: list[bytes] = []
    applet = UnknownCardApplet()

    def transmit(apdu: bytes) -> tuple[bytes, int, int]:
        sent.append(apdu)
        reply = applet.process(apdu)
        return reply[:-2], reply[-2], reply[-1]

    with pytest.raises(CardReadError):
        read_social_security(transmit)
    assert sent == [SELECT_SSC]  # no bank application (A0 00 00 03 33 …) is touched


def test_bcd_dates_and_tlvs_decode() -> None:
    assert bcd_date(bytes.fromhex("20190301")) == "20190301"
    assert bcd_date(bytes.fromhex("2019AB01")) == ""
    items = parse_tlvs(build_tlv(9, b"x" * 200) + build_tlv(10, b"1"))
    assert [(i.tag, len(i.value)) for i in items] == [(9, 200), (10, 1)]


@given(st.binary(max_size=300))
def test_no_record_bytes_crash_the_tlv_parser(data: bytes) -> None:
    for item in parse_tlvs(data):
        assert len(item.value) <= len(data)
