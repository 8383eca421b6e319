"""Idle watch: a visit left alone ends by itself, with a warning first (WCAG 2.2.1).

Any touch, click or key press anywhere in the app resets the clock. ``warn_s`` seconds before
the timeout the countdown becomes visible with a large "继续" button; at zero ``expired`` is
emitted and the shell wipes the visit. On the home page nothing is personal, so nothing runs.
Elder mode stretches every limit and its warning (``set_stretch``); ``limitSeconds`` is the
page's whole limit, for saying it on screen.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Property, QEvent, QObject, QTimer, Signal, Slot

USER_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
    }
)


class IdleWatcher(QObject):
    """Counts down while a visit is open; QML binds to ``secondsLeft`` and ``warning``."""

    changed = Signal()
    expired = Signal()

    def __init__(self, timeout_s: int, warn_s: int = 20, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._base_s = self._timeout_s = timeout_s
        self._base_warn_s = warn_s
        self._warn_s = min(warn_s, timeout_s)
        self._kinds: dict[str, int] = {}
        self._holds: dict[str, int] = {}
        self._kind = ""
        self._stretch_pct = 100
        self._deadline = 0.0
        self._active = False
        self._left = timeout_s
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._tick)

    def set_timeout(self, timeout_s: int, warn_s: int = 20) -> None:
        """Change the base timeout (from settings, or shorter in tests)."""
        self._base_s = timeout_s
        self._base_warn_s = warn_s
        self._apply()

    def set_kind_timeouts(self, timeouts: dict[str, int]) -> None:
        """Timeouts per screen type (``form``, ``result``); other screens use the base."""
        self._kinds = dict(timeouts)
        self._apply()

    def set_hold_timeouts(self, timeouts: dict[str, int]) -> None:
        """Screen types that hold something the citizen still needs (a queue number shown
        instead of printed): their own timeout, which may be longer than the base."""
        self._holds = dict(timeouts)
        self._apply()

    def set_kind(self, kind: str) -> None:
        """The page on top is of screen type ``kind`` ("" for the base timeout)."""
        self._kind = kind
        self._apply()

    def set_stretch(self, percent: int) -> None:
        """Every limit and its warning at ``percent`` % (elder mode: longer; 100 = as set)."""
        if percent != self._stretch_pct:
            self._stretch_pct = percent
            self._apply()

    def _apply(self) -> None:
        # A screen type never gets longer than the base: tests shorten the base to seconds.
        timeout_s = min(self._base_s, self._kinds.get(self._kind, self._base_s))
        timeout_s = self._holds.get(self._kind, timeout_s)
        timeout_s = timeout_s * self._stretch_pct // 100
        self._timeout_s = timeout_s
        self._warn_s = min(self._base_warn_s * self._stretch_pct // 100, timeout_s)
        if self._active:
            self.touch()
        else:
            self._update(timeout_s)
        self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Reset on any user input; never consumes the event."""
        if self._active and event.type() in USER_EVENTS:
            self.touch()
        return False

    @Slot()
    def touch(self) -> None:
        """The citizen is still there (also the "继续" button)."""
        self._deadline = time.monotonic() + self._timeout_s
        self._update(self._timeout_s)

    def set_active(self, active: bool) -> None:
        """Run while a visit is open (any page but home), stop on home."""
        if active == self._active:
            return
        self._active = active
        if active:
            self.touch()
            self._timer.start()
        else:
            self._timer.stop()
            self._update(self._timeout_s)
        self.changed.emit()

    def _tick(self) -> None:
        left = max(0, int(self._deadline - time.monotonic() + 0.999))
        self._update(left)
        if left == 0:
            self.set_active(False)
            self.expired.emit()

    def _update(self, left: int) -> None:
        if left != self._left:
            self._left = left
            self.changed.emit()

    secondsLeft = Property(int, lambda self: self._left, notify=changed)
    limitSeconds = Property(int, lambda self: self._timeout_s, notify=changed)
    # The whole limit of the page on top, said on screen ("无操作 2 分钟后返回首页").
    timeoutSeconds = Property(int, lambda self: self._timeout_s, notify=changed)
    active = Property(bool, lambda self: self._active, notify=changed)
    warning = Property(
        bool, lambda self: self._active and self._left <= self._warn_s, notify=changed
    )
