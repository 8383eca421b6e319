"""Imports PySide6 and makes its import hook cheaper; imported first by :mod:`ui.main`.

Once PySide6 is loaded, shiboken wraps ``__import__``: for every Python module imported
afterwards it asks whether the module's source mentions "PySide6" (to know which modules may
switch ``__feature__`` options), and it asks through :func:`inspect.getsource`. That keeps the
whole text of every such module in :mod:`linecache` for the life of the process: measured on
the terminal, about 28 MiB of 80 MiB of Python memory once the core was up, and about 100 ms
of reading and splitting lines, a third of it before the first frame.

:func:`lighten_feature_hook` gives shiboken the same answer from the file's bytes, read once
and dropped. A module without a readable ``.py`` file is asked the original way.

Being first, it also tells pydantic that the terminal uses no pydantic plug-ins
(``PYDANTIC_DISABLE_PLUGINS``, unless set): otherwise the first model built (the settings,
before the window) reads the entry points of every installed distribution, 15–20 ms.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (loads shiboken and its import hook)

log = logging.getLogger(__name__)

_MARK = b"PySide6"


def lighten_feature_hook() -> bool:
    """Replace shiboken's source check by a byte search; False if this PySide6 has none."""
    try:
        import shibokensupport.feature as feature
    except ImportError:
        return False
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "_kiosk_light", False):
        return original is not None
    feature._mod_uses_pyside = _light_check(original)
    return True


def _light_check(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return _MARK in source.read()
        except OSError:
            return original(module)

    uses_pyside._kiosk_light = True  # type: ignore[attr-defined]
    return uses_pyside


lighten_feature_hook()
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
