"""The printer worker: one thread that prints the store's queued jobs, one at a time.

The GUI never waits on the printer: it (or a use case) calls :meth:`PrintWorker.submit`,
which writes the job and wakes the thread. The store is the queue, so jobs survive a restart
and a reprint queued from anywhere (``kioskctl``, the staff screen) is picked up too.
Each submit, reprint or watch returns a :class:`~kiosk.printing.outcome.PrintFuture` that
the printer thread settles with the outcome; callers attach callbacks to it (``ui/bridge.py``
re-posts those that touch the screen). A job nobody holds a future for (left by a previous
run, queued by ``kioskctl``) still ends in the store and, when it fails, in the log.

Every ``send`` runs under a deadline (:class:`~kiosk.devices.guard.DeviceGuard`): a driver
that hangs fails the job with reason ``timeout`` after ``send_deadline_s``, the next job gets
a fresh driver thread, and :meth:`PrintWorker.stop` returns whatever the driver does.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from drivers.printers.base import Printer, PrinterError
from kiosk.devices.guard import DeviceGuard, DeviceTimeout
from kiosk.printing.document import Document, DocumentError
from kiosk.printing.jobs import PrintJob, PrintJobs
from kiosk.printing.outcome import PrintFuture, PrintOutcome
from kiosk.printing.privacy import UnmaskedPersonalData

if TYPE_CHECKING:
    from sqlmodel import Session

log = logging.getLogger(__name__)

# Reason codes a failed job may carry (the UI maps each to a sentence for the citizen).
REASONS = (
    "paper_out",  # the printer has no paper (or ran out during the job)
    "cover_open",  # the printer's cover is open
    "offline",  # the printer says it is offline (error, feeding, …)
    "unreachable",  # no connection to the printer (cable, power, network)
    "timeout",  # the driver did not finish the job within its deadline (hung printer/driver)
    "driver_broken",  # the printer's driver plug-in cannot be loaded or built
    "unmasked_personal_data",  # refused: a full ID number was in the document
    "document_unreadable",  # the stored document cannot be read back
    "expired",  # left over from a previous day, not printed
    "error",  # anything else (see the log)
)


# How long one job's bytes may take to reach the printer (a long receipt on a 9600 baud
# serial line takes about 20 s) before the printer counts as hung.
SEND_DEADLINE_S = 60.0


class PrintWorker:
    """Prints queued jobs on its own thread and reports each outcome."""

    def __init__(
        self,
        printer: Printer,
        jobs: PrintJobs,
        render: Callable[[Document], bytes],
        poll_s: float = 2.0,
        send_deadline_s: float = SEND_DEADLINE_S,
    ) -> None:
        self.printer = printer
        self._guard = DeviceGuard(f"printer {getattr(printer, 'uri', '?')}")
        self.send_deadline_s = send_deadline_s
        self.jobs = jobs
        self._render = render
        self._poll_s = poll_s
        # The current attempt of each job someone holds a future for (settled ones leave).
        self._futures: dict[int, PrintFuture] = {}
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        # Told every job's outcome on the printer thread, whoever waits for it (the status
        # bar learns of paper out from the job that found it).
        self.outcome_listeners: list[Callable[[PrintOutcome], None]] = []

    def start(self) -> None:
        """Recover jobs left by a previous run, then start the thread."""
        requeued, expired = self.jobs.recover()
        if requeued or expired:
            log.info("print jobs at start: %d requeued, %d expired", requeued, expired)
        with self._lock:  # futures taken before the start whose jobs recovery just expired
            for job_id in list(self._futures):
                outcome = PrintOutcome.of(self.jobs.get(job_id))
                if outcome is not None:
                    self._futures.pop(job_id).settle(outcome)
        thread = threading.Thread(target=self._run, name="printer", daemon=True)
        thread.start()  # before it is published: stop() never joins an unstarted one
        self._thread = thread

    def submit(self, document: Document) -> PrintFuture:
        """Queue ``document``; returns at once (after a short store write) with the future
        of its printing."""
        with self._lock:  # the job may finish before we return: register under the lock
            future = self._follow(self.jobs.add(document))
        self._wake.set()
        return future

    def watch(self, job_id: int) -> PrintFuture:
        """The future of job ``job_id`` (written by a use case in its own transaction, or
        left by a previous run): the one already handed out if any, else a new one, settled
        at once when the store says the job has ended. Wakes the thread: print it now rather
        than at the next poll. Raises ``JobNotFound``."""
        with self._lock:
            future = self._futures.get(job_id) or self._follow(self.jobs.get(job_id))
        self._wake.set()
        return future

    def expect(self, job: PrintJob) -> PrintFuture:
        """The future of ``job``, which the caller has just added (``jobs.add`` with its
        session) in a write transaction that has not committed yet. No other connection
        sees the job before that commit, so the printer cannot have claimed it: the future
        is in place before the job can end, without reading it back. Call :meth:`wake` once
        the transaction has committed, or :meth:`forget` when it rolled back (the job's id
        may then go to another job)."""
        with self._lock:
            return self._follow(job)

    def wake(self) -> None:
        """Have the thread look for queued jobs now rather than at the next poll."""
        self._wake.set()

    def forget(self, future: PrintFuture) -> None:
        """Drop a future from :meth:`expect` whose job was rolled back with its transaction."""
        with self._lock:
            if self._futures.get(future.job_id) is future:
                del self._futures[future.job_id]

    def reprint(self, job_id: int) -> PrintFuture:
        """Queue one of today's jobs again and return the future of that attempt (of the
        attempt under way when the job is still queued or printing); raises
        ``JobNotFound`` otherwise."""
        with self._lock:
            future = self._follow(self.jobs.reprint(job_id))
        self._wake.set()
        return future

    def _follow(self, job: PrintJob) -> PrintFuture:
        """(Under the lock.) The future of ``job``'s current attempt."""
        future = self._futures.get(job.id)
        if future is not None:
            return future
        future = PrintFuture(job)
        outcome = PrintOutcome.of(job)
        if outcome is None:
            self._futures[job.id] = future
        else:
            future.settle(outcome)
        return future

    def stop(self, timeout_s: float = 15.0) -> None:
        """Finish the job in hand and stop; returns within ``timeout_s`` even when the
        driver hangs (the job then finishes as failed when its deadline passes)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=timeout_s)
        self._guard.close()

    def _run(self) -> None:
        woken = True  # jobs left by a previous run are likely
        while not self._stop.is_set():
            try:
                job = self.jobs.claim_next(look_first=not woken)
            except Exception:
                log.exception("print queue cannot be read; retrying")
                job = None
            if job is None:
                woken = self._wake.wait(self._poll_s)
                self._wake.clear()
                continue
            woken = False  # after a job there is most likely none queued
            self._print(job)

    def _print(self, job: PrintJob) -> None:
        reason: str | None = None
        detail = ""
        try:
            data = self._render(job.document)
            self._guard.call("send", lambda: self.printer.send(data), self.send_deadline_s)
        except DeviceTimeout as exc:
            reason, detail = exc.reason, str(exc)
            log.warning("print job %d (%s) failed: %s", job.id, job.kind, exc)
        except PrinterError as exc:
            reason, detail = exc.reason, str(exc)
            log.warning("print job %d (%s) failed: %s", job.id, job.kind, exc)
        except UnmaskedPersonalData as exc:
            reason, detail = exc.reason, str(exc)
            log.error("print job %d (%s) refused: %s", job.id, job.kind, exc)
        except DocumentError as exc:
            reason, detail = "document_unreadable", str(exc)
            log.error("print job %d cannot be read: %s", job.id, exc)
        except Exception as exc:
            reason, detail = "error", f"{type(exc).__name__}: {exc}"
            log.exception("print job %d (%s) failed", job.id, job.kind)
        with self._lock:
            future = self._futures.get(job.id)
        outcome = PrintOutcome(job.id, job.kind, reason, detail)
        steps = future.commit_steps() if future is not None else []
        returned: list[object] = []

        def also(session: Session) -> None:
            for step in steps:
                try:
                    with session.begin_nested():
                        returned.append(step(session, outcome))
                except Exception:
                    log.exception("print job %d: a write to go with its end failed", job.id)

        try:
            if reason is None:
                self.jobs.mark_printed(job.id, also if steps else None)
            else:
                self.jobs.mark_failed(job.id, reason, also if steps else None)
            outcome = replace(outcome, committed=tuple(r for r in returned if r is not None))
        except Exception:
            # The job stays ``printing`` and is requeued at the next start; whoever waits
            # is still told what the printer did (and writes on its own: nothing committed).
            log.exception("print job %d result cannot be stored", job.id)
        with self._lock:
            late = self._futures.pop(job.id, None)
        if future is not None:
            future.settle(outcome)
        if late is not None and late is not future:
            # Watched while the end was being recorded (the store still said ``printing``):
            # its steps did not run, so its owner writes on its own.
            late.settle(replace(outcome, committed=()))
        for listener in list(self.outcome_listeners):
            try:
                listener(outcome)
            except Exception:
                log.exception("print outcome listener failed")
