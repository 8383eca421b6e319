"""Bound as ``assist``: 呼叫工作人员 from every page.

A tap raises a call (:class:`~kiosk.services.assist.AssistService`): the terminal's call light
blinks and central tells hall staff which terminal and page. While the call is open the page
asks every few seconds whether staff have taken it, so the screen can say "工作人员正在赶来".
The call is the visit's: when the visit ends the light goes out and the screen forgets it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from kiosk.visit import Visit
from ui.ops import Dispatcher, Ops

# How often an open call asks central whether staff have taken it.
POLL_MS = 5000


class AssistViewModel(QObject):
    """``state``: idle | calling | coming | closed; ``reachedCentral`` False when only the
    terminal's own light (and the screen) call; ``lightWorks`` False without a working lamp."""

    changed = Signal()

    def __init__(self, dispatcher: Dispatcher, visit: Visit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ops = Ops(dispatcher, visit, "assist", self.changed.emit, wipe=self._wipe)
        self._service: Any = None
        self._executor: Any = None
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._refresh)
        self._state, self._reached, self._light = "idle", False, False

    def attach(self, service: Any, executor: Any) -> None:
        """The core is up: calls go to ``service`` (an ``AssistService``) on ``executor``."""
        self._service, self._executor = service, executor
        self._ops.attach(executor)

    def _wipe(self) -> None:  # the visit ended: the light goes out, the screen forgets
        self._poll.stop()
        if self._service is not None and self._state != "idle":
            self._executor.submit(self._service.end)
        self._state, self._reached, self._light = "idle", False, False

    @Slot(str, str)
    def call(self, page: str, reason: str) -> None:
        """The citizen asks for a person on ``page`` (``reason``: what went wrong there)."""
        if self._service is None:
            # The core is not up: nothing can be signalled yet; the page says to wave.
            self._state, self._reached, self._light = "calling", False, False
            self.changed.emit()
            return
        service = self._service
        self._state = "calling"
        self._ops.run(lambda: service.call(page, reason), self._show)

    def _refresh(self) -> None:
        service = self._service
        if service is not None:
            self._ops.run(service.refresh, self._show, busy=False, latest="refresh")

    def _show(self, view: Any) -> None:
        self._state, self._reached, self._light = view.state, view.reached_central, view.light_works
        if self._state in ("calling", "coming") and self._reached:
            self._poll.start()
        else:
            self._poll.stop()

    @Slot()
    def cancel(self) -> None:
        """不需要了: the light goes out here (staff still see the call until they close it)."""
        self._poll.stop()
        service = self._service
        if service is not None:
            self._ops.run(service.end, busy=False)
        self._state, self._reached, self._light = "idle", False, False
        self.changed.emit()

    state = Property(str, lambda self: self._state, notify=changed)
    reachedCentral = Property(bool, lambda self: self._reached, notify=changed)  # noqa: N815
    lightWorks = Property(bool, lambda self: self._light, notify=changed)  # noqa: N815
    busy = Property(bool, lambda self: self._ops.busy, notify=changed)
