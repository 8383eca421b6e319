"""Print a service's one-time notification slip (一次性告知单).

Joins the catalog (what the slip says) and the print worker (how it gets on paper). The caller
gets the job's :class:`~kiosk.printing.outcome.PrintFuture` and attaches to it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from kiosk.catalog import CatalogBrowser, NotificationSlip
from kiosk.contract.calendar import limit_text
from kiosk.domain.catalog import MaterialForm, MaterialSource
from kiosk.printing.document import Document
from kiosk.printing.layouts import SlipData, SlipMaterial, notification_slip
from kiosk.printing.outcome import PrintFuture
from kiosk.printing.worker import PrintWorker

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
            time_limit=slip_time_limit(slip),
            fees=fees,
            where_to_go=f"{slip.place}（{slip.hours}）" if slip.hours else slip.place,
            consultation_phone=slip.consultation_phone,
            issued_at=now,
            guide_url=slip.online_url,
            visits_required=slip.visits_required,
        )
    )


def slip_time_limit(slip: NotificationSlip) -> str:
    """The time limits as the slip prints them, in their unit; 即办 when both are 0."""
    if slip.statutory_days == 0 and slip.promised_days == 0:
        return "即办"
    statutory = limit_text(slip.statutory_days, slip.limit_unit)
    if slip.promised_days == 0:
        return f"法定 {statutory}，承诺即办"
    return f"法定 {statutory}，承诺 {limit_text(slip.promised_days, slip.limit_unit)}"


class GuideSlipPrinter:
    """Lays out a service's slip and queues it."""

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

    def print_slip(self, code: str) -> PrintFuture:
        """Queue the slip of service ``code`` (blocking store work: call off the GUI thread);
        the future settles when it is printed or has failed."""
        document = slip_document(self._browser.slip(code), self._hall_name, self._clock())
        return self._worker.submit(document)
