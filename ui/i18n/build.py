"""Build and refresh translations.

``python -m ui.i18n.build``            compile every ``kiosk_*.ts`` here into ``.qm`` (make i18n)
``python -m ui.i18n.build --update``   refresh the ``.ts`` files from the QML sources (lupdate),
                                       keeping existing translations; then translate what is new

English is translated by people in ``kiosk_en_US.ts``. Traditional Chinese is converted from
the Simplified source with OpenCC (``s2twp``: Taiwan characters and phrasing) for every entry
not yet translated; a reviewer may then edit any entry by hand and the edit is kept.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
QML_DIR = HERE.parent / "qml"
LOCALES = ("en_US", "zh_TW")


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / f"pyside6-{name}"
    if exe.exists():
        return str(exe)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials")
    return found


def qml_sources() -> list[str]:
    """Every QML file whose strings are translated."""
    return sorted(str(p) for p in QML_DIR.rglob("*.qml"))


def update_ts(ts_file: Path, locale: str) -> None:
    """Run lupdate for one locale into ``ts_file`` (kept translations stay)."""
    subprocess.run(
        [
            _tool("lupdate"),
            *qml_sources(),
            "-source-language",
            "zh_CN",
            "-target-language",
            locale,
            "-no-obsolete",
            "-locations",
            "none",
            "-ts",
            str(ts_file),
        ],
        check=True,
        capture_output=True,
    )


# OpenCC's Taiwan phrasing reads some hall words as computer words: 窗口 (a service window,
# 服務窗口 in Taiwan too) became 視窗 (a window on a screen) and 免提交 (nothing to hand in)
# 擴音交 (a loudspeaker). They are put back after the conversion.
HALL_WORDS = {"視窗": "窗口", "擴音": "免提"}


def to_traditional(converter: Any, text: str) -> str:
    """``text`` in Traditional Chinese with Taiwan phrasing, hall words kept."""
    converted = converter.convert(text)
    for computer_word, hall_word in HALL_WORDS.items():
        converted = converted.replace(computer_word, hall_word)
    return converted


def convert_traditional(ts_file: Path) -> int:
    """Fill untranslated entries of a zh_TW file from the Simplified source; returns how many."""
    import xml.etree.ElementTree as ET

    import opencc

    converter = opencc.OpenCC("s2twp")
    tree = ET.parse(ts_file)
    filled = 0
    for message in tree.iter("message"):
        translation = message.find("translation")
        if translation is None:
            continue
        if translation.text and translation.get("type") != "unfinished":
            continue
        translation.text = to_traditional(converter, message.findtext("source") or "")
        translation.attrib.pop("type", None)
        filled += 1
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    return filled


def release(ts_file: Path) -> Path:
    """Compile one ``.ts`` file into ``.qm`` beside it."""
    qm = ts_file.with_suffix(".qm")
    subprocess.run([_tool("lrelease"), "-silent", str(ts_file), "-qm", str(qm)], check=True)
    return qm


def main(argv: list[str] | None = None) -> int:
    """Entry point for the Makefile."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--update", action="store_true", help="refresh .ts from the QML")
    args = parser.parse_args(argv)
    for locale in LOCALES:
        ts = HERE / f"kiosk_{locale}.ts"
        if args.update:
            update_ts(ts, locale)
            if locale == "zh_TW":
                convert_traditional(ts)
        release(ts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
