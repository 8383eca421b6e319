"""Hand work results from worker threads to the GUI thread.

Core code reports through plain callbacks on its own threads. ``GuiDispatcher.post`` wraps a
callable in a queued signal emission, so the callable runs on the thread that owns the
dispatcher (the GUI thread) at the next turn of its event loop.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot


class GuiDispatcher(QObject):
    """Runs callables on the GUI thread, whichever thread posts them."""

    _posted = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._posted.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def post(self, fn: Callable[..., Any], *args: Any) -> None:
        """Run ``fn(*args)`` on the GUI thread soon; safe from any thread.

        After the UI is gone (shutdown) a late callback from a worker is dropped.
        """
        try:
            self._posted.emit((fn, args))
        except RuntimeError:  # the dispatcher's Qt object was deleted: nothing to update
            pass

    def wrap(self, fn: Callable[..., Any]) -> Callable[..., None]:
        """A callback for core code that forwards its call to ``fn`` on the GUI thread."""
        return lambda *args: self.post(fn, *args)

    @Slot(object)
    def _run(self, item: tuple[Callable[..., Any], tuple[Any, ...]]) -> None:
        fn, args = item
        fn(*args)
