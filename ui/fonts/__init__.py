"""The screens' font: Noto Sans CJK SC cut to what the screens show (built by
:mod:`ui.fonts.build`).

fontconfig is told about it before Qt starts (:func:`use_cut_font`), through this folder's
``fonts.conf``: the system's configuration, this folder, and the full Noto Sans CJK SC named
as the cut's fallback. Through fontconfig rather than as a Qt application font, text drawn in
Qt's default font finds the cut too (as Chinese "sans-serif"), so the full files stay unread
unless a character outside the cut is shown; and the fallback is the Simplified Chinese face,
not the Japanese one that fontconfig would otherwise sort first.

A checkout where ``make fonts`` has not run, or an environment with a ``FONTCONFIG_FILE`` of
its own, keeps the full Noto Sans CJK SC: the screens look the same, they only keep more of
the font in memory.
"""

from __future__ import annotations

import logging
import os
from collections.abc import MutableMapping
from pathlib import Path

HERE = Path(__file__).resolve().parent
FAMILY = "Kiosk Sans SC"
FULL_FAMILY = "Noto Sans CJK SC"
FILES = ("KioskSansSC-Regular.otf", "KioskSansSC-Bold.otf")
CONF = "fonts.conf"

log = logging.getLogger(__name__)


def use_cut_font(folder: Path = HERE, environ: MutableMapping[str, str] = os.environ) -> bool:
    """Before the QGuiApplication is made: point fontconfig at ``folder``'s configuration
    when both weights were built (with the bold one missing, Qt would smear the regular one
    into bold). True when it did (or it already pointed there)."""
    conf = folder / CONF
    if not all((folder / name).is_file() for name in FILES):
        return False
    current = environ.get("FONTCONFIG_FILE")
    if current and Path(current) != conf:
        return False  # the environment's own fontconfig: left as it is
    environ["FONTCONFIG_FILE"] = str(conf)
    return True


def screen_family() -> str:
    """With the QGuiApplication up: the family the screens use, the cut font's when Qt
    has it."""
    from PySide6.QtGui import QFontDatabase

    if QFontDatabase.hasFamily(FAMILY):
        return FAMILY
    log.info("the screens' cut font is not in use (make fonts): %s", FULL_FAMILY)
    return FULL_FAMILY
