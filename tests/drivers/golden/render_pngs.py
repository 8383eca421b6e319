"""Render every golden .bin through the emulator to PNGs for review: render_pngs.py OUT_DIR."""

from __future__ import annotations

import sys
from pathlib import Path

from drivers.printers.sim.emulator import EscposEmulator

HERE = Path(__file__).parent


def main() -> int:
    """Write one PNG per golden file into the folder given as the first argument."""
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "golden-pngs")
    out.mkdir(parents=True, exist_ok=True)
    for golden in sorted(HERE.glob("*.bin")):
        width = 384 if "-58mm" in golden.name else 576
        emulator = EscposEmulator(width)
        emulator.feed(golden.read_bytes())
        emulator.end_of_stream()
        picture = emulator.jobs[0].picture
        assert picture is not None
        target = out / golden.with_suffix(".png").name
        picture.save(target)
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
