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
before the window) reads the entry points of every installed distribution, 15–20 ms. With
plug-ins off, pydantic still imports its plug-in loader, and that module imports
:mod:`importlib.metadata` (with :mod:`email` and :mod:`zipfile`), another ~24 ms before the
window: :func:`skip_plugin_loader` stands in for the loader for as long as plug-ins stay off.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import Any

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


# pydantic's own spellings of "no plug-ins at all" (pydantic/plugin/_loader.py).
_PLUGINS_OFF = ("__all__", "1", "true")
_LOADER = "pydantic.plugin._loader"


def skip_plugin_loader() -> bool:
    """While ``PYDANTIC_DISABLE_PLUGINS`` turns every plug-in off, answer pydantic's one
    question to its loader (``get_plugins()``: none) without importing the loader. If the
    variable changes later, the real loader is imported and asked. False if not installed
    (plug-ins on, or the loader already imported)."""
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in _PLUGINS_OFF or _LOADER in sys.modules:
        return False
    stand_in = ModuleType(_LOADER, "Stands in for pydantic's plug-in loader (ui/pyside_boot.py).")

    def get_plugins() -> Iterable[Any]:
        if os.environ.get("PYDANTIC_DISABLE_PLUGINS") in _PLUGINS_OFF:
            return ()
        if sys.modules.get(_LOADER) is stand_in:
            del sys.modules[_LOADER]
        loader = importlib.import_module(_LOADER)
        return loader.get_plugins()

    stand_in.get_plugins = get_plugins  # type: ignore[attr-defined]
    sys.modules[_LOADER] = stand_in
    return True


lighten_feature_hook()
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
skip_plugin_loader()
