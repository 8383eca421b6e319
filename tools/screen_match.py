"""Does a captured screen show the terminal's home page? A tolerant picture comparison.

    python tools/screen_match.py SHOT.png REFERENCE.png     (exit 0 when it matches)

Used by tools/boot_check.py on the virtual machine's screen, against the home page the
terminal renders offscreen (``kiosk --screenshots DIR --only home-landscape``). The two are
never identical: the clock differs, the booted terminal is not in demo mode, its devices
and network state differ, the fonts may hint a pixel apart. So the pictures are compared by
regions, not pixels:

- **blank**: one colour fills (nearly) the whole screen — black, or any other flat colour;
- **status bar**: the band at the top is the status bar's colour (``Theme.primaryDark``);
- **regions**: both pictures are cut into a grid of cells; a cell matches when its
  dominant colour (the most common colour, coarsely binned, then averaged exactly) and its
  mean colour are close in both. Small shifts and noise move neither much; another page
  puts other colours in many cells.

Only Pillow is used (a dependency of the terminal anyway).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageFilter, ImageStat

# ui/qml/components/Theme.qml: statusBarHeight (default mode) and primaryDark.
STATUS_BAR_HEIGHT = 88
STATUS_BAR_COLOUR = (0x08, 0x3A, 0x73)

CELL = 60  # px; 32 x 18 cells on a 1920 x 1080 screen
BIN_SHIFT = 5  # blank test: 8 levels per channel
DOMINANT_SHIFT = 3  # dominant colour bins: 32 levels per channel, 8 wide
DOMINANT_TOLERANCE = 14  # per channel, 0-255: the next bin, not the one after
MAJOR_SHARE = 0.25  # a colour bin covering this share of a cell is one of its major colours
MEAN_TOLERANCE = 18.0  # Euclidean distance of the cells' mean colours

# A pass: at least this share of cells match, and the status bar band is mostly its colour.
REGIONS_NEEDED = 0.90
STATUS_BAR_NEEDED = 0.60
BLANK_SHARE = 0.97  # one colour covering this share of the screen makes it blank


Colour = tuple[float, float, float]


@dataclass(frozen=True)
class Verdict:
    """What was seen in a captured screen, compared with a reference picture."""

    blank: bool
    status_bar: float  # share of the status bar band in the status bar's colour
    regions: float  # share of grid cells that match the reference
    cells: int

    @property
    def matches(self) -> bool:
        return (
            not self.blank
            and self.status_bar >= STATUS_BAR_NEEDED
            and self.regions >= REGIONS_NEEDED
        )

    def summary(self) -> str:
        if self.blank:
            return "blank screen (one colour)"
        return (
            f"status bar colour over {self.status_bar:.0%} of its band, "
            f"{self.regions:.0%} of {self.cells} regions match"
        )


def _rgb(image: Image.Image) -> Image.Image:
    return image if image.mode == "RGB" else image.convert("RGB")


def is_blank(image: Image.Image) -> bool:
    """One colour (give or take a little noise) covers nearly the whole picture."""
    small = _rgb(image).resize((192, 108), Image.Resampling.BOX)
    binned = small.point(lambda v: v >> BIN_SHIFT)
    colours = binned.getcolors(192 * 108) or []
    top = max(count for count, _ in colours)
    return top >= BLANK_SHARE * 192 * 108


def status_bar_share(image: Image.Image, colour: Colour = STATUS_BAR_COLOUR) -> float:
    """Share of the status bar band (its height, inset a little) within 16 of its colour.

    The band is taken at the reference geometry (1920 px wide); other sizes are scaled."""
    image = _rgb(image)
    scale = image.width / 1920
    top, bottom = round(8 * scale), round((STATUS_BAR_HEIGHT - 8) * scale)
    band = image.crop((0, top, image.width, max(bottom, top + 1)))
    masks = [
        channel.point(lambda v, c=c: 255 if abs(v - c) <= 16 else 0)
        for channel, c in zip(band.split(), colour, strict=True)
    ]
    both = Image.new("L", band.size, 0)
    both.paste(masks[0], mask=masks[1])
    inside = Image.new("L", band.size, 0)
    inside.paste(both, mask=masks[2])
    return ImageStat.Stat(inside).mean[0] / 255


@dataclass(frozen=True)
class Cell:
    """One region of the picture: its major colours (the most common first) and its mean."""

    major: tuple[Colour, ...]
    mean: Colour

    def matches(self, other: Cell) -> bool:
        """Same mean colour, and the dominant colour of one is a major colour of the other
        (a cell split about evenly between two colours may name either as dominant)."""
        if not _near(self.mean, other.mean, MEAN_TOLERANCE):
            return False
        return any(_close(self.major[0], c, DOMINANT_TOLERANCE) for c in other.major) or any(
            _close(other.major[0], c, DOMINANT_TOLERANCE) for c in self.major
        )


def features(image: Image.Image) -> list[Cell]:
    """Every cell of the grid, row by row.

    The picture is first halved (averaging 2 x 2 pixels) and, for the colour bins,
    median-filtered, which evens out noise. A cell's major colours are the centres of the
    colour bins that cover at least MAJOR_SHARE of it (bins 8 wide: the page background and
    a white tile must differ)."""
    image = _rgb(image)
    half = image.resize((960, 540), Image.Resampling.BOX)
    step = CELL // 2
    columns, rows = 960 // step, 540 // step
    means = half.resize((columns, rows), Image.Resampling.BOX)
    binned = half.filter(ImageFilter.MedianFilter(3)).point(lambda v: v >> DOMINANT_SHIFT)
    centre = (1 << DOMINANT_SHIFT) // 2
    cells: list[Cell] = []
    for row in range(rows):
        for column in range(columns):
            x, y = column * step, row * step
            colours = binned.crop((x, y, x + step, y + step)).getcolors(step * step) or []
            colours.sort(key=lambda item: item[0], reverse=True)
            major = tuple(
                _colour(tuple((int(b) << DOMINANT_SHIFT) + centre for b in _colour(rgb)))
                for i, (count, rgb) in enumerate(colours)
                if i == 0 or count >= MAJOR_SHARE * step * step
            )
            cells.append(Cell(major, _colour(means.getpixel((column, row)))))
    return cells


def _colour(value: object) -> Colour:
    """A pixel value of an RGB picture as a colour."""
    assert isinstance(value, tuple) and len(value) >= 3
    return (float(value[0]), float(value[1]), float(value[2]))


def _close(a: Colour, b: Colour, tolerance: float) -> bool:
    return max(abs(p - q) for p, q in zip(a, b, strict=True)) <= tolerance


def _near(a: Colour, b: Colour, tolerance: float) -> bool:
    return sum((p - q) ** 2 for p, q in zip(a, b, strict=True)) ** 0.5 <= tolerance


def region_share(shot: Image.Image, reference: Image.Image) -> float:
    """Share of grid cells of ``shot`` that match the reference's cell at the same place."""
    seen, wanted = features(shot), features(reference)
    same = sum(1 for a, b in zip(seen, wanted, strict=True) if a.matches(b))
    return same / len(wanted)


def compare(shot: Image.Image, reference: Image.Image) -> Verdict:
    """How far ``shot`` shows the page of ``reference``."""
    cells = (1920 // CELL) * (1080 // CELL)
    if is_blank(shot):
        return Verdict(blank=True, status_bar=0.0, regions=0.0, cells=cells)
    return Verdict(
        blank=False,
        status_bar=status_bar_share(shot),
        regions=region_share(shot, reference),
        cells=cells,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("shot", type=Path)
    parser.add_argument("reference", type=Path)
    args = parser.parse_args(argv)
    with Image.open(args.shot) as shot, Image.open(args.reference) as reference:
        verdict = compare(shot, reference)
    print(f"{'matches' if verdict.matches else 'does NOT match'}: {verdict.summary()}")
    return 0 if verdict.matches else 1


if __name__ == "__main__":
    sys.exit(main())
