"""Print a service's one-time notification slip (一次性告知单).

Joins the catalog (what the slip says) and the print worker (how it gets on paper). Each slip
gets its own number, ``{hall}-{terminal}-{yymmdd}-G{seq:04d}`` (the day's sequence kept in the
store beside the receipts', under the key ``slip-yymmdd``), so a citizen who comes back with it
and the staff who see it know which slip and which catalog version told what. The caller gets
the job's :class:`~kiosk.printing.outcome.PrintFuture` and attaches to it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy import text

from kiosk.catalog import CatalogBrowser, NotificationSlip, sample_file
from kiosk.catalog.slip import SlipMaterial as CatalogSlipMaterial
from kiosk.contract.calendar import limit_text
from kiosk.domain.catalog import MaterialForm, MaterialSource
from kiosk.printing.document import Document
from kiosk.printing.layouts import (
    LABELS,
    ReferralData,
    SampleData,
    SlipData,
    SlipMaterial,
    notification_slip,
    referral_slip,
    sample_document,
)
from kiosk.printing.outcome import PrintFuture
from kiosk.printing.worker import PrintWorker
from kiosk.services.queues import HallQueues
from kiosk.store import Store

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


def _material(m: CatalogSlipMaterial) -> SlipMaterial:
    copies = f"{FORM_WORDS.get(m.form, '')} {m.copies} 份".strip() if m.copies else ""
    return SlipMaterial(
        name=m.name,
        copies=copies,
        note=m.note,
        mark=SOURCE_NOTES.get(m.mark, ""),
        errors=m.common_errors,
        basis=m.basis,
    )


def slip_document(
    slip: NotificationSlip, hall_name: str, now: datetime, slip_no: str = "", window: str = ""
) -> Document:
    """The printable slip for ``slip``: conditions, every material with its form, mark, note,
    common errors and basis, what an agent brings, limits, fees and their basis, place and
    hours, consultation and complaint phones, the slip's number and the catalog version."""
    fees = "" if slip.fee_free else "；".join(f"{name} {yuan} 元" for name, yuan in slip.fee_lines)
    return notification_slip(
        SlipData(
            hall_name=hall_name,
            service_code=slip.service_code,
            service_name=slip.service_name,
            accepting_unit=slip.accepting_unit,
            conditions=slip.conditions,
            materials=tuple(_material(m) for m in slip.materials),
            agent_materials=tuple(_material(m) for m in slip.agent_materials),
            time_limit=slip_time_limit(slip),
            fees=fees,
            fee_basis="" if slip.fee_free else slip.fee_basis,
            where_to_go=f"{slip.place}（{slip.hours}）" if slip.hours else slip.place,
            consultation_phone=(
                f"{slip.consultation_phone}（{slip.consultation_phone_note}）"
                if slip.consultation_phone_note
                else slip.consultation_phone
            ),
            complaint_phone=slip.complaint_phone,
            issued_at=now,
            guide_url=slip.online_url,
            visits_required=slip.visits_required,
            slip_no=slip_no,
            catalog_version=str(slip.catalog_version) if slip.catalog_version else "",
            window=window,
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


def next_slip_no(store: Store, hall_id: str, terminal_id: str, day: date) -> str:
    """The day's next slip number, taken in its own write transaction."""
    stamp = day.strftime("%y%m%d")
    key = f"slip-{stamp}"
    with store.session(write=True) as s:
        s.execute(
            text(
                "INSERT INTO receipt_sequence (day, last_seq) VALUES (:day, 1) "
                "ON CONFLICT(day) DO UPDATE SET last_seq = last_seq + 1"
            ),
            {"day": key},
        )
        seq = int(
            s.execute(
                text("SELECT last_seq FROM receipt_sequence WHERE day=:day"), {"day": key}
            ).scalar_one()
        )
    return f"{hall_id}-{terminal_id}-{stamp}-G{seq:04d}"


class SampleNotShipped(LookupError):
    """The material names no sample document, or its file is not on this terminal."""


class GuideSlipPrinter:
    """Lays out a service's slip or a material's sample document, numbers it and queues it."""

    def __init__(
        self,
        browser: CatalogBrowser,
        worker: PrintWorker,
        hall_name: str,
        clock: Callable[[], datetime] = datetime.now,
        *,
        store: Store | None = None,
        hall_id: str = "",
        terminal_id: str = "",
        queues: HallQueues | None = None,
    ) -> None:
        self._browser = browser
        self._worker = worker
        self._hall_name = hall_name
        self._clock = clock
        self._store = store
        self._hall_id = hall_id
        self._terminal_id = terminal_id
        self._queues = queues

    def _next_number(self, now: datetime) -> str:
        """The next number of the day's one sequence of guide papers ("" without a store)."""
        if self._store is None:
            return ""
        return next_slip_no(self._store, self._hall_id, self._terminal_id, now.date())

    def _catalog_version(self) -> str:
        """The installed catalog's version as printed ("" when none is installed)."""
        version = self._browser.version()
        return str(version) if version else ""

    def print_slip(self, code: str) -> PrintFuture:
        """Queue the slip of service ``code`` (blocking store work: call off the GUI thread);
        the future settles when it is printed or has failed."""
        now = self._clock()
        slip = self._browser.slip(code)
        number = self._next_number(now)
        window = ""
        if self._queues is not None:
            q = self._queues.for_service(slip.queue)
            window = LABELS["window_value"].format(name=q.name, code=q.code)
        return self._worker.submit(slip_document(slip, self._hall_name, now, number, window))

    def print_referral(self, code: str) -> PrintFuture:
        """Queue the 办理指引 of referral ``code`` (不在本大厅办理), numbered in the slips'
        sequence (blocking: call off the GUI thread). Raises ``CatalogNotFound``."""
        r = self._browser.referral(code)
        now = self._clock()
        number = self._next_number(now)
        version = self._catalog_version()
        return self._worker.submit(
            referral_slip(
                ReferralData(
                    hall_name=self._hall_name,
                    code=r.code,
                    name=r.name,
                    description=r.description,
                    unit=r.unit,
                    address=r.address,
                    hours=r.hours,
                    phone=f"{r.phone}（{r.phone_note}）" if r.phone_note else r.phone,
                    bring=r.bring,
                    issued_at=now,
                    online_name=r.online.name if r.online else "",
                    online_url=r.online.url if r.online else "",
                    slip_no=number,
                    catalog_version=version,
                )
            )
        )

    def print_sample(self, code: str, material: int) -> PrintFuture:
        """Queue the sample document (示范文本) of the ``material``-th material of service
        ``code`` (blocking: call off the GUI thread). Raises :class:`SampleNotShipped` when
        that material has no shipped sample file."""
        item = self._browser.service(code)
        materials = item.guide.materials
        if not 0 <= material < len(materials):
            raise SampleNotShipped(f"{code}: no material {material}")
        chosen = materials[material]
        path = sample_file(chosen.sample_template)
        if path is None:
            raise SampleNotShipped(f"{code}: material {material} has no shipped sample")
        now = self._clock()
        number = self._next_number(now)
        version = self._catalog_version()
        return self._worker.submit(
            sample_document(
                SampleData(
                    hall_name=self._hall_name,
                    service_name=item.name,
                    material_name=chosen.name,
                    image_path=str(path),
                    issued_at=now,
                    slip_no=number,
                    catalog_version=version,
                )
            )
        )
