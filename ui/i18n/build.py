"""Build and refresh translations.

``python -m ui.i18n.build``            compile every ``kiosk_*.ts`` here into ``.qm`` (make i18n)
``python -m ui.i18n.build --update``   refresh the ``.ts`` files from the QML sources (lupdate),
                                       keeping existing translations; then translate what is new
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
QML_DIR = HERE.parent / "qml"
LOCALES = ("en_US",)


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
        release(ts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
