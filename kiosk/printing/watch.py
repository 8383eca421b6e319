"""Tell a caller how one print job ended, even if it ended before the caller asked.

A use case queues its slip and returns the job; the screen then wants "printed" or the
reason it failed. The printer thread may finish the job before the screen registers, so
recent outcomes are kept for a short while.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

from kiosk.printing.jobs import PrintJob
from kiosk.printing.worker import PrintWorker

Outcome = Callable[[str], None]


class JobWatcher:
    """Reports ``"printed"`` or the failure reason (``paper_out`` …) of watched jobs."""

    def __init__(self, worker: PrintWorker, keep: int = 50) -> None:
        self._keep = keep
        self._lock = threading.Lock()
        self._waiting: dict[int, Outcome] = {}
        self._finished: OrderedDict[int, str] = OrderedDict()
        worker.done_listeners.append(lambda job: self._finish(job, "printed"))
        worker.failed_listeners.append(lambda job, reason: self._finish(job, reason or "error"))

    def watch(self, job_id: int, on_outcome: Outcome) -> None:
        """Call ``on_outcome`` once job ``job_id`` has ended (at once if it already has)."""
        with self._lock:
            outcome = self._finished.pop(job_id, None)
            if outcome is None:
                self._waiting[job_id] = on_outcome
        if outcome is not None:
            on_outcome(outcome)

    def _finish(self, job: PrintJob, outcome: str) -> None:
        with self._lock:
            callback = self._waiting.pop(job.id, None)
            if callback is None:
                self._finished[job.id] = outcome
                while len(self._finished) > self._keep:
                    self._finished.popitem(last=False)
        if callback is not None:
            callback(outcome)
