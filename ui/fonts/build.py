"""Build the screens' font: Noto Sans CJK SC cut down to the characters a hall's screens show.

``python -m ui.fonts.build`` (``make fonts``; the installer runs it too) writes
``KioskSansSC-Regular.otf`` and ``KioskSansSC-Bold.otf`` beside this file from the system's
Noto Sans CJK (Debian's ``fonts-noto-cjk``).

Why: Noto Sans CJK holds 65,535 glyphs of every CJK language in one 19 MB file per weight.
The glyphs of the characters on screen lie scattered over it, and each brings the pages
around it into memory (64 KB and more), so the terminal's home screen alone kept about 13 MB
of the two files resident (issue #22); the cut keeps under 2 MB. The cut font
keeps what a Simplified Chinese hall shows:

- every character of the screens' own text, in all three languages (the QML sources and the
  ``.ts`` translations), ordered by how often it appears and placed first in the file, so the
  screens' glyphs lie together in a few hundred KB;
- then all of GB 2312 (6,763 hanzi and its symbols), Latin, punctuation, CJK symbols and
  full-width forms, for the catalog and what citizens type, in the source font's order.

Nothing else is lost: a character outside the cut (a name character such as 堃 or 珺 is not
in GB 2312) is drawn by Qt's font fallback from the full Noto Sans CJK SC, which stays
installed and which ``fonts.conf`` names as the cut's fallback (tests/unit/test_screen_font.py).
The outlines, metrics and layout tables are the source's, so text lays out exactly as before.
Noto CJK is under the SIL Open Font License 1.1; the cut carries its own family name (the
license reserves "Source"), and the license's notice stays in the font's name table.
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.documents.fonts import document_chars
from ui.fonts import FAMILY, FILES, FULL_FAMILY, HERE, WEIGHTS

if TYPE_CHECKING:
    from fontTools.ttLib import TTCollection, TTFont

UI_DIR = HERE.parent
# Where Debian's fonts-noto-cjk puts them, when fontconfig cannot be asked.
DEBIAN_DIR = Path("/usr/share/fonts/opentype/noto")

# Blocks kept whole (as far as the source covers them), besides GB 2312.
BLOCKS = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x017F),  # Latin-1, Latin Extended-A (names in pinyin with tones: ǚ is not here)
    (0x01CD, 0x01DC),  # pinyin tone letters ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ
    (0x02C7, 0x02D9),  # tone marks
    (0x0391, 0x03C9),  # Greek
    (0x0401, 0x0451),  # Cyrillic (in GB 2312)
    (0x2000, 0x206F),  # General Punctuation
    (0x2100, 0x22FF),  # letterlike, number forms, arrows, maths
    (0x2460, 0x27BF),  # enclosed numbers, boxes, shapes, dingbats (✓ ✗ ①)
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3200, 0x33FF),  # enclosed CJK, CJK compatibility (㎡)
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # full-width forms
)


def font_path(weight: str) -> Path:
    """The installed Noto Sans CJK file of ``weight`` (a .ttc holding the SC face)."""
    fc_match = shutil.which("fc-match")
    if fc_match:
        found = subprocess.run(
            [fc_match, "--format=%{file}", f"{FULL_FAMILY}:style={weight}"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        if found and "NotoSansCJK" in Path(found).name:
            return Path(found)
    path = DEBIAN_DIR / f"NotoSansCJK-{weight}.ttc"
    if not path.exists():
        raise SystemExit(f"{FULL_FAMILY} {weight} not found: install fonts-noto-cjk")
    return path


def screen_text() -> collections.Counter[str]:
    """How often each character appears in the screens' text (sources and translations)."""
    counts: collections.Counter[str] = collections.Counter()
    files = [*sorted((UI_DIR / "qml").rglob("*.qml")), *sorted((UI_DIR / "i18n").glob("*.ts"))]
    for path in files:
        counts.update(ch for ch in path.read_text(encoding="utf-8") if ord(ch) >= 0x80)
    return counts


def wanted() -> tuple[list[int], set[int]]:
    """The screens' characters, most frequent first, and the whole set to keep."""
    counts = screen_text()
    first = [ord(ch) for ch, _ in counts.most_common()]
    keep = {ord(ch) for ch in document_chars()} | set(first)  # ASCII and GB 2312
    for low, high in BLOCKS:
        keep.update(range(low, high + 1))
    return first, keep


