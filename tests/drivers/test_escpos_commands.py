"""ESC/POS bytes checked against hand-written expectations (not against our own output)."""

from __future__ import annotations

from datetime import datetime

import pytest
from PIL import Image

from drivers.printers import commands
from drivers.printers.status_bytes import blocking_reason, combine, parse_paper
from kiosk.printing.escpos_render import Renderer
from kiosk.printing.profiles import get_profile
from tests.sample_slips import sample_ticket


def gb(text: str) -> bytes:
    return text.encode("gb18030")


def test_the_58mm_ticket_is_exactly_the_bytes_a_person_would_write() -> None:
    expected = b"".join(
        [
            b"\x1b@",
            b"\x1ba\x01\x1bE\x01\x1d!\x11",  # centre, bold, double width and height
            b"\x1c&" + gb("广州市天河区政务") + b"\x1c.\n",
            b"\x1c&" + gb("服务中心") + b"\x1c.\n",
            b"\x1ba\x00\x1bE\x00\x1d!\x00" + b"-" * 32 + b"\n",
            b"\x1ba\x01\x1bE\x01\x1c&" + gb("业务类型：社保医保综合窗口") + b"\x1c.\n",
            b"\x1bd\x01",
            b"\x1d!\x33A023\n",  # 4x4, ASCII outside Chinese mode
            b"\x1bd\x01",
            b"\x1bE\x00\x1d!\x01\x1c&" + gb("您前面还有 5 人等候") + b"\x1c.\n",
            b"\x1d!\x00\x1c&" + gb("取号时间：2024-05-06 09:30") + b"\x1c.\n",
            # The QR to scan at a terminal (where do I go?): model 2, 4-dot modules, level M,
            # the 33 bytes of data (pL = 33 + 3), print; its caption wrapped to 32 columns.
            b"\x1d(k\x04\x001A2\x00\x1d(k\x03\x001C\x04\x1d(k\x03\x001E1",
            b"\x1d(k$\x001P0TICKET:H0001:T-20240506-A023:A023\x1d(k\x03\x001Q0",
            b"\x1c&" + gb("到自助终端扫码，查看叫号进度和办") + b"\x1c.\n",
            b"\x1c&" + gb("理窗口") + b"\x1c.\n",
            b"\x1ba\x00" + b"-" * 32 + b"\n",
            b"\x1ba\x01\x1c&" + gb("请留意叫号，过号请重新取号") + b"\x1c.\n",
            b"\x1bd\x04\x1dVB\x00",  # feed to the cutter, partial cut
        ]
    )
    rendered = Renderer(get_profile("58mm-gb18030")).render(
        sample_ticket(datetime(2024, 5, 6, 9, 30))
    )
    assert rendered == expected


def test_chinese_text_is_wrapped_in_fs_ampersand_and_fs_dot() -> None:
    assert commands.text_line("办事", "gbk") == b"\x1c&\xb0\xec\xca\xc2\x1c.\n"


def test_ascii_text_is_sent_without_chinese_mode_or_code_page_switch() -> None:
    assert commands.text_line("A-01 ok", "gb18030") == b"A-01 ok\n"


def test_yen_sign_becomes_the_fullwidth_yuan_sign_that_gbk_printers_know() -> None:
    assert commands.encode_text("¥5", "gbk") == b"\xa3\xa45"
    assert commands.encode_text("¥5", "gb18030") == b"\xa3\xa45"  # not a 4-byte sequence


def test_characters_outside_gbk_become_a_fullwidth_question_mark() -> None:
    assert commands.encode_text("𠀀", "gbk") == "？".encode("gbk")


def test_control_bytes_in_text_cannot_smuggle_commands() -> None:
    assert commands.encode_text("a\x1bd\x05b\n", "gbk") == b"ad\x05b".replace(b"\x05", b"")


def test_qr_code_command_follows_gs_paren_k_function_by_function() -> None:
    assert commands.qr_code("AB", module=5, level="Q") == (
        b"\x1d(k\x04\x00\x31\x41\x32\x00"
        b"\x1d(k\x03\x00\x31\x43\x05"
        b"\x1d(k\x03\x00\x31\x45\x32"
        b"\x1d(k\x05\x00\x31\x50\x30AB"
        b"\x1d(k\x03\x00\x31\x51\x30"
    )


def test_code128_uses_code_set_b_and_escapes_braces() -> None:
    assert commands.barcode_code128("A{1", height=50, module=2) == (
        b"\x1dh\x32\x1dw\x02\x1dH\x02\x1dk\x49\x06{BA{{1"
    )


def test_raster_image_sets_a_bit_for_each_black_dot_in_bands() -> None:
    image = Image.new("1", (9, 3), 1)
    image.putpixel((0, 0), 0)
    image.putpixel((8, 2), 0)
    data = commands.raster_image(image, band_rows=2)
    assert data == (
        b"\x1dv0\x00\x02\x00\x02\x00" + b"\x80\x00" + b"\x00\x00"
        b"\x1dv0\x00\x02\x00\x01\x00" + b"\x00\x80"
    )


@pytest.mark.parametrize(
    ("printer", "cause", "paper", "online", "paper_state", "reason"),
    [
        (b"\x12", b"", b"\x12", True, "ok", None),
        (b"\x12", b"", b"\x1e", True, "near_end", None),
        (b"\x1a", b"\x32", b"\x72", False, "out", "paper_out"),
        (b"\x1a", b"\x16", b"\x12", False, "ok", "cover_open"),
        (b"\x1a", b"\x12", b"\x12", False, "ok", "offline"),
        (b"", b"", b"", None, "unknown", None),
        (b"\xff", b"", b"\x00", None, "unknown", None),  # garbage is not an answer
    ],
)
def test_status_answers_are_read_bit_by_bit(
    printer: bytes,
    cause: bytes,
    paper: bytes,
    online: bool | None,
    paper_state: str,
    reason: str | None,
) -> None:
    status = combine(printer, cause, paper)
    assert (status.online, status.paper, blocking_reason(status)) == (online, paper_state, reason)


def test_an_empty_paper_answer_is_unknown_not_adequate_unlike_python_escpos() -> None:
    assert parse_paper(b"") == "unknown"
