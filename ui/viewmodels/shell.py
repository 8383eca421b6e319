"""The shell's view-model: window geometry, which entries are built, app facts."""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk import __version__

# Home-screen entries whose screens exist. The others say plainly that they are not open yet.
READY_FEATURES: frozenset[str] = frozenset(
    {
        "guide",
        "apply",
        "ticket",
        "checkin",
        "progress",
        "certificates",
        "consult",
        "evaluate",
        "complain",
    }
)


class ShellViewModel(QObject):
    """Facts QML needs about the window and the build; no personal data."""

    changed = Signal()
    localeRequested = Signal(str)
    navigateRequested = Signal(str, dict)
    pageCommand = Signal(str, "QVariant")  # type: ignore[arg-type]  # any JS value
    attractDismissed = Signal()

    def __init__(
        self,
        width: int,
        height: int,
        full_screen: bool,
        ready_features: frozenset[str] = READY_FEATURES,
        parent: QObject | None = None,
        font_family: str = "Noto Sans CJK SC",
    ) -> None:
        super().__init__(parent)
        self._font_family = font_family  # the screens' font (ui.fonts)
        self._width = width
        self._height = height
        self._full_screen = full_screen
        self._ready = ready_features
        self._elder = False
        self._locale = "zh_CN"
        self._attracting = False
        self._notices: list[dict[str, str]] = []

    @Slot(str, result=bool)
    def featureReady(self, key: str) -> bool:  # noqa: N802 - Qt naming
        """Whether the home-screen entry ``key`` leads to a working screen."""
        return key in self._ready

    def set_geometry(self, width: int, height: int) -> None:
        """Resize the window (screenshots render both orientations)."""
        self._width, self._height = width, height
        self.changed.emit()

    @Slot()
    def toggleElderMode(self) -> None:  # noqa: N802
        """Switch elder mode (关怀模式) on or off."""
        self._elder = not self._elder
        self.changed.emit()

    @Slot(bool)
    def setElderMode(self, on: bool) -> None:  # noqa: N802
        """Switch elder mode on (the home page's and attract screen's way in) or off."""
        if on != self._elder:
            self._elder = on
            self.changed.emit()

    @Slot(str)
    def setLocale(self, locale: str) -> None:  # noqa: N802
        """Ask the shell to switch the UI language (the shell loads the translation)."""
        self.localeRequested.emit(locale)

    def set_locale(self, locale: str) -> None:
        """Record the language now in force."""
        self._locale = locale
        self.changed.emit()

    def set_attracting(self, on: bool) -> None:
        """Show or hide the attract screen over the home page."""
        if on != self._attracting:
            self._attracting = on
            self.changed.emit()

    @Slot()
    def stopAttracting(self) -> None:  # noqa: N802
        """Someone touched the attract screen: show the home page."""
        self.set_attracting(False)
        self.attractDismissed.emit()

    def set_notices(self, notices: list[dict[str, str]]) -> None:
        """The hall's notices for the attract screen ({title, body})."""
        self._notices = notices
        self.changed.emit()

    def reset_visit_preferences(self) -> None:
        """A new visit starts in the default mode."""
        self._elder = False
        self.changed.emit()

    elderMode = Property(bool, lambda self: self._elder, notify=changed)
    attracting = Property(bool, lambda self: self._attracting, notify=changed)
    notices = Property(list, lambda self: self._notices, notify=changed)
    locale = Property(str, lambda self: self._locale, notify=changed)
    screenWidth = Property(int, lambda self: self._width, notify=changed)
    screenHeight = Property(int, lambda self: self._height, notify=changed)
    fullScreen = Property(bool, lambda self: self._full_screen, notify=changed)
    version = Property(str, lambda self: __version__, constant=True)
    fontFamily = Property(str, lambda self: self._font_family, constant=True)
