"""The shell's view-model: window geometry, which entries are built, app facts."""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk import __version__

# Home-screen entries whose screens exist. The others say plainly that they are not open yet.
READY_FEATURES: frozenset[str] = frozenset()


class ShellViewModel(QObject):
    """Facts QML needs about the window and the build; no personal data."""

    changed = Signal()

    def __init__(
        self,
        width: int,
        height: int,
        full_screen: bool,
        ready_features: frozenset[str] = READY_FEATURES,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._width = width
        self._height = height
        self._full_screen = full_screen
        self._ready = ready_features

    @Slot(str, result=bool)
    def featureReady(self, key: str) -> bool:  # noqa: N802 - Qt naming
        """Whether the home-screen entry ``key`` leads to a working screen."""
        return key in self._ready

    def set_geometry(self, width: int, height: int) -> None:
        """Resize the window (screenshots render both orientations)."""
        self._width, self._height = width, height
        self.changed.emit()

    screenWidth = Property(int, lambda self: self._width, notify=changed)
    screenHeight = Property(int, lambda self: self._height, notify=changed)
    fullScreen = Property(bool, lambda self: self._full_screen, notify=changed)
    version = Property(str, lambda self: __version__, constant=True)
