"""The screens' fonts: Noto Sans CJK SC cut to what the screens show (built by
:mod:`ui.fonts.build`), and the Simplified Chinese faces before the Japanese one.

:func:`use_screen_fonts` points fontconfig at this folder's ``fonts.conf`` before Qt starts:
the system's configuration, this folder, the full Noto Sans CJK SC as the cut's fallback,
and both SC faces named for ``sans-serif``. The last two rules hold with or without the cut:
without them, Chinese in Qt's default font and characters outside the cut came from Noto
Sans CJK JP, which fontconfig sorts first among the CJK faces and whose forms differ.

Through fontconfig rather than as a Qt application font, text in Qt's default font finds the
cut too, so the full files stay unread unless a character outside the cut is shown.

A checkout where ``make fonts`` has not run keeps the full Noto Sans CJK SC
(:func:`screen_family`): the screens look the same, they only keep more of the font in
memory. An environment with a ``FONTCONFIG_FILE`` of its own is left as it is.
"""

from __future__ import annotations

import logging
import os
from collections.abc import MutableMapping
from pathlib import Path

HERE = Path(__file__).resolve().parent
FAMILY = "Kiosk Sans SC"
FULL_FAMILY = "Noto Sans CJK SC"
WEIGHTS = ("Regular", "Bold")
FILES = tuple(f"KioskSansSC-{weight}.otf" for weight in WEIGHTS)
CONF = "fonts.conf"

log = logging.getLogger(__name__)


def use_screen_fonts(folder: Path = HERE, environ: MutableMapping[str, str] = os.environ) -> bool:
    """Before the QGuiApplication is made: point fontconfig at ``folder``'s configuration.
    False when the environment has a ``FONTCONFIG_FILE`` of its own (left as it is)."""
    conf = folder / CONF
    current = environ.get("FONTCONFIG_FILE")
    if current and Path(current) != conf:
        return False
    environ["FONTCONFIG_FILE"] = str(conf)
    return True


def screen_family() -> str:
    """With the QGuiApplication up: the family the screens use. The cut font's when Qt has
    both its weights (with the bold one missing, Qt would smear the regular one into bold),
    else the full font's."""
    from PySide6.QtGui import QFontDatabase

    if {"Regular", "Bold"} <= set(QFontDatabase.styles(FAMILY)):
        return FAMILY
    log.info("the screens' cut font is not in use (make fonts): %s", FULL_FAMILY)
    return FULL_FAMILY
