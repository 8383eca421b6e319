"""The screens' font (ui/fonts): Noto Sans CJK SC cut to what the screens show. Built here
from the system's Noto Sans CJK as ``make fonts`` builds it; it must draw every screen text
exactly as the full font does, leave rare name characters to the full font, and keep the
screens' glyphs together at the start of the file (#22: the memory it keeps resident)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ui import fonts
from ui.fonts import build

pytestmark = [pytest.mark.gui, pytest.mark.slow]

# Screen text of both kinds: Chinese from the screens, Latin with kerning pairs (AV, To, Wa),
# digits, full-width and Chinese punctuation, symbols the screens use.
SAMPLES = (
    "请将身份证放在读卡区，办事指南、一次性告知单与排队取号",
    "AVATAR Tokyo WAVE Wa Ty 0123456789 (A007) 3 号窗口 12:45",
    "，。：；！？“”‘’（）【】《》、— …… ①②③ ✓ ✗ ℃ ㎡ ＡＢＣ１２３",
    "Self-service terminal · 自助服務終端 · 辦事指南",
)
# Common in names, outside GB 2312, so outside the cut: drawn by fallback from the full font.
RARE = "堃喆珺𠮷"


@pytest.fixture(scope="module")
def cut(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The cut font built into a folder of its own, with the shipped fontconfig file."""
    folder = tmp_path_factory.mktemp("fonts")
    build.build(folder)
    shutil.copy(fonts.HERE / fonts.CONF, folder / fonts.CONF)
    return folder


def drawn(folder: Path, cases: list[tuple[str, int, bool]]) -> dict:
    """Each case drawn in a child process whose fontconfig is set up as the terminal's."""
    env = dict(os.environ, FONTCONFIG_FILE=str(folder / fonts.CONF))
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.unit.font_draw",
            json.dumps([fonts.FAMILY, fonts.FULL_FAMILY, cases]),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    return json.loads(out.splitlines()[-1])


def test_the_cut_font_draws_screen_text_exactly_as_the_full_font(cut: Path) -> None:
    texts = (*SAMPLES, "".join(sorted(build.screen_text()))[:60])
    cases = [(text, size, bold) for text in texts for size, bold in ((28, False), (48, True))]
    result = drawn(cut, cases)
    assert result["screen_family"] == fonts.FAMILY
    for case in result["cases"]:
        # Drawn from the cut (a symbol Noto CJK lacks, like ✓, from DejaVu in both), nothing
        # from the full font.
        assert case["inked"] and fonts.FAMILY in case["faces"], case
        assert fonts.FULL_FAMILY not in case["faces"], case
        assert "Noto Sans CJK JP" not in case["default_faces"], case
        assert case["same"], case


def test_a_name_character_outside_the_cut_is_drawn_by_the_full_sc_face(cut: Path) -> None:
    from fontTools.ttLib import TTFont

    cmap = TTFont(str(cut / fonts.FILES[0])).getBestCmap()
    assert all(ord(ch) not in cmap for ch in RARE)  # really outside the cut
    cases = [(ch, 48, False) for ch in RARE] + [("张" + RARE[0] + "明", 48, True)]
    for case in drawn(cut, cases)["cases"]:
        # Not a box, and not the Japanese face that sorts first among the CJK ones.
        assert case["same"] and fonts.FULL_FAMILY in case["faces"], case
        # Nor in Qt's default font: before the cut it drew all Chinese in the Japanese face.
        assert fonts.FULL_FAMILY in case["default_faces"], case
        assert "Noto Sans CJK JP" not in case["faces"] + case["default_faces"], case


def test_the_screens_glyphs_come_first_and_lookups_stay_valid(cut: Path) -> None:
    from fontTools.ttLib import TTFont

    first, keep = build.wanted()
    assert len(first) > 500 and 7000 < len(keep) < 12000
    for name in fonts.FILES:
        font = TTFont(str(cut / name))
        assert font["name"].getDebugName(1) == fonts.FAMILY
        cmap = font.getBestCmap()
        ids = font.getReverseGlyphMap()
        screen = [ids[cmap[code]] for code in first if code in cmap]
        # The screens' characters are glyphs 1..n, most frequent first.
        assert sorted(screen) == list(range(1, len(screen) + 1))
        assert screen[:50] == list(range(1, 51))
        for tag in ("GSUB", "GPOS"):
            for lookup in font[tag].table.LookupList.Lookup:
                for sub in lookup.SubTable:
                    sub = getattr(sub, "ExtSubTable", sub)
                    coverage = getattr(sub, "Coverage", None)
                    if coverage is not None:
                        gids = [ids[g] for g in coverage.glyphs]
                        assert gids == sorted(gids), (tag, lookup.LookupType)


def test_fontconfig_is_pointed_at_the_screens_configuration_unless_it_has_its_own(
    tmp_path: Path,
) -> None:
    env: dict[str, str] = {}
    assert fonts.use_screen_fonts(tmp_path, env)
    assert env == {"FONTCONFIG_FILE": str(tmp_path / fonts.CONF)}
    assert fonts.use_screen_fonts(tmp_path, env)  # again (a restart in the same environment)
    theirs = {"FONTCONFIG_FILE": "/etc/vendor/fonts.conf"}
    assert not fonts.use_screen_fonts(tmp_path, theirs)
    assert theirs == {"FONTCONFIG_FILE": "/etc/vendor/fonts.conf"}  # a vendor's own kept


def test_without_the_cut_the_full_font_is_used_and_chinese_is_still_not_japanese(
    cut: Path, tmp_path: Path
) -> None:
    """Before `make fonts` (only fonts.conf in the folder), and with the bold weight missing
    (Qt would smear the regular one into bold): the full font, drawn in its SC forms, also
    in Qt's default font."""
    shutil.copy(fonts.HERE / fonts.CONF, tmp_path / fonts.CONF)
    cases = [("办事指南", 28, False), (RARE[0], 48, False)]
    for step in ("not built", "regular only"):
        if step == "regular only":
            shutil.copy(cut / fonts.FILES[0], tmp_path / fonts.FILES[0])
        result = drawn(tmp_path, cases)
        assert result["screen_family"] == fonts.FULL_FAMILY, step
        for case in result["cases"]:
            assert "Noto Sans CJK JP" not in case["default_faces"], (step, case)
            drawn_from = set(case["default_faces"]) & {fonts.FAMILY, fonts.FULL_FAMILY}
            expected = {fonts.FULL_FAMILY} if step == "not built" else drawn_from
            assert drawn_from and drawn_from == expected, (step, case)


def test_the_shipped_configuration_adds_its_folder_to_the_system_fonts(
    cut: Path, tmp_path: Path
) -> None:
    for name in fonts.FILES:
        shutil.copy(cut / name, tmp_path / name)
    shutil.copy(fonts.HERE / fonts.CONF, tmp_path / fonts.CONF)
    env = {"FONTCONFIG_FILE": str(tmp_path / fonts.CONF), "HOME": str(tmp_path)}
    listed = subprocess.run(
        ["fc-list", "--format", "%{family[0]}|%{style[0]}|%{file}\\n"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    ours = {line.split("|")[1] for line in listed if line.startswith(fonts.FAMILY + "|")}
    assert ours == {"Regular", "Bold"}
    assert all(str(tmp_path) in line for line in listed if line.startswith(fonts.FAMILY))
    assert any(line.startswith(fonts.FULL_FAMILY + "|") for line in listed)  # still there
