"""View-model of 我该去哪 (where do I go?), bound as ``whereToGo``: a ticket holder scans the
ticket's QR code (or types its number) and is told where it stands
(:class:`~kiosk.services.tickets.position.TicketPositions`).

Scans count only while the page listens (:meth:`listen`), as on the progress scan page.
``answer`` is {} before an answer; QML words ``state`` itself: waiting | called | done |
no_show | void | unknown (central could not be asked: ``offline``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.visit import Visit
from ui.ops import Dispatcher, Ops
from ui.viewmodels.followups import stamp

log = logging.getLogger(__name__)


def answer_view(where: Any) -> dict[str, Any]:
    """What the page shows of a :class:`WhereTo`; -1 stands for "not known"."""

    def known(value: int | None) -> int:
        return -1 if value is None else int(value)

    return {
        "display": where.display,
        "queue": where.queue,
        "state": where.state,
        "offline": bool(where.offline),
        "ahead": known(where.waiting_before),
        "waitMin": known(where.estimated_wait_min),
        "windowNo": known(where.window_no),
        "windowName": where.window_name,
        "recordedAhead": known(where.recorded_ahead),
        "recordedWaitMin": known(where.recorded_wait_min),
        "recordedAt": stamp(where.recorded_at),
    }


class WhereToGoViewModel(QObject):
    """Bound as ``whereToGo``."""

    changed = Signal()
    answered = Signal()
    centralAnswered = Signal(bool)  # offline (the terminal could not ask) or not

    def __init__(self, dispatcher: Dispatcher, visit: Visit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ops = Ops(dispatcher, visit, "whereToGo", self.changed.emit, wipe=self._wipe)
        self._service: Any = None
        self._simulate: Callable[[], bool] | None = None
        self._wipe()

    def _wipe(self) -> None:  # end of visit: the next person sees nobody's ticket
        self._answer: dict[str, Any] = {}
        self._listeners = 0

    def attach(
        self, service: Any, executor: Any, simulate_scan: Callable[[], bool] | None = None
    ) -> None:
        """Connect to the core once it is up (GUI thread)."""
        self._service = service
        self._simulate = simulate_scan
        self._ops.attach(executor)
        self.changed.emit()

    def _ask(self, text: str) -> None:
        service = self._service
        self._answer = {}
        if service is None:
            self._ops.set_reason("not_ready")
            return
        self._ops.run(lambda: answer_view(service.where(text)), self._show)

    @Slot(str)
    def lookUp(self, typed: str) -> None:  # noqa: N802 - Qt naming
        """A typed ticket number (A007)."""
        if not typed.strip():
            self._answer = {}
            self._ops.set_reason("ticket_empty")
            return
        self._ask(typed)

    def on_scan(self, data: str) -> bool:
        """A code from the scanner (GUI thread); taken (True) only while the page listens."""
        if self._listeners == 0 or self._ops.busy:
            return False
        self._ask(data)
        return True

    @Slot(str)
    def takeScan(self, data: str) -> None:  # noqa: N802
        """A ticket's code scanned while no page waited for a scan (the home screen, which
        then opens this page with it): asked as if scanned here."""
        self._ops.set_reason("")
        if not self._ops.busy:
            self._ask(data)

    @Slot(bool)
    def listen(self, on: bool) -> None:
        """The page came on screen / went away (counted, like the progress scan page)."""
        self._listeners = self._listeners + 1 if on else max(0, self._listeners - 1)
        if on:
            self._ops.set_reason("")
        self.changed.emit()

    @Slot()
    def clear(self) -> None:
        """Ask about another ticket."""
        self._answer = {}
        self._ops.set_reason("")
        self.changed.emit()

    @Slot()
    def simulateScan(self) -> None:  # noqa: N802
        """Demo: scan the ticket this terminal gave out last. Finding it is a store query,
        so it runs on the core's executor; the page is not made busy, because the scan
        itself arrives through the simulated scanner and is refused while busy."""
        simulate = self._simulate
        if simulate is None:
            self._ops.set_reason("no_demo_ticket")
            return
        self._ops.set_reason("")
        self._ops.run(simulate, self._simulated, busy=False)

    def _simulated(self, found: bool) -> None:
        if not found:
            self._ops.set_reason("no_demo_ticket")

    def _show(self, answer: dict[str, Any]) -> None:
        self._answer = answer
        self.changed.emit()
        self.centralAnswered.emit(bool(answer["offline"]))
        self.answered.emit()

    busy = Property(bool, lambda self: self._ops.busy, notify=changed)
    reason = Property(str, lambda self: self._ops.reason, notify=changed)
    answer = Property("QVariantMap", lambda self: self._answer, notify=changed)  # type: ignore[arg-type]
    listening = Property(bool, lambda self: self._listeners > 0, notify=changed)
    canSimulate = Property(bool, lambda self: self._simulate is not None, notify=changed)
