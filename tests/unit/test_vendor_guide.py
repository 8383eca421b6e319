"""install/VENDOR.md's plug-in examples are real code that keeps the contract.

The issue that led here: the guide's own reader had no ``uri`` and killed the reader thread.
The examples are taken from the guide as written, installed as a plug-in distribution and
built through the registry.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drivers.cards.base import PresenceSensingReader
from drivers.printers import commands
from drivers.printers.escpos import EscposPrinter
from drivers.registry import CARD_READERS, PRINTERS, make_card_reader, make_printer, nonconformance
from drivers.testing import fake_distribution

GUIDE = Path(__file__).resolve().parents[2] / "install" / "VENDOR.md"


def _example(header: str) -> str:
    blocks = re.findall(r"```python\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)
    (block,) = [b for b in blocks if b.startswith(header)]
    return block


@pytest.fixture
def acme(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_distribution(
        tmp_path,
        "acme-kiosk",
        "1.0.0",
        {
            "acme_kiosk": "",
            "acme_kiosk.reader": _example("# acme_kiosk/reader.py"),
            "acme_kiosk.printer": _example("# acme_kiosk/printer.py"),
        },
        {
            CARD_READERS: {"acme": "acme_kiosk.reader:make_reader"},
            PRINTERS: {"acmeprint": "acme_kiosk.printer:make_printer"},
        },
    )
    monkeypatch.syspath_prepend(str(tmp_path))


def test_the_guide_reader_conforms_and_senses_presence(acme):
    reader = make_card_reader("acme:/dev/kiosk-idreader?baud=115200")
    assert nonconformance(CARD_READERS, reader) == ""
    assert reader.uri == "acme:/dev/kiosk-idreader?baud=115200"
    assert isinstance(reader, PresenceSensingReader)  # each card once, by card_present()


def test_the_guide_printer_is_the_escpos_driver_with_its_hooks(acme):
    printer = make_printer("acmeprint:/dev/ttyUSB1")
    assert isinstance(printer, EscposPrinter)
    assert printer.job_prefix.startswith(b"\x1b\x40")
    assert commands.STATUS_PAPER in printer.status_commands
