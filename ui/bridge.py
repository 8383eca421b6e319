"""Hand work results from worker threads to the GUI thread.

Core code reports through plain callbacks on its own threads. ``GuiDispatcher.post`` queues a
callable and posts an event to the dispatcher, so the callable runs on the thread that owns
the dispatcher (the GUI thread) at the next turn of its event loop, in the order posted.

An event, not a queued signal: a queued connection names ``Qt.ConnectionType``, and PySide
builds the Python types of the whole ``Qt`` namespace (93 enums, ~30 ms) the first time
``Qt`` is touched; the dispatcher is made before the first frame, which needs none of them.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject


class GuiDispatcher(QObject):
    """Runs callables on the GUI thread, whichever thread posts them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # deque.append and popleft are atomic: posting threads need no lock. One event per
        # item; each event runs the oldest item, so items run in the order they were queued.
        self._items: deque[tuple[Callable[..., Any], tuple[Any, ...]]] = deque()
        self._event_type = QEvent.Type(QEvent.registerEventType())

    def post(self, fn: Callable[..., Any], *args: Any) -> None:
        """Run ``fn(*args)`` on the GUI thread soon; safe from any thread.

        After the UI is gone (shutdown) a late callback from a worker is dropped.
        """
        self._items.append((fn, args))
        try:
            QCoreApplication.postEvent(self, QEvent(self._event_type))
        except RuntimeError:  # the dispatcher's Qt object was deleted: nothing to update
            self._items.clear()

    def wrap(self, fn: Callable[..., Any]) -> Callable[..., None]:
        """A callback for core code that forwards its call to ``fn`` on the GUI thread."""
        return lambda *args: self.post(fn, *args)

    def event(self, event: QEvent) -> bool:
        if event.type() != self._event_type:
            return super().event(event)
        try:
            fn, args = self._items.popleft()
        except IndexError:  # cleared at shutdown
            return True
        fn(*args)
        return True
