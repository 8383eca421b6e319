"""Signatures on the touch screen: what is refused, the rendered image, the signed PDF."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta, timezone

import pypdfium2 as pdfium
import pytest
from PIL import Image

from kiosk.documents.signature import (
    REASONS,
    STROKES_FILE,
    Signature,
    SignatureRejected,
    SignedFacts,
    check,
    render_png,
    signed_pdf,
    text_sha256,
    wrap_cjk,
)
from tests.unit.apply_helpers import signature_strokes

W, H = 1000, 380
TEXT = "本人承诺：本人在所申报的地址实际居住。如承诺不实，愿承担相应法律责任。"


def reason_of(strokes, width=W, height=H) -> str:
    with pytest.raises(SignatureRejected) as err:
        check(Signature.from_lists(strokes, width, height))
    return err.value.reason


def test_a_written_name_passes_and_keeps_points_and_timing() -> None:
    signature = Signature.from_lists(signature_strokes(), W, H)
    check(signature)
    assert signature.points == 130 and len(signature.strokes) == 2
    assert signature.strokes[1][0].t == 2000.0
    assert signature.to_lists() == signature_strokes()
    assert "strokes=2" in repr(signature) and "[" not in repr(signature)


@pytest.mark.parametrize(
    ("strokes", "reason"),
    [
        ([], "signature_empty"),
        ([[]], "signature_empty"),
        ([[[500, 200, 0]]], "signature_dot"),  # a tap
        # A shaky press: many points, all within a few pixels.
        ([[[500 + i % 3, 200 + i % 2, i * 16] for i in range(40)]], "signature_dot"),
        # Long enough but only 11 points.
        ([[[100 + 30 * i, 200, i * 16] for i in range(11)]], "signature_dot"),
        # A scribble 80 px wide (8 % of the pad): too small to be a name.
        ([[[460 + 2 * i, 180 + (i % 5) * 4, i * 16] for i in range(40)]], "signature_too_small"),
    ],
)
def test_what_is_not_a_signature_is_refused_with_its_reason(strokes, reason) -> None:
    assert reason_of(strokes) == reason
    assert REASONS[reason]  # the screen has a sentence for it


def test_the_smallest_accepted_signature_is_ten_percent_of_the_pad() -> None:
    line = [[[400 + 99 * i / 11, 200 + (i % 2) * 3, i * 16] for i in range(12)]]
    assert reason_of(line) == "signature_too_small"  # 99 px
    wide = [[[400 + 100 * i / 11, 200 + (i % 2) * 3, i * 16] for i in range(12)]]
    check(Signature.from_lists(wide, W, H))  # 100 px: just enough


@pytest.mark.parametrize(
    "strokes",
    [
        "abc",
        [[[1, 2]]],  # no time
        [[["x", 2, 3]]],
        [[[float("nan"), 2, 3]]],
        [[[5000, 2, 3]]],  # far outside the pad
        [[[1, 2, 30], [2, 3, 10]]],  # time runs backwards
        [[[1, 2, 3]] * 20_001],  # more points than any pad gives
    ],
)
def test_malformed_strokes_are_refused_not_crashed_on(strokes) -> None:
    with pytest.raises(SignatureRejected) as err:
        Signature.from_lists(strokes, W, H)
    assert err.value.reason == "signature_malformed"


def test_points_slightly_outside_the_pad_are_clamped_and_a_bad_pad_size_refused() -> None:
    signature = Signature.from_lists([[[-10, 390, 0], [1020, -5, 16]]], W, H)
    assert signature.ink_box() == (0.0, 0.0, 1000.0, 380.0)
    for width, height in ((0, 380), (1000, -1), ("x", 2), (1e9, 10)):
        with pytest.raises(SignatureRejected):
            Signature.from_lists([], width, height)


def test_the_rendered_signature_is_anti_aliased_ink_on_white_where_it_was_drawn() -> None:
    signature = Signature.from_lists(signature_strokes(), W, H)
    image = Image.open(io.BytesIO(render_png(signature, width=500))).convert("L")
    assert image.size == (500, 190)
    histogram = image.histogram()
    values = {v for v in range(256) if histogram[v]}
    assert 255 in values and min(values) < 40  # white paper, dark ink
    assert len([v for v in values if 40 < v < 230]) > 20  # grey edges: anti-aliased
    # Ink where the strokes were (the cross stroke at x = 20 % of the pad), none far right.
    assert image.getpixel((100, 70)) < 128
    assert all(image.getpixel((490, y)) == 255 for y in range(190))


def facts(text: str = TEXT) -> SignedFacts:
    return SignedFacts(
        title="告知承诺书",
        text=text,
        service="居住登记（HJ-004）",
        material="居住证明",
        signer_name="王*明",
        signer_id_number="1101**********0017",
        signed_at=datetime(2026, 12, 3, 15, 4, 5, tzinfo=timezone(timedelta(hours=8))),
        terminal="H0001-T01",
    )


def test_the_signed_pdf_holds_text_hash_time_terminal_masked_signer_and_the_strokes() -> None:
    signature = Signature.from_lists(signature_strokes(), W, H)
    data = signed_pdf(signature, facts())
    pdf = pdfium.PdfDocument(data)
    assert len(pdf) == 1
    page = pdf[0]
    text = page.get_textpage().get_text_range().replace("\r\n", "").replace("\n", "")
    for words in (
        "告知承诺书",
        TEXT,
        "居住登记（HJ-004）",
        "居住证明",
        "王*明",
        "1101**********0017",
        "2026-12-03 15:04:05+08:00",
        "H0001-T01",
        text_sha256(TEXT),
    ):
        assert words in text, words
    assert "王小明" not in text
    # The signature is on the page: ink where the image was placed, below the signer.
    images = [o for o in page.get_objects() if o.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE]
    assert len(images) == 1
    # The strokes travel inside the document.
    attachment = pdf.get_attachment(0)
    assert attachment.get_name() == STROKES_FILE
    kept = json.loads(bytes(attachment.get_data()))
    assert kept == {"width": W, "height": H, "strokes": signature_strokes()}


def test_the_hash_on_the_pdf_changes_with_one_character_of_the_text() -> None:
    signature = Signature.from_lists(signature_strokes(), W, H)
    other = TEXT.replace("实际", "真实")
    assert text_sha256(TEXT) != text_sha256(other)
    text = pdfium.PdfDocument(signed_pdf(signature, facts(other)))[0].get_textpage()
    assert text_sha256(other) in text.get_text_range() and text_sha256(TEXT) not in (
        text.get_text_range()
    )


def test_signing_the_same_thing_twice_gives_the_same_document() -> None:
    signature = Signature.from_lists(signature_strokes(), W, H)
    assert signed_pdf(signature, facts()) == signed_pdf(signature, facts())


def test_chinese_lines_never_start_with_closing_punctuation_nor_end_with_an_opening_one() -> None:
    def measure(text: str) -> float:
        return float(len(text))

    assert wrap_cjk("一二三四五。六七", 5, measure) == ["一二三四", "五。六七"]
    assert wrap_cjk("一二三四（五）", 5, measure) == ["一二三四", "（五）"]
    assert wrap_cjk("一二三（四五六", 4, measure) == ["一二三", "（四五六"]
    assert all(line[0] != "。" for line in wrap_cjk("一二三。。四", 3, measure))
    assert wrap_cjk("甲\n乙", 5, measure) == ["甲", "乙"]
    # On the signed document: the sample commitment breaks before "同意。", not before "。".
    text = (
        "本人承诺：本人在所申报的地址实际居住，且已取得房屋所有人或出借人的同意。"
        "如承诺不实，将注销所办居住证，并记入个人信用记录。"
    )
    page = pdfium.PdfDocument(
        signed_pdf(Signature.from_lists(signature_strokes(), W, H), facts(text))
    )[0]
    lines = page.get_textpage().get_text_range().splitlines()
    assert "".join(lines).count(text[:20]) == 1
    assert not any(line.startswith(("。", "，")) for line in lines)
