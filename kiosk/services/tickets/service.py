"""The ticket use case the screens and check-in call: take, show, retry, cancel."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime

from kiosk.domain.identity import Identity
from kiosk.printing.outcome import PrintFuture
from kiosk.printing.worker import PrintWorker
from kiosk.services.common import Central, ServiceError, local_now
from kiosk.services.queues import HallQueues, QueueDef
from kiosk.services.tickets.numbering import TicketNumbering
from kiosk.services.tickets.printing import TicketPrinter
from kiosk.services.tickets.transitions import UNPRINTED, IssuedTicket, TicketStates
from kiosk.store import Store
from kiosk.sync.crypto import FieldCipher
from kiosk.sync.idkey import IdHasher

PRINT_WAIT_S = 20.0


class TicketService:
    """Take, print, show and cancel queue tickets (call from a worker thread)."""

    def __init__(
        self,
        store: Store,
        printing: PrintWorker,
        queues: HallQueues,
        *,
        hall_id: str,
        hall_name: str,
        terminal_id: str,
        central: Central | None = None,
        notify_sync: Callable[[], None] | None = None,
        print_wait_s: float = PRINT_WAIT_S,
        clock: Callable[[], datetime] = local_now,
        id_hasher: IdHasher | None = None,
        cipher: FieldCipher | None = None,
    ) -> None:
        self.store = store
        self.hall_queues = queues
        self.clock = clock
        self.central = central or Central(None)
        # Keyed hashes of ID numbers (shared with check-in); the deployment's key once known.
        self.id_hasher = id_hasher or IdHasher(None)
        self.numbering = TicketNumbering(
            store, self.central, self.id_hasher, hall_id=hall_id, terminal_id=terminal_id
        )
        self.states = TicketStates(
            store, queues, clock=clock, notify_sync=notify_sync or (lambda: None), cipher=cipher
        )
        self.printer = TicketPrinter(
            printing, self.states, hall_name=hall_name, print_wait_s=print_wait_s
        )

    def queues(self) -> list[QueueDef]:
        """The hall's queues in display order."""
        return list(self.hall_queues.queues)

    def take(
        self,
        queue_code: str,
        *,
        identity: Identity | None = None,
        service_code: str | None = None,
        appointment: bool = False,
    ) -> IssuedTicket:
        """Number and print a ticket; returns once it is printed (status ``issued``).

        Raises :class:`ServiceError`: ``unknown_queue``, ``card_required``,
        ``already_holding`` (details: ``display``), ``print_failed`` (details: ``ticket``,
        ``print_reason``) or ``print_timeout`` (details: ``ticket``). After a print failure
        the screen offers :meth:`show_on_screen`, :meth:`retry_print` or :meth:`cancel`.
        """
        queue = self.hall_queues.get(queue_code)
        if queue is None or (queue.appointment and not appointment):
            raise ServiceError("unknown_queue", f"no queue {queue_code!r} in this hall")
        if queue.requires_card and identity is None:
            raise ServiceError("card_required", f"queue {queue_code} needs a card")
        now = self.clock()
        day = now.date()
        holder = self.numbering.holder(identity)
        proven = bool(
            queue.priority
            and identity is not None
            and (identity.age_on(day) or 0) >= self.hall_queues.priority_proof_age
        )
        if holder is not None:
            self.numbering.refuse_second(holder, queue.code, day)
        ticket_id = uuid.uuid4().hex
        answer = self.numbering.number_online(ticket_id, queue, day, service_code, holder)
        # The ticket, its slip's print job and the link between them in one durable
        # transaction: a ticket is never without its job, and both are on disk before the
        # printer may print it. The job is followed before that commit, so the printer
        # cannot end it unseen and it need not be read back.
        printing = self.printer.printing
        future: PrintFuture | None = None
        try:
            with self.store.session(write=True) as s:
                row = self.numbering.insert(
                    s, ticket_id, queue, now, answer, holder, proven, service_code
                )
                job = printing.jobs.add(self.printer.slip(row, queue), s)
                row.print_job_id = job.id
                s.add(row)
                future = printing.expect(job)
                self.printer.follow(ticket_id, future)
        except BaseException:
            if future is not None:
                printing.forget(future)
            raise
        printing.wake()
        return self.printer.wait(ticket_id, future)

    def show_on_screen(self, ticket_id: str) -> IssuedTicket:
        """The citizen agreed to read the number off the screen: the ticket is issued."""
        return self.states.view(self.states.move(ticket_id, UNPRINTED, "shown_on_screen"))

    def retry_print(self, ticket_id: str) -> IssuedTicket:
        """Print a failed ticket again (paper was refilled); same outcomes as :meth:`take`."""
        row = self.printer.reconcile(self.states.row(ticket_id))
        if row.status != "print_failed" or row.print_job_id is None:
            return self.states.view(row)
        return self.printer.wait(ticket_id, self.printer.reprint(row))

    def cancel(self, ticket_id: str) -> IssuedTicket:
        """The citizen gave up on a ticket that did not print: it is void (central told).
        A ticket whose reprint came out meanwhile is issued instead."""
        row = self.printer.reconcile(self.states.row(ticket_id))
        if row.status == "issued":
            return self.states.view(row)
        return self.states.view(self.states.move(ticket_id, UNPRINTED, "void"))

    def void_unprinted(self) -> int:
        """End of a visit: tickets that failed to print and were neither shown nor retried
        become void, so central stops counting them as people waiting (unless a reprint
        from elsewhere printed them meanwhile: those are issued)."""
        ids = self.states.unprinted(status=("print_failed",))
        for ticket_id in ids:
            try:
                row = self.printer.reconcile(self.states.row(ticket_id))
                if row.status != "issued":
                    self.states.move(ticket_id, ("print_failed",), "void")
            except ServiceError:
                pass  # shown or reprinted meanwhile
        return len(ids)

    def get(self, ticket_id: str) -> IssuedTicket:
        """One ticket as it stands now."""
        return self.states.get(ticket_id)

    def expire_stale(self) -> int:
        """At start: tickets of earlier days still waiting for the printer become void, and
        earlier days' tickets forget their holder (the hash only served the one-per-day rule).
        """
        self.states.forget_old_holders()
        ids = self.states.unprinted(before=self.clock().date().isoformat())
        for ticket_id in ids:
            # one whose job did print (its ``issued`` move lost to a power cut) is issued
            if self.printer.reconcile(self.states.row(ticket_id)).status in UNPRINTED:
                self.states.move(ticket_id, UNPRINTED, "void")
        return len(ids)

    def resume(self) -> int:
        """At start: follow again today's tickets still waiting for their print job."""
        return self.printer.resume()
