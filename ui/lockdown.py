"""Keep citizens inside the app: no way out by keyboard, window close or context menus.

The compositor (cage) already has no desktop to fall back to; this filter covers what reaches
Qt: a USB keyboard plugged into the box, Alt+F4 forwarded as a close request, Escape, Ctrl+Q.
Staff leave through staff mode, which calls :meth:`LockdownFilter.allow_exit`.
"""

from __future__ import annotations

import logging
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

log = logging.getLogger(__name__)


@cache
def blocked_chords() -> tuple[tuple[Qt.Key, Qt.KeyboardModifier], ...]:
    """(key, modifiers that must be held) pairs that would leave or disturb a full-screen app.

    Built on the first key event, not at import: PySide builds the Python types of the whole
    ``Qt`` namespace (93 enums, ~30 ms) the first time ``Qt`` is imported or touched, and the
    home screen does not need them before it shows."""
    from PySide6.QtCore import Qt

    key, mod = Qt.Key, Qt.KeyboardModifier
    return (
        (key.Key_F4, mod.AltModifier),
        (key.Key_Tab, mod.AltModifier),
        (key.Key_Q, mod.ControlModifier),
        (key.Key_W, mod.ControlModifier),
        (key.Key_Escape, mod.NoModifier),
        (key.Key_F11, mod.NoModifier),
        (key.Key_Super_L, mod.NoModifier),
        (key.Key_Super_R, mod.NoModifier),
        (key.Key_Meta, mod.NoModifier),
        (key.Key_Menu, mod.NoModifier),
    )


def is_blocked(event: QKeyEvent) -> bool:
    """Whether a key event is one of the escape chords (extra modifiers do not help)."""
    key = event.key()
    mods = event.modifiers()
    for blocked_key, needed in blocked_chords():
        if key == blocked_key and (mods & needed) == needed:
            return True
    return False


class LockdownFilter(QObject):
    """Application-wide event filter: swallows escape chords, refuses window close."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._exit_allowed = False
        self.blocked_count = 0

    def allow_exit(self) -> None:
        """Staff mode only: let the next close request through."""
        self._exit_allowed = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """True (consume) for what would let a citizen out."""
        kind = event.type()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.KeyRelease):
            if isinstance(event, QKeyEvent) and is_blocked(event):
                if kind == QEvent.Type.KeyPress:
                    self.blocked_count += 1
                    log.info("blocked an escape key chord")
                return True
        elif kind == QEvent.Type.Close and not self._exit_allowed:
            event.ignore()
            log.info("refused a window close request")
            return True
        elif kind == QEvent.Type.ContextMenu:
            return True
        return False