def _sc_face(collection: TTCollection) -> TTFont:
    for font in collection.fonts:
        if font["name"].getDebugName(1) == FULL_FAMILY:
            return font
    raise SystemExit(f"no {FULL_FAMILY} face in the collection")


def _rename(font: TTFont, weight: str, postscript: str) -> None:
    name = font["name"]
    full = FAMILY if weight == "Regular" else f"{FAMILY} {weight}"
    new = {1: FAMILY, 3: f"{postscript};cut from {FULL_FAMILY}", 4: full, 6: postscript}
    new |= {16: FAMILY, 17: weight}
    for record in name.names:
        if record.nameID in new:
            record.string = new[record.nameID]
    cff = font["CFF "].cff
    cff.fontNames = [postscript]
    top = cff.topDictIndex[0]
    for key, value in (("FullName", full), ("FamilyName", FAMILY)):
        if hasattr(top, key):
            setattr(top, key, value)


def _screens_first(font: TTFont, first: list[int]) -> None:
    """Reorder the glyphs: the screens' characters first, in ``first``'s order."""
    order = font.getGlyphOrder()
    cmap = font.getBestCmap()
    head = [order[0]]  # .notdef stays glyph 0
    seen = set(head)
    for code in first:
        glyph = cmap.get(code)
        if glyph is not None and glyph not in seen:
            head.append(glyph)
            seen.add(glyph)
    new = head + [g for g in order if g not in seen]
    top = font["CFF "].cff.topDictIndex[0]
    if hasattr(top, "FDSelect"):
        top.FDSelect.gidArray = [top.CharStrings.getItemAndSelector(g)[1] for g in new]
    top.charset = new
    font.setGlyphOrder(new)


def _sort_coverages(font: TTFont) -> None:
    """Coverage tables must list glyphs in glyph-ID order (readers search them), and the
    reorder broke that in the positioning lookups. Each is sorted again, with the values that
    run parallel to it. Noto CJK has only the kinds below; any other stops the build."""

    ids = font.getReverseGlyphMap()
    for tag in ("GSUB", "GPOS"):
        if tag not in font:
            continue
        for lookup in font[tag].table.LookupList.Lookup:
            for sub in lookup.SubTable:
                sub = getattr(sub, "ExtSubTable", sub)
                coverage = getattr(sub, "Coverage", None)
                if coverage is None:
                    continue
                gids = [ids[g] for g in coverage.glyphs]
                if gids == sorted(gids):
                    continue
                order = sorted(range(len(gids)), key=gids.__getitem__)
                coverage.glyphs = [coverage.glyphs[i] for i in order]
                kind = (type(sub).__name__, sub.Format)
                if kind == ("SinglePos", 2):
                    sub.Value = [sub.Value[i] for i in order]
                elif kind not in (("SinglePos", 1), ("PairPos", 2)):  # one value; classes
                    raise SystemExit(f"{tag} {kind}: cannot reorder its coverage")


def _settle(path: Path) -> None:
    """Put the new file on disk and drop it from the page cache. Written in one go, its
    pages sit in the cache in large folios, and a mapping faults a whole folio in: on Linux
    6.18 Qt then kept 2.7 MB of the file resident for a single glyph drawn, against 0.5 MB
    for the same file read back from disk in read-ahead's units (measured; #22)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
        if hasattr(os, "posix_fadvise"):
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def build(out_dir: Path = HERE) -> list[Path]:
    """Write the cut font of each weight into ``out_dir``; returns the files."""
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    first, keep = wanted()
    written = []
    for weight, file_name in zip(WEIGHTS, FILES, strict=True):
        font = _sc_face(TTCollection(str(font_path(weight))))
        options = subset.Options()
        options.layout_features = ["*"]  # kerning, vertical and full-width forms, as before
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.notdef_outline = True
        options.hinting = True
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=keep)
        subsetter.subset(font)
        font.ensureDecompiled()  # read against the old order, before the reorder
        _screens_first(font, first)
        _sort_coverages(font)
        _rename(font, weight, Path(file_name).stem)
        target = out_dir / file_name
        partial = target.with_suffix(".otf.part")
        font.save(str(partial))
        _settle(partial)
        partial.replace(target)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="folder for the .otf files")
    args = parser.parse_args(argv)
    start = time.monotonic()
    written = build(args.out)
    sizes = ", ".join(f"{p.name} {p.stat().st_size / 2**20:.1f} MB" for p in written)
    print(f"screens' font: {sizes} in {time.monotonic() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
