"""Odd card data (issue #20, item 9): always a card error with a reason, never a crash.

Cards carry UCS-2 text, so a damaged or forged card can hold any character where digits
belong: Arabic-Indic or full-width digits, superscripts. ``str.isdigit`` and the regex
``\\d`` accept those, ``int`` converts some of them and refuses others: every such path must
end in the project's own error types (:class:`LayoutError`, :class:`IdentityError`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drivers.cards.base import CardRead
from drivers.cards.id_layouts import (
    LAYOUTS,
    TEXT_BLOCK_LEN,
    TYPE_MARKER_OFFSET,
    LayoutError,
    build_text_block,
    parse_text_block,
)
from drivers.cards.sim.card_files import default_cards_dir, load_card
from kiosk.domain.id_numbers import is_valid_foreign_old, is_valid_gb11643
from kiosk.domain.identity import IdentityError, identity_from_card

TODAY = date(2025, 6, 1)
ARABIC_INDIC = "".join(chr(0x660 + int(d)) for d in "11010519800315001")  # ١١٠١…
FULL_WIDTH = "".join(chr(0xFF10 + int(d)) for d in "110105198003150012")  # １１０１…


def card(name: str) -> CardRead:
    return load_card(default_cards_dir() / name)


@pytest.mark.parametrize("number", [ARABIC_INDIC + "2", FULL_WIDTH, "١١٠١٠٥١٩٨٠٠٣١٥٠٠١X", "²" * 18])
def test_non_ascii_digits_are_no_valid_id_number_and_raise_nothing(number: str) -> None:
    assert is_valid_gb11643(number) is False
    assert is_valid_foreign_old("USA" + number[:12]) is False


@pytest.mark.parametrize("number", [ARABIC_INDIC + "2", FULL_WIDTH, "²" * 18])
def test_a_card_with_non_ascii_digits_is_an_id_check_failure(number: str) -> None:
    with pytest.raises(IdentityError) as err:
        identity_from_card(replace(card("resident.json"), id_number=number), TODAY)
    assert err.value.reason == "id_check_failed"


@pytest.mark.parametrize("count", ["²1", "１", "٣", "1.5", "-1"])
def test_an_issue_count_that_is_no_ascii_number_is_invalid_card_data(count: str) -> None:
    with pytest.raises(IdentityError) as err:
        identity_from_card(replace(card("hmt_permit.json"), issue_count=count), TODAY)
    assert err.value.reason == "invalid_card_data"
    assert str(err.value)  # a sentence for the log and the screen's reason


# Characters a damaged card may hold where digits belong, plus ordinary text.
ODD_CHARS = st.sampled_from(
    list("0123456789X xJIY长期汉") + ["²", "¹", "١", "٣", "１", "９", "𝟘"[:1], "\x00", "Ⅻ", "〇"]
)
SAMPLES = [
    "resident.json",
    "hmt_permit.json",
    "foreign_old.json",
    "foreign_2023.json",
]


def _field_text(length_bytes: int) -> st.SearchStrategy[str]:
    return st.one_of(
        st.text(ODD_CHARS, max_size=length_bytes // 2),
        st.text(
            st.characters(codec="utf-16", exclude_categories=["Cs"]), max_size=length_bytes // 2
        ),
        st.from_regex(r"\d{17}[\dX]", fullmatch=True).map(lambda s: s[: length_bytes // 2]),
    )


@st.composite
def odd_blocks(draw: st.DrawFn) -> bytes:
    """A sample card's block with some fields of its layout replaced by odd text."""
    base = card(draw(st.sampled_from(SAMPLES)))
    block = bytearray(build_text_block(base))
    _, layout = LAYOUTS[block[TYPE_MARKER_OFFSET : TYPE_MARKER_OFFSET + 2].decode("utf-16-le")]
    for _name, offset, length in draw(st.lists(st.sampled_from(layout), max_size=4)):
        text = draw(_field_text(length))
        raw = text.encode("utf-16-le", errors="surrogatepass")[:length]
        raw = raw[: len(raw) - len(raw) % 2]
        block[offset : offset + length] = raw + " ".encode("utf-16-le") * ((length - len(raw)) // 2)
    assert len(block) == TEXT_BLOCK_LEN
    return bytes(block)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(odd_blocks())
def test_odd_text_blocks_raise_only_the_projects_own_errors(block: bytes) -> None:
    try:
        read = parse_text_block(block)
        identity_from_card(read, TODAY, allow_expired=True)
    except (LayoutError, IdentityError) as exc:
        assert str(exc)
        if isinstance(exc, IdentityError):
            assert exc.reason in {"id_check_failed", "invalid_card_data", "unsupported_card"}
