"""Document model, wrapping by display width, layouts on both paper widths, privacy guard."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.printing.document import (
    Barcode,
    Cut,
    Document,
    DocumentError,
    Feed,
    KeyValue,
    Logo,
    QrCode,
    Separator,
    Text,
    Title,
)
from kiosk.printing.escpos_render import Renderer, qr_module
from kiosk.printing.flow import Line, flow
from kiosk.printing.privacy import UnmaskedPersonalData, contains_full_id_number
from kiosk.printing.profiles import PROFILES, get_profile
from kiosk.printing.width import char_width, display_width, wrap
from tests.sample_slips import sample_documents

NOW = datetime(2024, 5, 6, 9, 30)


def test_a_chinese_character_takes_two_columns_and_ascii_one() -> None:
    assert [char_width(c) for c in "A中，·\u0301"] == [1, 2, 2, 2, 0]
    assert display_width("受理编号：R-1") == 13


def test_long_chinese_lines_wrap_by_display_width() -> None:
    lines = wrap("一二三四五六七八九十一二三四五六七八九十", 32)
    assert lines == ["一二三四五六七八九十一二三四五六", "七八九十"]


def test_a_closing_mark_never_starts_a_line() -> None:
    lines = wrap("一二三四五六七八九十一二三四五六，七八", 32)
    assert lines == ["一二三四五六七八九十一二三四五", "六，七八"]


def test_two_closing_marks_in_a_row_never_start_a_line() -> None:
    # "前）。" at the end of a full line: both marks and the character before them move down.
    lines = wrap("一二三四五六七八九十一二三四前）。七八", 32)
    assert lines == ["一二三四五六七八九十一二三四", "前）。七八"]


def test_ascii_words_are_kept_whole_when_they_fit() -> None:
    assert wrap("请拨打 hotline 12345 咨询", 12) == ["请拨打", "hotline", "12345 咨询"]


@given(st.text(alphabet=st.sampled_from("中文ab c，。1（"), max_size=80), st.integers(4, 48))
def test_no_wrapped_line_is_ever_wider_than_the_paper(text: str, columns: int) -> None:
    for line in wrap(text, columns):
        assert display_width(line) <= columns
    assert "".join(wrap(text, columns)).replace(" ", "") == text.replace(" ", "")


def test_a_long_value_wraps_under_itself_not_under_its_key() -> None:
    document = Document("receipt", "r", (KeyValue("办理事项", "城乡居民基本医疗保险参保登记"),))
    lines = [op.text for op in flow(document, get_profile("58mm-gb18030")) if isinstance(op, Line)]
    assert lines == ["办理事项：城乡居民基本医疗保险参", "          保登记"]


def test_titles_are_double_width_so_they_wrap_at_half_the_columns() -> None:
    document = Document("receipt", "r", (Title("广州市天河区政务服务中心"),))
    lines = flow(document, get_profile("58mm-gbk"))
    assert [(op.text, op.width) for op in lines if isinstance(op, Line)] == [
        ("广州市天河区政务", 2),
        ("服务中心", 2),
    ]


@pytest.mark.parametrize("name", ["receipt", "ticket", "slip", "acknowledgement", "test"])
def test_the_same_layout_uses_the_width_of_58_and_80_mm_paper(name: str) -> None:
    for mm, columns in ((58, 32), (80, 48)):
        profile = get_profile(f"{mm}mm-gb18030")
        ops = flow(sample_documents(NOW, mm)[name], profile)
        widest = max(display_width(op.text) * op.width for op in ops if isinstance(op, Line))
        assert widest <= columns
        separators = [op for op in ops if isinstance(op, Line) and set(op.text) == {"-"}]
        assert not separators or len(separators[0].text) == columns


def test_a_document_survives_the_store_round_trip() -> None:
    document = Document(
        "receipt",
        "R-1",
        (
            Title("标题"),
            Text("正文", size=2, bold=True, align="right", tall=True),
            KeyValue("键", "值", sep=" "),
            Separator("="),
            QrCode("https://x", module=4, caption="扫码"),
            Barcode("R-1", height=40),
            Logo("/nonexistent.png"),
            Feed(2),
            Cut(),
        ),
    )
    assert Document.from_json(document.to_json()) == document


@pytest.mark.parametrize(
    "text", ["", "{}", '{"v": 2}', '{"v":1,"kind":"x","blocks":[{"type":"Nope"}]}']
)
def test_a_corrupt_stored_document_is_a_clear_error(text: str) -> None:
    with pytest.raises(DocumentError):
        Document.from_json(text)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("证件号码：44010619900101123X", True),
        ("440106199001011234", True),
        ("4401**********123X", False),
        ("受理编号 R20240506000123456", False),
        ("流水号 123456789012345678901", False),  # longer runs are not ID numbers
    ],
)
def test_full_id_numbers_are_recognised(text: str, found: bool) -> None:
    assert contains_full_id_number(text) is found


def test_a_full_id_number_in_a_qr_code_is_refused_too() -> None:
    document = Document("receipt", "r", (QrCode("https://x?id=44010619900101123X"),))
    with pytest.raises(UnmaskedPersonalData) as caught:
        Renderer(get_profile("80mm-gb18030")).render(document)
    assert "4401" not in str(caught.value)


def test_a_long_qr_payload_gets_smaller_modules_so_it_fits_58_mm() -> None:
    assert qr_module("x" * 30, 6, 384) == 6
    assert qr_module("x" * 300, 6, 384) * (17 + 4 * 15 + 8) <= 384


def test_profiles_cover_both_widths_and_modes() -> None:
    assert {(p.paper_mm, p.columns) for p in PROFILES.values()} == {(58, 32), (80, 48)}
    assert get_profile("80mm-gbk").with_width(58).name == "58mm-gbk"
    with pytest.raises(ValueError, match="known"):
        get_profile("90mm")


def test_a_printer_without_cutter_gets_paper_fed_past_the_tear_bar() -> None:
    document = Document("test", "t", (Text("x"), Cut()))
    assert b"\x1dV" not in Renderer(get_profile("58mm-gbk-nocut")).render(document)
