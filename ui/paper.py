"""The screens' paper: guide papers printed from the catalog pages, and slips followed.

Built once the core is up (so there is always a core behind them); every call queues its work
on the core's executor and answers through callbacks, never blocking the GUI thread. In demo
mode a printed paper's picture is handed to the screen that asked, as a preview.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the core's modules load after the first frame
    from kiosk.printing.outcome import PrintFuture, PrintOutcome
    from kiosk.printing.worker import PrintWorker
    from kiosk.services.guide_slip import GuideSlipPrinter
    from kiosk.workers import Executor

log = logging.getLogger(__name__)

OnResult = Callable[[str], None]


class GuidePapers:
    """The one-time notification slip, a material's sample and a referral's 办理指引.

    ``on_result`` gets the print outcome's code (``printed``, ``paper_out`` …) on the printer
    thread, or ``error`` when the job could not be queued; ``show_preview`` gets the demo's
    picture of a printed paper (posted to the GUI thread by the caller's dispatcher).
    """

    def __init__(
        self,
        printer: GuideSlipPrinter,
        tasks: Executor,
        preview: Callable[[], str],
        show_preview: Callable[[str], None],
    ) -> None:
        self._printer = printer
        self._tasks = tasks
        self._preview = preview
        self._show_preview = show_preview

    def slip(self, code: str, on_result: OnResult) -> None:
        self._queue(lambda: self._printer.print_slip(code), on_result, "slip")

    def sample(self, code: str, material: int, on_result: OnResult) -> None:
        self._queue(lambda: self._printer.print_sample(code, material), on_result, "sample")

    def referral(self, code: str, on_result: OnResult) -> None:
        self._queue(lambda: self._printer.print_referral(code), on_result, "referral")

    def _queue(self, queue: Callable[[], PrintFuture], on_result: OnResult, what: str) -> None:
        def done(outcome: PrintOutcome) -> None:  # on the printer thread
            on_result(outcome.code)
            preview = self._preview() if outcome.printed else ""
            if preview:
                self._show_preview(preview)

        def failed(exc: BaseException) -> None:
            log.error("%s not queued: %s", what, exc)
            on_result("error")

        self._tasks.submit(
            queue, on_done=lambda future: future.add_done_callback(done), on_error=failed
        )


class SlipOutcomes:
    """What the follow-up view-models watch a slip with (``watch(job_id, on_outcome)``, on
    the GUI thread), over the print worker's futures: ``"printed"`` or the failure reason.
    The future is fetched on ``tasks`` (a finished job is looked up in the store)."""

    def __init__(self, printing: PrintWorker, tasks: Executor) -> None:
        self._printing = printing
        self._tasks = tasks

    def watch(self, job_id: int, on_outcome: OnResult) -> None:
        def follow(future: PrintFuture) -> None:
            future.add_done_callback(lambda outcome: on_outcome(outcome.code))

        self._tasks.submit(
            lambda: self._printing.watch(job_id),
            on_done=follow,
            on_error=lambda _exc: on_outcome("error"),
        )
