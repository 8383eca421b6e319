"""View-model of the queue-ticket (取号) and appointment check-in (预约签到) screens.

Taking a ticket blocks until the slip is printed (the core's rule: a ticket that did not
print is not issued), so every call runs on the core's task executor and the screen shows a
busy state. When printing fails the screen offers three ways on: the number on screen (with
a QR code), print again, or give the ticket up. QML gets reason codes and words them itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.visit import Visit
from ui.ops import Dispatcher, Failure, Ops

log = logging.getLogger(__name__)


def qr_rows(text: str) -> list[str]:
    """The QR code of ``text`` as rows of "0"/"1" (QML draws one square per "1")."""
    import qrcode

    code = qrcode.QRCode(border=0, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    code.make(fit=True)
    return ["".join("1" if dark else "0" for dark in row) for row in code.get_matrix()]


def ticket_view(ticket: Any, hall_id: str) -> dict[str, Any]:
    """What the screens show of an issued (or not yet printed) ticket; nothing personal."""
    from kiosk.services.tickets.position import scan_code  # the core's, loaded on first use

    return {
        "id": ticket.ticket_id,
        "display": ticket.display,
        "queue": ticket.queue,
        "queueName": ticket.queue_name,
        "status": ticket.status,
        "offline": ticket.offline,
        "priority": ticket.priority,
        "peopleAhead": -1 if ticket.people_ahead is None else ticket.people_ahead,
        "waitMin": -1 if ticket.estimated_wait_min is None else ticket.estimated_wait_min,
        "localAhead": -1 if getattr(ticket, "local_ahead", None) is None else ticket.local_ahead,
        "localWaitMin": (
            -1 if getattr(ticket, "local_wait_min", None) is None else ticket.local_wait_min
        ),
        "printReason": ticket.print_reason or "",
        "time": ticket.created_at.astimezone().strftime("%H:%M"),
        # Window staff scan it to find the ticket (the hall, the ticket's id, its number).
        "qr": qr_rows(scan_code(hall_id, ticket.ticket_id, ticket.display)),
    }


class QueueViewModel(QObject):
    """Bound as ``queue``.

    ``ticket`` is the ticket on screen ({} before one is taken); ``reason`` says why the last
    step did not go through, with ``details`` (e.g. ``display`` of the ticket already held,
    ``come_back_at`` for an early check-in).
    """

    changed = Signal()
    issued = Signal()  # a ticket exists (printed, or failed to print): show the result page
    cancelled = Signal()  # the unprinted ticket was given up
    centralAnswered = Signal(bool)  # an answer came in: offline (from the terminal) or not

    def __init__(self, dispatcher: Dispatcher, visit: Visit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._visit = visit
        self._ops = Ops(dispatcher, visit, "queue", self.changed.emit, wipe=self._wipe)
        self._service: Any = None
        self._checkin: Any = None
        self._hall_id = ""
        self._service_name: Callable[[str], str] = lambda code: code
        self._queues: list[dict[str, Any]] = []
        self._route: Callable[[str | None], Any] | None = None
        self._on_screen_if_unprinted = False
        self._wipe()

    def _wipe(self) -> None:  # end of the visit: no ticket or appointment of this card stays
        self._ticket: dict[str, Any] = {}
        self._details: dict[str, str] = {}
        self._appointments: list[dict[str, Any]] = []
        self._appointments_offline = False
        self._fetched_at = ""
        self._checkin_id = ""  # the appointment whose ticket waits for its print

    def attach(
        self,
        tickets: Any,
        checkin: Any,
        executor: Any,
        *,
        hall_id: str,
        service_name: Callable[[str], str],
    ) -> None:
        """Connect to the core once it is up (GUI thread)."""
        self._service, self._checkin = tickets, checkin
        self._ops.attach(executor)
        self._hall_id, self._service_name = hall_id, service_name
        self._route = tickets.hall_queues.for_service
        self._queues = [
            {
                "code": q.code,
                "name": q.name,
                "priority": q.priority,
                "requiresCard": q.requires_card,
            }
            for q in tickets.queues()
            if not q.appointment  # the appointment window is reached by checking in
        ]
        self.changed.emit()

    @Slot(str, result="QVariantMap")
    def queueFor(self, service_queue: str) -> dict[str, Any]:  # noqa: N802 - Qt naming
        """The window a catalog service is routed to (``Guide.queue``; "" for none): its
        ``code`` and ``name``, or {} before the core is up (in memory, GUI thread)."""
        if self._route is None:
            return {}
        q = self._route(service_queue or None)
        return {"code": q.code, "name": q.name}

    # -- taking a ticket ----------------------------------------------------------------------

    @Slot(str)
    def take(self, code: str) -> None:
        """Number and print a ticket in queue ``code`` (the card, if read, goes with it)."""
        self._take(code, on_screen_if_unprinted=False)

    def _take(self, code: str, *, on_screen_if_unprinted: bool) -> None:
        tickets, identity, hall = self._service, self._visit.identity, self._hall_id
        self._details, self._ticket, self._checkin_id = {}, {}, ""
        self._on_screen_if_unprinted = on_screen_if_unprinted
        self._ops.run(
            lambda: ticket_view(tickets.take(code, identity=identity), hall),
            self._got,
            failed=self._failed,
        )

    @Slot()
    def takeStaffWindow(self) -> None:  # noqa: N802 - Qt naming
        """A failure screen's way on (读卡器 lost, card refused, offline, paper out): a ticket
        for the staffed window, no card needed. When it cannot print, its number goes on the
        screen at once, for the citizen to show at the window."""
        code = self._staff_window()
        if not code:
            self._ops.set_reason("unknown_queue")
            return
        self._take(code, on_screen_if_unprinted=True)

    def _staff_window(self) -> str:
        """The queue of the hall's general staffed window: the first one anyone may take."""
        for q in self._queues:
            if not q["priority"] and not q["requiresCard"]:
                return str(q["code"])
        return ""

    @Slot()
    def showOnScreen(self) -> None:  # noqa: N802 - Qt naming
        """The citizen reads the number off the screen instead of a slip: it is issued."""
        self._after_failure(lambda tickets, ticket_id: tickets.show_on_screen(ticket_id))

    @Slot()
    def retryPrint(self) -> None:  # noqa: N802
        """Print the same ticket again (after paper was put in, say)."""
        self._after_failure(lambda tickets, ticket_id: tickets.retry_print(ticket_id))

    @Slot()
    def cancelTicket(self) -> None:  # noqa: N802
        """Give the unprinted ticket up: it is not issued and its number is not called."""
        tickets, ticket_id = self._service, self._ticket.get("id", "")
        if ticket_id:
            self._ops.run(
                lambda: tickets.cancel(ticket_id),
                lambda _t: self._forget_ticket(),
                failed=self._failed,
            )

    def _after_failure(self, step: Callable[[Any, str], Any]) -> None:
        tickets, checkin, hall = self._service, self._checkin, self._hall_id
        ticket_id, appointment_id = self._ticket.get("id", ""), self._checkin_id
        if not ticket_id:
            return

        def work() -> dict[str, Any]:
            ticket = step(tickets, ticket_id)
            if appointment_id:  # the check-in counts once its ticket is out
                checkin.confirm(appointment_id, ticket_id)
            return ticket_view(ticket, hall)

        self._ops.run(work, self._got, failed=self._failed)

    def _got(self, view: dict[str, Any]) -> None:
        self._ticket = view
        self.centralAnswered.emit(bool(view["offline"]))
        if view["status"] in ("issued", "shown_on_screen"):
            self._checkin_id = ""
        self.issued.emit()

    def _forget_ticket(self) -> None:
        self._ticket, self._checkin_id = {}, ""
        self.cancelled.emit()

    def _failed(self, failure: Failure) -> None:
        # A ticket that did not print still exists (not issued): keep it for the choices.
        details = dict(failure.details)
        ticket = details.pop("ticket", None)
        if ticket is not None:
            self._ticket = ticket_view(ticket, self._hall_id)
            if not self._ticket["printReason"]:
                self._ticket["printReason"] = str(details.get("print_reason") or "")
        if failure.known:
            self._details = {k: str(v) for k, v in details.items()}
        self._ops.set_reason(failure.reason)
        if self._ticket and failure.reason in ("print_failed", "print_timeout"):
            if self._on_screen_if_unprinted and self._ticket.get("status") != "shown_on_screen":
                self._on_screen_if_unprinted = False
                self.showOnScreen()  # paper out: the number on screen is the ticket
                return
            self.issued.emit()

    # -- appointments -------------------------------------------------------------------------

    @Slot()
    def loadAppointments(self) -> None:  # noqa: N802
        """Today's appointments of the card holder (fresh from central, else cached)."""
        identity, checkin = self._visit.identity, self._checkin
        if identity is None:
            self._ops.set_reason("card_required")
            return
        if checkin is None:
            self._ops.set_reason("not_ready")
            return
        name = self._service_name
        self._appointments = []

        def work() -> dict[str, Any]:
            today = checkin.today_for(identity)
            return {
                "list": [_appointment(a, name) for a in today.appointments],
                "offline": today.offline,
                "fetched": today.fetched_at.astimezone().strftime("%H:%M")
                if today.fetched_at
                else "",
            }

        self._ops.run(work, self._set_appointments, failed=self._failed)

    def _set_appointments(self, answer: dict[str, Any]) -> None:
        self._appointments = answer["list"]
        self._appointments_offline = answer["offline"]
        self.centralAnswered.emit(bool(answer["offline"]))
        self._fetched_at = answer["fetched"]

    @Slot(str)
    def checkIn(self, appointment_id: str) -> None:  # noqa: N802
        """Check in for one appointment; its priority ticket prints."""
        identity, checkin, hall = self._visit.identity, self._checkin, self._hall_id
        if identity is None:
            self._ops.set_reason("card_required")
            return
        self._details, self._ticket, self._checkin_id = {}, {}, appointment_id
        self._ops.run(
            lambda: ticket_view(checkin.check_in(identity, appointment_id).ticket, hall),
            self._got,
            failed=self._failed,
        )

    @Slot()
    def dismiss(self) -> None:
        """Forget the last error sentence."""
        self._details = {}
        self._ops.set_reason("")
        self.changed.emit()

    queues = Property(list, lambda self: self._queues, notify=changed)
    staffWindowName = Property(
        str,
        lambda self: next(
            (q["name"] for q in self._queues if q["code"] == self._staff_window()), ""
        ),
        notify=changed,
    )
    ticket = Property(dict, lambda self: self._ticket, notify=changed)
    details = Property(dict, lambda self: self._details, notify=changed)
    appointments = Property(list, lambda self: self._appointments, notify=changed)
    appointmentsOffline = Property(bool, lambda self: self._appointments_offline, notify=changed)
    fetchedAt = Property(str, lambda self: self._fetched_at, notify=changed)
    busy = Property(bool, lambda self: self._ops.busy, notify=changed)
    reason = Property(str, lambda self: self._ops.reason, notify=changed)


def _appointment(view: Any, service_name: Callable[[str], str]) -> dict[str, Any]:
    """One appointment as the list shows it (service, slot, check-in window)."""
    try:
        name = service_name(view.service_code)
    except Exception:  # a withdrawn service: show its code
        name = view.service_code
    return {
        "id": view.appointment_id,
        "service": name,
        "slot": f"{view.slot_start:%H:%M}—{view.slot_end:%H:%M}",
        "opens": f"{view.opens_at:%H:%M}",
        "closes": f"{view.closes_at:%H:%M}",
        "checkedIn": view.checked_in,
    }
