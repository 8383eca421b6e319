"""Print a service's one-time notification slip (一次性告知单) and report how it went.

Joins the catalog (what the slip says) and the print worker (how it gets on paper). The caller
gets one callback per request with ``"printed"`` or the print job's reason code
(``paper_out``, ``offline`` …), on the printer thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime

from kiosk.catalog import CatalogBrowser, NotificationSlip
from kiosk.domain.catalog import MaterialForm, MaterialSource
from kiosk.printing.document import Document
from kiosk.printing.jobs import PrintJob
from kiosk.printing.layouts import SlipData, SlipMaterial, notification_slip
from kiosk.printing.worker import PrintWorker

log = logging.getLogger(__name__)

FORM_WORDS = {
    MaterialForm.ORIGINAL: "原件",
    MaterialForm.COPY: "复印件",
    MaterialForm.ORIGINAL_AND_COPY: "原件及复印件",
    MaterialForm.ELECTRONIC: "电子件",
}
SOURCE_NOTES = {
    MaterialSource.SHARED: "免提交：由部门通过数据共享获取",
    MaterialSource.COMMITMENT: "可承诺：可签署告知承诺书代替",
}


def slip_document(slip: NotificationSlip, hall_name: str, now: datetime) -> Document:
    """The printable slip for ``slip``: every material with its mark, limits, fees, place."""
    materials = tuple(
        SlipMaterial(
            name=m.name,
            copies=f"{FORM_WORDS.get(m.form, '')} {m.copies} 份".strip() if m.copies else "",
            note=SOURCE_NOTES.get(m.mark, m.note),
        )
        for m in slip.materials
    )
    fees = "" if slip.fee_free else "；".join(f"{name} {yuan} 元" for name, yuan in slip.fee_lines)
    return notification_slip(
        SlipData(
            hall_name=hall_name,
            service_code=slip.service_code,
            service_name=slip.service_name,
            accepting_unit=slip.accepting_unit,
            materials=materials,
            time_limit=(f"法定 {slip.statutory_days} 个工作日，承诺 {slip.promised_days} 个工作日"),
            fees=fees,
            where_to_go=f"{slip.place}（{slip.hours}）" if slip.hours else slip.place,
            consultation_phone=slip.consultation_phone,
            issued_at=now,
            guide_url=slip.online_url,
            visits_required=slip.visits_required,
        )
    )


class GuideSlipPrinter:
    """Queues slips and routes each job's outcome back to whoever asked for it."""

    def __init__(
        self,
        browser: CatalogBrowser,
        worker: PrintWorker,
        hall_name: str,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self._browser = browser
        self._worker = worker
        self._hall_name = hall_name
        self._clock = clock
        self._lock = threading.Lock()
        self._waiting: dict[int, Callable[[str], None]] = {}
        worker.done_listeners.append(self._done)
        worker.failed_listeners.append(self._failed)

    def print_slip(self, code: str, on_result: Callable[[str], None]) -> PrintJob:
        """Queue the slip of service ``code`` (blocking store work: call off the GUI thread)."""
        document = slip_document(self._browser.slip(code), self._hall_name, self._clock())
        with self._lock:  # the job may finish before we return: register under the lock
            job = self._worker.submit(document)
            self._waiting[job.id] = on_result
        return job

    def _done(self, job: PrintJob) -> None:
        self._finish(job, "printed")

    def _failed(self, job: PrintJob, reason: str) -> None:
        self._finish(job, reason or "error")

    def _finish(self, job: PrintJob, outcome: str) -> None:
        with self._lock:
            callback = self._waiting.pop(job.id, None)
        if callback is not None:
            try:
                callback(outcome)
            except Exception:
                log.exception("slip result callback failed")
