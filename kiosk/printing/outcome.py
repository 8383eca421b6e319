"""How one print attempt ended, as a future the caller attaches callbacks to.

:meth:`PrintWorker.submit <kiosk.printing.worker.PrintWorker.submit>` (and ``reprint``,
``watch``) returns a :class:`PrintFuture` at once; the printer thread settles it with a
:class:`PrintOutcome` when the job is printed or has failed. A future lives in memory only:
the job itself is in the store, so after a restart the worker prints what was left and its
outcome reaches staff through the store (the staff screen, ``kioskctl print-jobs``) and the
log, while a use case that owns such jobs attaches to them again with ``PrintWorker.watch``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kiosk.printing.jobs import PrintJob

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PrintOutcome:
    """The end of one attempt. ``reason`` is None when printed, else a code such as
    ``paper_out`` (``kiosk.printing.worker.REASONS``) that the screen turns into a sentence;
    ``detail`` is the driver's own words, for the log and staff."""

    job_id: int
    kind: str
    reason: str | None = None
    detail: str = ""
    # What the future's commit steps (:meth:`PrintFuture.add_commit_step`) returned, when
    # their writes were committed with the job's end; empty when they were not (no steps,
    # or the store could not record the end): the caller then writes on its own.
    committed: tuple[object, ...] = ()

    @property
    def printed(self) -> bool:
        """Whether the printer took the whole job."""
        return self.reason is None

    @property
    def code(self) -> str:
        """``"printed"`` or the failure reason, the word the screens switch on."""
        return "printed" if self.reason is None else self.reason

    @classmethod
    def of(cls, job: PrintJob) -> PrintOutcome | None:
        """The outcome a finished job in the store records (None while it is not finished)."""
        if job.status == "printed":
            return cls(job.id, job.kind)
        if job.status == "failed":
            return cls(job.id, job.kind, job.reason or "error")
        return None


OutcomeCallback = Callable[[PrintOutcome], None]
# A write made in the transaction that records how the attempt ended (a ``sqlmodel``
# Session and the outcome so far); what it returns reaches ``PrintOutcome.committed``.
CommitStep = Callable[[Any, PrintOutcome], object]


class PrintFuture:
    """One print attempt of ``job``, settled once by the printer thread.

    Callbacks attached before it settles run on the printer thread, before :meth:`result`
    returns to anyone waiting (so a waiter sees what they did); attached later, they run at
    once on the caller's thread. A callback that raises is logged and does not stop the
    printer. Callbacks must not wait on the future they are attached to.
    """

    def __init__(self, job: PrintJob) -> None:
        self.job = job
        self._lock = threading.Lock()
        self._settled = threading.Event()
        self._outcome: PrintOutcome | None = None
        self._callbacks: list[OutcomeCallback] = []
        self._steps: list[CommitStep] = []
        self._closed = False  # the printer has taken the steps

    @property
    def job_id(self) -> int:
        """The print job's id in the store."""
        return self.job.id

    def done(self) -> bool:
        """Whether the attempt has ended."""
        return self._settled.is_set()

    def add_commit_step(self, step: CommitStep) -> None:
        """Have ``step(session, outcome)`` write in the printer thread's transaction that
        records the job's end, so that both are on disk together or neither is (a ticket is
        issued in the very commit that says its slip printed). Each step runs in its own
        savepoint: one that raises is rolled back alone and logged, and the job's end is
        recorded all the same. A step added once the printer has started recording the end
        does not run; the caller's done callback writes instead (``outcome.committed`` is
        then without it)."""
        with self._lock:
            if self._outcome is None and not self._closed:
                self._steps.append(step)

    def commit_steps(self) -> list[CommitStep]:
        """(For the print worker.) The steps to run when recording the end; none may be
        added from here on."""
        with self._lock:
            steps, self._steps = self._steps, []
            self._closed = True
            return steps

    def add_done_callback(self, callback: OutcomeCallback) -> None:
        """Call ``callback(outcome)`` once the attempt has ended."""
        with self._lock:
            outcome = self._outcome
            if outcome is None:
                self._callbacks.append(callback)
                return
        _call(callback, outcome)

    def result(self, timeout: float | None = None) -> PrintOutcome:
        """Wait for the outcome; raises :class:`TimeoutError` after ``timeout`` seconds.
        Blocks: never call it on the GUI thread."""
        if not self._settled.wait(timeout):
            raise TimeoutError(f"print job {self.job.id} has not finished")
        assert self._outcome is not None
        return self._outcome

    def settle(self, outcome: PrintOutcome) -> bool:
        """End the attempt with ``outcome`` (the print worker calls this). Only the first
        call counts; returns whether this one did."""
        with self._lock:
            if self._outcome is not None:
                return False
            self._outcome = outcome
            callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            _call(callback, outcome)
        self._settled.set()
        return True


def _call(callback: OutcomeCallback, outcome: PrintOutcome) -> None:
    try:
        callback(outcome)
    except Exception:  # one caller's mistake must not cost another caller its outcome
        log.exception("print outcome callback failed (job %d)", outcome.job_id)
