"""Golden bytes of every layout at 58 and 80 mm (see golden/README.md to update them)."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from drivers.printers.sim.emulator import EscposEmulator
from kiosk.printing.escpos_render import Renderer
from kiosk.printing.profiles import get_profile
from tests.sample_slips import sample_documents

GOLDEN = Path(__file__).parent / "golden"
NOW = datetime(2024, 5, 6, 9, 30)
UPDATE = os.environ.get("KIOSK_UPDATE_GOLDEN") == "1"
CASES = [(name, mm) for mm in (58, 80) for name in sample_documents(NOW, mm)]


def _readable(data: bytes, width_dots: int) -> str:
    emulator = EscposEmulator(width_dots)
    emulator.feed(data)
    emulator.end_of_stream()
    job = emulator.jobs[0]
    parts = [*job.lines, *(f"[QR] {q}" for q in job.qr_codes)]
    parts += [f"[BARCODE] {b}" for b in job.barcodes]
    return "\n".join(parts) + "\n"


@pytest.mark.parametrize(("name", "paper_mm"), CASES)
def test_layout_renders_exactly_the_golden_bytes(name: str, paper_mm: int) -> None:
    profile = get_profile(f"{paper_mm}mm-gb18030")
    data = Renderer(profile).render(sample_documents(NOW, paper_mm)[name])
    golden = GOLDEN / f"{name}-{paper_mm}mm.bin"
    if UPDATE:
        golden.write_bytes(data)
        golden.with_suffix(".txt").write_text(_readable(data, profile.width_dots), encoding="utf-8")
        pytest.fail(f"golden {golden.name} rewritten: review the diff, then run without update")
    assert golden.is_file(), f"missing {golden.name}; see tests/drivers/golden/README.md"
    expected = golden.read_bytes()
    if data != expected:
        first = next(i for i, (a, b) in enumerate(zip(data, expected, strict=False)) if a != b)
        pytest.fail(
            f"{golden.name}: bytes differ from offset {first} "
            f"(got {data[first : first + 24]!r}, golden {expected[first : first + 24]!r}); "
            "if the change is intended, follow tests/drivers/golden/README.md"
        )


@pytest.mark.parametrize(("name", "paper_mm"), CASES)
def test_golden_text_matches_what_the_emulator_reads_from_it(name: str, paper_mm: int) -> None:
    golden = GOLDEN / f"{name}-{paper_mm}mm.bin"
    width = get_profile(f"{paper_mm}mm-gb18030").width_dots
    text = golden.with_suffix(".txt").read_text(encoding="utf-8")
    assert _readable(golden.read_bytes(), width) == text
