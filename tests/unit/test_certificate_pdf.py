"""The certificate on A4: its text read back, its QR code decoded, its seal drawn, and the
screen's preview masked."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image

from demo.certificates import SAMPLE_CERTIFICATES
from drivers.printers.glyphs import find_cjk_font
from kiosk.contract import CertificateField, IssuedCertificate
from kiosk.contract.certificates import format_code
from kiosk.documents.certificate import (
    CHINA_TZ,
    Printed,
    certificate_pdf,
    preview_png,
    preview_value,
)
from kiosk.documents.seal import SEAL_RED, seal_image, star_points

CODE = "K7QX2M9PHW4C"
URL = f"https://zwfw.example.cn/verify/{CODE}"
PRINTED = Printed(datetime(2026, 12, 3, 10, 30, tzinfo=CHINA_TZ), "T07")


@pytest.fixture(scope="module")
def font() -> tuple[Path, int]:
    return find_cjk_font(("Noto Sans CJK SC", "sans-serif:lang=zh-cn"))


def sample(kind: str) -> IssuedCertificate:
    spec = next(c for c in SAMPLE_CERTIFICATES if c.kind == kind)
    return IssuedCertificate(
        code=CODE,
        kind=spec.kind,
        title=spec.title,
        issuer=spec.issuer,
        name=spec.name,
        id_number=spec.id_number,
        fields=[CertificateField(label=label, value=value) for label, value in spec.fields],
        summary=spec.summary,
        issued_at=datetime(2026, 12, 3, 2, 29, tzinfo=UTC),
        terminal_id="T07",
        hall_id="H0001",
        verify_path=f"/verify/{CODE}",
    )


def page_text(pdf: bytes) -> str:
    document = pdfium.PdfDocument(pdf)
    try:
        assert len(document) == 1
        # Lines the layout broke are joined again (Chinese has no spaces to lose).
        return str(document[0].get_textpage().get_text_range()).replace("\r\n", "")
    finally:
        document.close()


def page_image(pdf: bytes, dpi: int = 150) -> Image.Image:
    document = pdfium.PdfDocument(pdf)
    try:
        return document[0].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        document.close()


@pytest.mark.parametrize("kind", ["SB", "GJJ", "BDC", "HY"])
def test_the_paper_holds_the_kind_the_code_the_holder_and_every_field(
    kind: str, font: tuple[Path, int]
) -> None:
    cert = sample(kind)
    text = page_text(certificate_pdf(cert, URL, printed=PRINTED, font=font))
    for expected in (cert.title, cert.issuer, format_code(CODE), cert.name, cert.id_number):
        assert expected in text
    for field in cert.fields:
        assert field.label in text and field.value in text
    assert cert.summary in text and "特此证明" in text
    assert "2026年12月03日" in text  # issued 02:29 UTC is 10:29 in China
    assert "T07" in text and "https://zwfw.example.cn/verify" in text


def test_the_qr_code_decodes_to_the_verify_page(font: tuple[Path, int]) -> None:
    pdf = certificate_pdf(sample("SB"), URL, printed=PRINTED, font=font)
    image = page_image(pdf)
    found = zxingcpp.read_barcodes(image)
    assert [(r.format, r.text) for r in found] == [(zxingcpp.BarcodeFormat.QRCode, URL)]
    other = certificate_pdf(sample("SB"), URL.replace(CODE, "23456789ABCD"), font=font)
    assert [r.text for r in zxingcpp.read_barcodes(page_image(other))] != [URL]


def test_the_seal_is_red_and_sits_over_the_issuer(font: tuple[Path, int]) -> None:
    image = page_image(certificate_pdf(sample("GJJ"), URL, printed=PRINTED, font=font), dpi=72)
    red = [
        (x, y)
        for y in range(image.height)
        for x in range(image.width)
        if (p := image.getpixel((x, y)))[0] > 180 and p[1] < 150 and p[2] < 150  # type: ignore[index]
    ]
    assert len(red) > 500
    xs, ys = [x for x, _ in red], [y for _, y in red]
    # A round patch about 42 mm (119 pt) across, in the right half, under the table.
    assert 100 < max(xs) - min(xs) < 130 and 100 < max(ys) - min(ys) < 130
    assert min(xs) > image.width / 2 and min(ys) > image.height / 3


def test_a_drawn_seal_has_a_ring_a_star_and_the_name(font: tuple[Path, int]) -> None:
    seal = seal_image("示范市住房公积金管理中心", font, 400)
    alpha = seal.getchannel("A")
    assert seal.convert("RGB").getpixel((200, 200)) == SEAL_RED and alpha.getpixel((200, 200))
    ink = alpha.tobytes()  # one byte a pixel, row by row

    def at(x: int, y: int) -> int:
        return ink[y * 400 + x]

    assert at(200, 200) > 0 and at(200, 4) > 0 and at(3, 3) == 0  # star, ring, not corners
    assert at(200, 120) == 0  # between the name and the star
    name_band = alpha.crop((150, 40, 250, 75))  # the top of the arc holds characters
    assert name_band.getbbox() is not None
    empty = seal_image("", font, 400).getchannel("A").crop((150, 40, 250, 75))
    assert empty.getbbox() is None
    corners = star_points(0, 0, 10)
    assert len(corners) == 10 and corners[0] == pytest.approx((0, -10))


def test_the_preview_masks_the_holder_and_identifying_values(font: tuple[Path, int]) -> None:
    cert = sample("BDC")
    masked = certificate_pdf(cert, URL, masked=True, printed=PRINTED, font=font)
    text = page_text(masked)
    assert "张*丰" in text and "1101**********0012" in text
    assert cert.name not in text and cert.id_number not in text
    assert "示例路" not in text and "0012345" not in text and "89.62" not in text
    assert "住宅" in text and cert.title in text and format_code(CODE) in text
    png = preview_png(masked, 480)
    with Image.open(io.BytesIO(png)) as shown:
        assert shown.width == 480 and 670 < shown.height < 690  # A4's proportions


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("住宅", "住宅"),
        ("正常参保", "正常参保"),
        ("2,400.00元", "2,****"),
        ("示范市示例科技有限公司", "示范****"),
    ],
)
def test_preview_values(value: str, shown: str) -> None:
    assert preview_value(value) == shown


def test_the_maker_lays_out_again_in_the_full_face_what_the_copy_lacks(
    tmp_path: Path, font: tuple[Path, int]
) -> None:
    from kiosk.documents.certificate import CertificateMaker
    from kiosk.documents.fonts import DocumentFont

    faces = DocumentFont(tmp_path / "fonts", source=font, chars="证明", nice=0)
    assert faces.prepare()  # a copy that holds almost nothing: every paper needs the full face
    maker = CertificateMaker(faces, terminal="T09")
    cert = sample("HY").model_copy(update={"name": "王䶮"})  # 䶮: not in GB2312
    text = page_text(maker.paper(cert, URL))
    assert "王䶮" in text and cert.title in text and "婚姻登记" in text and "T09" in text
    with Image.open(io.BytesIO(maker.preview(cert, URL, width_px=300))) as shown:
        assert shown.width == 300
    masked = page_text(
        certificate_pdf(cert, URL, masked=True, printed=PRINTED, font=faces.faces()[1])
    )
    assert "王*" in masked and "王䶮" not in masked
