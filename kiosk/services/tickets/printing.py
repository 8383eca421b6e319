"""Printing a ticket: it is issued only once its print job has printed.

Each print of a ticket is followed through its :class:`~kiosk.printing.outcome.PrintFuture`:
printed makes the ticket ``issued``, failed makes a ``pending_print`` one ``print_failed``,
in the same transaction that records the job's end (a commit step of the future), and the
caller waiting for it answers from the row that move wrote.
A future is in memory only, so the store stays the truth: at start the terminal follows again
today's tickets still waiting for their job (:meth:`TicketPrinter.resume`), and a ticket
whose job was printed by a reprint from elsewhere (the staff screen, ``kioskctl``) counts as
issued before it would be retried or voided (:meth:`TicketPrinter.reconcile`).
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

from kiosk.printing.document import Document
from kiosk.printing.jobs import JobNotFound
from kiosk.printing.layouts import TicketData, ticket
from kiosk.printing.outcome import PrintFuture, PrintOutcome
from kiosk.printing.worker import PrintWorker
from kiosk.services.common import ServiceError
from kiosk.services.queues import QueueDef
from kiosk.services.tickets.position import scan_code
from kiosk.services.tickets.transitions import UNPRINTED, IssuedTicket, TicketStates
from kiosk.store.models import QueueTicketRow

if TYPE_CHECKING:
    from sqlmodel import Session

log = logging.getLogger(__name__)


class TicketPrinter:
    """Queues a ticket's slip, follows its outcome and waits for it on behalf of a screen."""

    def __init__(
        self,
        printing: PrintWorker,
        states: TicketStates,
        *,
        hall_name: str,
        print_wait_s: float,
    ) -> None:
        self.printing = printing
        self.states = states
        self.hall_name = hall_name
        self.print_wait_s = print_wait_s

    def slip(self, row: QueueTicketRow, queue: QueueDef) -> Document:
        """The ticket's slip (queued by the caller in the ticket's own transaction)."""
        return ticket(
            TicketData(
                hall_name=self.hall_name,
                ticket_id=row.ticket_id,
                number=row.display,
                queue_name=queue.name,
                people_ahead=row.people_ahead,
                issued_at=datetime.fromisoformat(row.created_at),
                scan_code=scan_code(row.hall_id, row.ticket_id, row.display),
            )
        )

    def reprint(self, row: QueueTicketRow) -> PrintFuture:
        """Print the ticket's job again and follow it."""
        assert row.print_job_id is not None
        future = self.printing.reprint(row.print_job_id)
        self.follow(row.ticket_id, future)
        return future

    def follow(self, ticket_id: str, future: PrintFuture) -> None:
        """Move ticket ``ticket_id`` as ``future`` settles, on the printer thread: in the
        very transaction that records the job's end when the worker can (so ``issued`` is
        on disk exactly when ``printed`` is), else on its own just after."""
        future.add_commit_step(lambda s, outcome: self._move_with_job(s, ticket_id, outcome))
        future.add_done_callback(lambda outcome: self._settle(ticket_id, outcome))

    def wait(self, ticket_id: str, future: PrintFuture) -> IssuedTicket:
        """Wait up to ``print_wait_s`` for the print; raises :class:`ServiceError`
        ``print_failed`` (details ``ticket``, ``print_reason``) or ``print_timeout``."""
        try:
            outcome = future.result(timeout=self.print_wait_s)
        except TimeoutError:
            current = self.states.get(ticket_id)
            raise ServiceError(
                "print_timeout", "the printer did not finish", ticket=current
            ) from None
        # The move committed with the job's end is what the store holds now; read the ticket
        # again only when there was none (moved on its own, or elsewhere).
        moved = _moved_with_job(ticket_id, outcome)
        current = self.states.view(moved) if moved else self.states.get(ticket_id)
        if not outcome.printed:
            raise ServiceError(
                "print_failed",
                f"ticket not printed: {outcome.reason}",
                ticket=current,
                print_reason=outcome.reason,
            )
        return current

    def resume(self) -> int:
        """At start: follow today's tickets whose job a previous run left unfinished (the
        print worker prints them again) or finished without moving the ticket.

        A ticket stopped between its own write and its job's (the job row is written in a
        transaction of the print queue's) finds its job by reference; with none, its slip
        was never queued and nobody holds it: it is void, so central stops counting it."""
        rows = self.states.pending_today()
        for row in rows:
            job_id = row.print_job_id
            if job_id is None:
                job = self.printing.jobs.latest_for(row.ticket_id, "ticket")
                if job is None:
                    log.warning("ticket %s was never queued for printing: void", row.ticket_id)
                    self._void_unqueued(row.ticket_id)
                    continue
                job_id = job.id
                self.states.set_print_job(row.ticket_id, job_id)
            try:
                self.follow(row.ticket_id, self.printing.watch(job_id))
            except JobNotFound:
                log.warning("ticket %s has lost its print job", row.ticket_id)
        return len(rows)

    def _void_unqueued(self, ticket_id: str) -> None:
        try:
            self.states.move(ticket_id, ("pending_print",), "void")
        except ServiceError:
            pass  # moved meanwhile

    def reconcile(self, row: QueueTicketRow) -> QueueTicketRow:
        """An unprinted ticket whose job has printed meanwhile (reprinted from the staff
        screen or ``kioskctl``, nobody following it) is issued now."""
        if row.status not in UNPRINTED or row.print_job_id is None:
            return row
        try:
            job = self.printing.jobs.get(row.print_job_id)
        except JobNotFound:
            return row
        if job.status != "printed":
            return row
        try:
            return self.states.move(row.ticket_id, UNPRINTED, "issued")
        except ServiceError:
            return self.states.row(row.ticket_id)

    def _move_with_job(
        self, s: Session, ticket_id: str, outcome: PrintOutcome
    ) -> QueueTicketRow | None:
        """The commit step of :meth:`follow`: the ticket's move, or None when it has moved
        on meanwhile (shown on screen, voided, issued by a staff reprint)."""
        try:
            return self.states.move_in(s, ticket_id, *_move_for(outcome))
        except ServiceError:
            return None

    def _settle(self, ticket_id: str, outcome: PrintOutcome) -> None:
        moved = _moved_with_job(ticket_id, outcome)
        if moved is not None:
            self.states.moved(moved)
            return
        # Not moved with the job's end (the future was settled from the store, or the store
        # could not record the end): move it now. ``issued`` is not synced on its own: a
        # ticket found ``pending_print`` at the start with its job printed is issued then
        # (resume), outbox item and all.
        try:
            self.states.move(ticket_id, *_move_for(outcome), durable=not outcome.printed)
        except ServiceError:
            pass  # shown on screen, voided or already issued meanwhile (a staff reprint)


def _move_for(outcome: PrintOutcome) -> tuple[tuple[str, ...], str, str | None]:
    """The move a print's outcome makes: (from states, to state, reason)."""
    if outcome.printed:
        return UNPRINTED, "issued", None
    return ("pending_print",), "print_failed", outcome.reason


def _moved_with_job(ticket_id: str, outcome: PrintOutcome) -> QueueTicketRow | None:
    """The ticket's row as the move committed with the job's end left it, if it was."""
    for row in outcome.committed:
        if isinstance(row, QueueTicketRow) and row.ticket_id == ticket_id:
            return row
    return None
