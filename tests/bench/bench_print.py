"""Benchmark: a typical receipt from layout to bytes, and from bytes to a PNG (one JSON line).

Text mode must stay well under 20 ms per receipt to produce the bytes: the submit screen
waits for the job to be queued, not printed, but a slow renderer delays every reprint too.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from drivers.printers.glyphs import GlyphPainter  # noqa: E402
from drivers.printers.sim.emulator import EscposEmulator  # noqa: E402
from kiosk.printing.escpos_render import Renderer  # noqa: E402
from kiosk.printing.profiles import get_profile  # noqa: E402
from tests.bench.timing import fastest_ms, verdict  # noqa: E402
from tests.sample_slips import sample_receipt  # noqa: E402

ROUNDS = 30


def _ms(fn: Callable[[], object], rounds: int = ROUNDS) -> float:
    return fastest_ms(fn, rounds)


def main() -> int:
    """Print one JSON line with the timings and byte counts."""
    document = sample_receipt(datetime(2024, 5, 6, 9, 30))
    painter = GlyphPainter()
    text = Renderer(get_profile("80mm-gb18030"), painter)
    raster = Renderer(get_profile("80mm-raster"), painter)
    text_bytes, raster_bytes = text.render(document), raster.render(document)

    def to_png(data: bytes) -> None:
        emulator = EscposEmulator(576, painter=painter)
        emulator.feed(data)
        emulator.end_of_stream()
        picture = emulator.jobs[0].picture
        assert picture is not None
        picture.save(io.BytesIO(), format="PNG")

    result = {
        "bench": "print",
        "receipt": "80mm",
        "text_ms_layout_to_bytes": _ms(lambda: text.render(document)),
        "text_bytes": len(text_bytes),
        "text_ms_bytes_to_png": _ms(lambda: to_png(text_bytes), 10),
        "raster_ms_layout_to_bytes": _ms(lambda: raster.render(document), 10),
        "raster_bytes": len(raster_bytes),
        "raster_ms_bytes_to_png": _ms(lambda: to_png(raster_bytes), 10),
        "text_target_ms": 20,
        # 10 bits per byte on a serial line: why raster mode wants USB, TCP or 115200 baud.
        "raster_s_at_9600_baud": round(len(raster_bytes) * 10 / 9600, 1),
        "text_s_at_9600_baud": round(len(text_bytes) * 10 / 9600, 2),
    }
    result |= verdict(result, {"text_ms_layout_to_bytes": 20})
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
