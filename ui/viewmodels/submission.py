"""View-model of submitting the application and of its receipt, bound as ``submission``.

The review page submits (``SubmitService.submit`` through the session, on the core's
executor; the flow is ``busy`` meanwhile); the receipt page shows the number, the promised
date, the print outcome (with a reprint) and, once central acknowledged it, the case number.
The receipt number joins the visit's receipts (the rating refers to the last one).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, QObject, QUrl, Signal, Slot

from kiosk.session_states import State
from ui.ops import Failure
from ui.viewmodels import apply_views as views
from ui.viewmodels.apply_flow import ApplyFlow

KEEP_FINISHED = 20  # print outcomes kept for a job whose number is not known yet


class SubmissionViewModel(QObject):
    """Bound as ``submission``. ``printState``: printing | printed | a failure reason."""

    changed = Signal()
    submitted = Signal()  # the receipt is ready: show the receipt page

    def __init__(self, flow: ApplyFlow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._flow = flow
        self._forget()
        flow.on_change(self.changed.emit)
        flow.on_drop(self._forget)

    def _forget(self) -> None:  # the application was dropped, or the visit ended
        self._finished_jobs: dict[int, tuple[str, str]] = {}
        self._receipt: dict[str, Any] = {}
        self._case_no = ""
        self._job_id: int | None = None
        self._print_state = ""
        self._preview = ""

    @Slot()
    def submit(self) -> None:
        """Store, queue and print the application (on the executor)."""
        flow, core = self._flow, self._flow.core
        if core is None:
            flow.ops.set_reason("not_ready")
            return
        if flow.ops.busy or flow.state is not State.REVIEW:
            return
        session, submit = flow.session, core.submit

        def done(result: Any) -> None:
            self._receipt = views.receipt_for_qml(result, flow.masked_review(), flow.detail)
            flow.visit.add_receipt(result.receipt_no)
            self._job_id = result.print_job_id
            self._print_state = "printing"
            finished = self._finished_jobs.pop(result.print_job_id, None)
            if finished is not None:
                self.print_finished(result.print_job_id, *finished)
            if core.after_submit is not None:
                core.after_submit()
            self.submitted.emit()

        flow.ops.run(lambda: session.submit(submit), done, fallback="submit_failed")

    @Slot()
    def receiptShown(self) -> None:  # noqa: N802 - Qt naming
        """The receipt page is up."""
        self._flow.receipt_shown()

    def print_finished(self, job_id: int, outcome: str, preview: str = "") -> None:
        """A print job ended (GUI thread): ``printed`` or a failure reason."""
        if job_id != self._job_id:
            self._finished_jobs[job_id] = (outcome, preview)
            while len(self._finished_jobs) > KEEP_FINISHED:
                self._finished_jobs.pop(next(iter(self._finished_jobs)))
            return
        self._print_state = outcome
        self._preview = QUrl.fromLocalFile(preview).toString() if preview else ""
        self.changed.emit()

    @Slot()
    def reprint(self) -> None:
        """Print the receipt again (after the paper was refilled)."""
        core, job_id = self._flow.core, self._job_id
        if core is None or core.reprint is None or job_id is None:
            return
        reprint = core.reprint

        def done(job: Any) -> None:
            self._job_id = job.id
            self._print_state = "printing"
            finished = self._finished_jobs.pop(job.id, None)
            if finished is not None:
                self.print_finished(job.id, *finished)

        def failed(_failure: Failure) -> None:
            self._print_state = "error"

        self._print_state = "printing"
        self._flow.ops.run(lambda: reprint(job_id), done, failed=failed, busy=False)

    @Slot()
    def closePreview(self) -> None:  # noqa: N802
        """Hide the demo print preview."""
        self._preview = ""
        self.changed.emit()

    def sync_progressed(self) -> None:
        """The outbox moved (GUI thread): look for central's case number of the receipt."""
        core = self._flow.core
        receipt_no = self._receipt.get("receipt_no", "")
        if core is None or not receipt_no or self._case_no:
            return
        lookup = core.case_no

        def found(case_no: str | None) -> None:
            if case_no and self._receipt.get("receipt_no") == receipt_no:
                self._case_no = case_no

        self._flow.ops.run(
            lambda: lookup(receipt_no), found, failed=lambda _f: None, busy=False, latest="case"
        )

    busy = Property(bool, lambda self: self._flow.ops.busy, notify=changed)
    error = Property(str, lambda self: self._flow.ops.reason, notify=changed)
    receipt = Property("QVariantMap", lambda self: self._receipt, notify=changed)  # type: ignore[arg-type]
    receiptCount = Property(int, lambda self: len(self._flow.visit.receipts), notify=changed)  # noqa: N815
    caseNo = Property(str, lambda self: self._case_no, notify=changed)  # noqa: N815
    printState = Property(str, lambda self: self._print_state, notify=changed)  # noqa: N815
    previewUrl = Property(str, lambda self: self._preview, notify=changed)  # noqa: N815
