"""The printer worker: one thread that prints the store's queued jobs, one at a time.

The GUI never waits on the printer: it (or a use case) calls :meth:`PrintWorker.submit`,
which writes the job and wakes the thread. The store is the queue, so jobs survive a restart
and a reprint queued from anywhere (``kioskctl``, the staff screen) is picked up too.
Results come back through callbacks on the worker thread; ``ui/bridge.py`` re-posts them.

Every ``send`` runs under a deadline (:class:`~kiosk.devices.guard.DeviceGuard`): a driver
that hangs fails the job with reason ``timeout`` after ``send_deadline_s``, the next job gets
a fresh driver thread, and :meth:`PrintWorker.stop` returns whatever the driver does.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from drivers.printers.base import Printer, PrinterError
from kiosk.devices.guard import DeviceGuard, DeviceTimeout
from kiosk.printing.document import Document, DocumentError
from kiosk.printing.jobs import PrintJob, PrintJobs
from kiosk.printing.privacy import UnmaskedPersonalData

log = logging.getLogger(__name__)

DoneCallback = Callable[[PrintJob], None]
FailedCallback = Callable[[PrintJob, str], None]

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
        self.done_listeners: list[DoneCallback] = []
        self.failed_listeners: list[FailedCallback] = []
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Recover jobs left by a previous run, then start the thread."""
        requeued, expired = self.jobs.recover()
        if requeued or expired:
            log.info("print jobs at start: %d requeued, %d expired", requeued, expired)
        self._thread = threading.Thread(target=self._run, name="printer", daemon=True)
        self._thread.start()

    def submit(self, document: Document) -> PrintJob:
        """Queue ``document``; returns the stored job at once (a short store write)."""
        job = self.jobs.add(document)
        self._wake.set()
        return job

    def wake(self) -> None:
        """A job was written to the store by someone else (a use case's own transaction):
        print it now rather than at the next poll."""
        self._wake.set()

    def reprint(self, job_id: int) -> PrintJob:
        """Queue one of today's jobs again; raises ``JobNotFound`` otherwise."""
        job = self.jobs.reprint(job_id)
        self._wake.set()
        return job

    def stop(self, timeout_s: float = 15.0) -> None:
        """Finish the job in hand and stop; returns within ``timeout_s`` even when the
        driver hangs (the job then finishes as failed when its deadline passes)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=timeout_s)
        self._guard.close()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                job = self.jobs.claim_next()
            except Exception:
                log.exception("print queue cannot be read; retrying")
                job = None
            if job is None:
                self._wake.wait(self._poll_s)
                self._wake.clear()
                continue
            self._print(job)

    def _print(self, job: PrintJob) -> None:
        reason: str | None = None
        try:
            data = self._render(job.document)
            self._guard.call("send", lambda: self.printer.send(data), self.send_deadline_s)
        except DeviceTimeout as exc:
            reason = exc.reason
            log.warning("print job %d (%s) failed: %s", job.id, job.kind, exc)
        except PrinterError as exc:
            reason = exc.reason
            log.warning("print job %d (%s) failed: %s", job.id, job.kind, exc)
        except UnmaskedPersonalData as exc:
            reason = exc.reason
            log.error("print job %d (%s) refused: %s", job.id, job.kind, exc)
        except DocumentError as exc:
            reason = "document_unreadable"
            log.error("print job %d cannot be read: %s", job.id, exc)
        except Exception:
            reason = "error"
            log.exception("print job %d (%s) failed", job.id, job.kind)
        try:
            if reason is None:
                finished = self.jobs.mark_printed(job.id)
            else:
                finished = self.jobs.mark_failed(job.id, reason)
        except Exception:
            log.exception("print job %d result cannot be stored", job.id)
            return
        self._notify(finished, reason)

    def _notify(self, job: PrintJob, reason: str | None) -> None:
        try:
            if reason is None:
                for done in list(self.done_listeners):
                    done(job)
            else:
                for failed in list(self.failed_listeners):
                    failed(job, reason)
        except Exception:  # a broken listener must not stop the printer
            log.exception("print job listener failed")
