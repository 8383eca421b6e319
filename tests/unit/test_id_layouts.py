"""Text blocks of every SAM card family, and robustness against nonsense."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drivers.cards.id_layouts import (
    LayoutError,
    build_text_block,
    parse_text_block,
    type_marker,
)
from drivers.cards.sim.card_files import default_cards_dir, load_card

SAM_FILES = [
    "resident.json",
    "resident_expired.json",
    "resident_long_term.json",
    "resident_uyghur.json",
    "hmt_permit.json",
    "foreign_old.json",
    "foreign_2023.json",
]


@pytest.mark.parametrize("name", SAM_FILES)
def test_every_sample_card_survives_a_text_block_round_trip(name: str) -> None:
    card = load_card(default_cards_dir() / name)
    back = parse_text_block(build_text_block(card), card.photo_wlt)
    assert back == replace(card, layout=back.layout)


@pytest.mark.parametrize(
    ("name", "marker"),
    [("resident.json", " "), ("hmt_permit.json", "J"), ("foreign_old.json", "I")],
)
def test_the_type_marker_sits_at_byte_248(name: str, marker: str) -> None:
    block = build_text_block(load_card(default_cards_dir() / name))
    assert block[248:250] == marker.encode("utf-16-le")
    assert type_marker(block) == marker


def test_resident_fields_sit_at_their_offsets() -> None:
    block = build_text_block(load_card(default_cards_dir() / "resident.json"))
    assert block[0:6].decode("utf-16-le") == "张明丰"
    assert block[30:32].decode("utf-16-le") == "1"
    assert block[32:36].decode("utf-16-le") == "01"
    assert block[122:158].decode("utf-16-le") == "110105198003150012"
    assert block[204:220].decode("utf-16-le") == "20350601"


def test_the_2023_foreign_card_joins_its_two_english_name_parts() -> None:
    card = load_card(default_cards_dir() / "foreign_2023.json")
    long_name = replace(card, name_en="VANDERBILT-MONTGOMERY, ALEXANDRA ELIZABETH")
    block = build_text_block(long_name)
    assert parse_text_block(block).name_en == long_name.name_en


def test_a_zeroed_marker_is_read_as_a_resident_card() -> None:
    block = bytearray(build_text_block(load_card(default_cards_dir() / "resident.json")))
    block[248:250] = b"\x00\x00"
    assert parse_text_block(bytes(block)).card_type == "resident"


def test_an_unknown_marker_is_a_layout_error() -> None:
    block = bytearray(build_text_block(load_card(default_cards_dir() / "resident.json")))
    block[248:250] = "Q".encode("utf-16-le")
    with pytest.raises(LayoutError):
        parse_text_block(bytes(block))


def test_a_field_too_long_for_the_card_is_refused() -> None:
    card = load_card(default_cards_dir() / "resident.json")
    with pytest.raises(LayoutError):
        build_text_block(replace(card, name="超" * 16))


@given(st.binary(min_size=256, max_size=256))
def test_no_text_block_crashes_the_parser(block: bytes) -> None:
    try:
        card = parse_text_block(block)
    except LayoutError:
        return
    assert card.card_type in {"resident", "hmt_permit", "foreign_permanent"}


@given(st.binary(max_size=600))
def test_blocks_of_the_wrong_size_are_refused(block: bytes) -> None:
    if len(block) == 256:
        return
    with pytest.raises(LayoutError):
        parse_text_block(block)


def test_sample_files_exist_for_every_family() -> None:
    names = {p.name for p in Path(default_cards_dir()).glob("*.json")}
    assert set(SAM_FILES) | {"social_security.json"} <= names
