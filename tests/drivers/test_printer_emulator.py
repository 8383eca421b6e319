"""Bytes → emulator → text lines and PNG: what a printer would make of what we send."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from drivers.printers import commands
from drivers.printers.sim.emulator import EscposEmulator
from kiosk.printing.escpos_render import Renderer
from kiosk.printing.flow import Line, flow
from kiosk.printing.profiles import get_profile
from tests.sample_slips import sample_documents, sample_receipt

NOW = datetime(2024, 5, 6, 9, 30)
LAYOUTS = [(name, mm) for mm in (58, 80) for name in sample_documents(NOW, mm)]


def _print(data: bytes, width_dots: int, out: Path | None = None) -> EscposEmulator:
    emulator = EscposEmulator(width_dots, out)
    emulator.feed(data)
    emulator.end_of_stream()
    return emulator


def _decode(path_or_image: Path | Image.Image) -> list[tuple[str, str]]:
    image = Image.open(path_or_image) if isinstance(path_or_image, Path) else path_or_image
    return [(r.format.name, r.text) for r in zxingcpp.read_barcodes(image)]


@pytest.mark.parametrize(("name", "paper_mm"), LAYOUTS)
def test_every_line_comes_back_from_the_printer_as_laid_out(name: str, paper_mm: int) -> None:
    profile = get_profile(f"{paper_mm}mm-gb18030")
    document = sample_documents(NOW, paper_mm)[name]
    emulator = _print(Renderer(profile).render(document), profile.width_dots)
    job = emulator.jobs[0]
    expected = [op.text.rstrip() for op in flow(document, profile) if isinstance(op, Line)]
    # Equal line lists also prove no line was too wide: the printer would have wrapped it.
    assert job.lines == expected
    assert job.complete and job.unknown_commands == []


def test_a_printer_without_chinese_mode_would_print_garbage() -> None:
    emulator = _print("办事\n".encode("gb18030"), 576)
    assert emulator.jobs[0].lines != ["办事"]


def test_a_job_is_written_as_a_png_and_its_qr_code_decodes_to_the_progress_url(
    tmp_path: Path,
) -> None:
    profile = get_profile("58mm-gb18030")
    emulator = _print(Renderer(profile).render(sample_receipt(NOW)), 384, tmp_path)
    job = emulator.jobs[0]
    assert job.png is not None and job.png == emulator.latest_png and job.png.is_file()
    decoded = _decode(job.png)
    assert ("QRCode", "https://zwfw.example.gov.cn/progress?no=R20240506-T01-0007") in decoded
    assert any(fmt == "Code128" and text == "R20240506-T01-0007" for fmt, text in decoded)
    assert Image.open(job.png).width == 384 + 16  # paper plus the preview's grey edge


@pytest.mark.parametrize("paper_mm", [58, 80])
def test_raster_mode_prints_one_picture_whose_qr_code_decodes(paper_mm: int) -> None:
    profile = get_profile(f"{paper_mm}mm-raster")
    data = Renderer(profile).render(sample_receipt(NOW))
    assert b"\x1c&" not in data and b"\x1d(k" not in data  # no printer font, no native QR
    job = _print(data, profile.width_dots).jobs[0]
    assert job.lines == [] and job.images >= 1 and job.complete
    assert job.picture is not None
    assert ("QRCode", "https://zwfw.example.gov.cn/progress?no=R20240506-T01-0007") in _decode(
        job.picture
    )


def test_raster_mode_draws_chinese_text_as_ink() -> None:
    profile = get_profile("58mm-raster")
    job = _print(Renderer(profile).render(sample_receipt(NOW)), 384).jobs[0]
    assert job.picture is not None
    title_band = job.picture.crop((8, 8, 392, 60)).convert("L")
    histogram = title_band.histogram()
    assert sum(histogram[:64]) > 500  # the hall's name in double size is a lot of black dots


def test_a_command_split_across_two_writes_is_understood() -> None:
    data = commands.INIT + commands.text_line("分两次发送", "gb18030") + commands.cut()
    emulator = EscposEmulator(384)
    for i in range(len(data)):
        emulator.feed(data[i : i + 1])
    assert emulator.jobs[0].lines == ["分两次发送"]


def test_garbled_bytes_do_not_crash_the_emulator() -> None:
    emulator = EscposEmulator(384)
    emulator.feed(bytes(range(256)) * 4 + commands.cut())
    assert emulator.jobs and emulator.jobs[0].cut


def test_near_end_still_prints_but_out_of_paper_drops_the_lines() -> None:
    emulator = EscposEmulator(384)
    emulator.set(paper="near_end")
    emulator.feed(commands.text_line("one", "gbk") + commands.cut())
    emulator.set(paper="out")
    emulator.feed(commands.text_line("two", "gbk") + commands.cut())
    first, second = emulator.jobs
    assert first.complete and first.lines == ["one"]
    assert not second.complete and second.lines == [] and second.dropped == 1
