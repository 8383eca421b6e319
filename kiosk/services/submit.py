"""Submit an application: ONE transaction for the row, its outbox item, number and receipt.

:meth:`SubmitService.submit` writes, in a single ``store.session(write=True)``:

1. the next receipt number of the day, ``{hall}-{terminal}-{yymmdd}-{seq:04d}`` (the
   ``receipt_sequence`` row is bumped in the same transaction, so numbers have no gaps and
   survive a restart);
2. the ``submission`` row, without personal data;
3. its outbox item (:func:`kiosk.sync.outbox.enqueue`), personal fields sealed;
4. the receipt print job (:mod:`kiosk.printing`), masked.

A failure anywhere rolls all of it back: no receipt is printed for an application that was
not stored, and no application is stored without its receipt. Once committed, the print
worker is told (``PrintWorker.watch``) and the result carries the receipt's print future.
Offline makes no difference: the outbox delivers later and central's case number comes back
through sync.

Form values of fields marked ``personal`` travel as ``{"contact": value}`` so the outbox
seals them (``contact`` is one of :data:`kiosk.contract.PERSONAL_FIELDS`).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from drivers.errors import ReasonError
from kiosk.catalog.calendar import work_calendar
from kiosk.config import Settings
from kiosk.contract import Applicant, Attachment, FaceCheckRecord, Submission
from kiosk.contract.calendar import DayUnit, Due, WorkCalendar
from kiosk.domain.application import Application, MaterialChoice, Person, Settlement
from kiosk.domain.application import Document as VisitDocument
from kiosk.printing.document import Document
from kiosk.printing.layouts import LABELS, ReceiptData, SettledMaterial, receipt
from kiosk.printing.outcome import PrintFuture
from kiosk.printing.privacy import assert_no_full_id_number
from kiosk.printing.worker import PrintWorker
from kiosk.services.queues import HallQueues
from kiosk.store import Store
from kiosk.store.models import PrintJobRow, SubmissionRow
from kiosk.sync.attachments import AttachmentError, check_document, store_documents
from kiosk.sync.crypto import FieldCipher, split_personal
from kiosk.sync.outbox import database_dir, enqueue, iso

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]

# Printed wording of the receipt's "next step" (paper, so it lives beside the layouts' labels).
NEXT_STEP = {
    "bring": "请携带上述材料到{place}提交",
    "none": "材料已齐全，无需再到现场；办理进度可扫码或凭受理编号查询",
    "home": "工作人员将电话联系您，约定上门办理时间",
}


class SubmitError(ReasonError, RuntimeError):
    """The application cannot be submitted; ``reason``: ``invalid_application``,
    ``disk_full`` (nothing was stored), ``attachment_too_large`` or ``attachment_empty``."""


@dataclass(frozen=True)
class SubmitResult:
    """What the receipt page shows: number, promised date, and the receipt's printing."""

    submission_id: int
    receipt_no: str
    promised_date: date
    promised_days: int
    promised_unit: DayUnit
    # Counted over a year without the State Council's arrangement: shown as 预计.
    promised_estimated: bool
    print_job_id: int
    outbox_key: str
    document: Document
    # False: materials are still to be brought; the receipt is a 申请回执 (预受理) that
    # promises no date (promised_date is what it would be if completed today, not shown).
    complete: bool = True
    # The hall window for the service (取号): its letter and name; "" without queues.
    queue_code: str = ""
    queue_name: str = ""
    # None only when the service is built without a print worker (tests, benchmarks): the
    # job is in the store all the same.
    printed: PrintFuture | None = None


def _now() -> datetime:
    return datetime.now().astimezone()


def next_receipt_no(session: Session, hall_id: str, terminal_id: str, day: date) -> str:
    """Take the day's next sequence number inside the caller's write transaction."""
    stamp = day.strftime("%y%m%d")
    session.execute(
        text(
            "INSERT INTO receipt_sequence (day, last_seq) VALUES (:day, 1) "
            "ON CONFLICT(day) DO UPDATE SET last_seq = last_seq + 1"
        ),
        {"day": stamp},
    )
    seq = int(
        session.execute(
            text("SELECT last_seq FROM receipt_sequence WHERE day=:day"), {"day": stamp}
        ).scalar_one()
    )
    return f"{hall_id}-{terminal_id}-{stamp}-{seq:04d}"


class SubmitService:
    """Submits applications of one terminal; build in the composition root, pass it on."""

    def __init__(
        self,
        store: Store,
        *,
        hall_id: str,
        terminal_id: str,
        hall_name: str,
        terminal_name: str,
        progress_url: str = "",
        cipher: FieldCipher | None = None,
        clock: Clock = _now,
        printing: PrintWorker | None = None,
        calendar: Callable[[], WorkCalendar] | None = None,
        queues: HallQueues | None = None,
    ) -> None:
        self.store = store
        # The calendar as installed now (read on the submitting thread, never on the GUI's).
        self.calendar = calendar or (lambda: work_calendar(store))
        self.printing = printing
        self.queues = queues
        self.hall_id = hall_id
        self.terminal_id = terminal_id
        self.hall_name = hall_name
        self.terminal_name = terminal_name
        self.progress_url = progress_url  # e.g. "https://…/progress?r={receipt_no}"
        self.cipher = cipher
        self.clock = clock

    @classmethod
    def for_settings(
        cls,
        store: Store,
        settings: Settings,
        progress_url: str = "",
        printing: PrintWorker | None = None,
        queues: HallQueues | None = None,
        cipher: FieldCipher | None = None,
    ) -> SubmitService:
        """The service for this terminal's configured hall and terminal."""
        return cls(
            store,
            hall_id=settings.hall_id,
            terminal_id=settings.terminal_id,
            hall_name=settings.hall_name,
            terminal_name=settings.terminal_name,
            progress_url=progress_url,
            printing=printing,
            queues=queues,
            cipher=cipher,
        )

    def submit(self, app: Application) -> SubmitResult:
        """Store, queue and print ``app`` in one transaction (see the module docstring)."""
        result = self._store_application(app)
        if self.printing is None:
            return result
        return replace(result, printed=self.printing.watch(result.print_job_id))

    def _store_application(self, app: Application) -> SubmitResult:
        now = self.clock()
        limit = app.service.guide.time_limit
        days, unit = limit.promised_days, DayUnit(limit.unit)
        due = self.calendar().add(now.date(), days, unit)
        promised = due.day
        if due.estimated:
            log.info("promised date %s is estimated (no official holiday arrangement)", promised)
        # A pre-acceptance (materials still to bring) promises no date: the time limit starts
        # when the materials are complete, and the department sets the date then.
        committed = None if _to_bring(app) else promised
        documents = [(_material_code(m), m.document) for m in app.materials if m.document]
        for _, doc in documents:
            try:
                check_document(doc)
            except AttachmentError as exc:
                raise SubmitError(exc.reason, str(exc)) from None
        try:
            return self._write(app, now, due, days, unit, promised, committed, documents)
        except OperationalError as exc:
            if not _disk_full(exc):
                raise
            # Rolled back whole: nothing of this application is kept, nothing before it lost.
            log.error("cannot store an application: the terminal's disk is full")
            raise SubmitError("disk_full", "the terminal's disk is full") from None

    def _write(
        self,
        app: Application,
        now: datetime,
        due: Due,
        days: int,
        unit: DayUnit,
        promised: date,
        committed: date | None,
        documents: list[tuple[str, VisitDocument]],
    ) -> SubmitResult:
        with self.store.session(write=True) as s:
            receipt_no = next_receipt_no(s, self.hall_id, self.terminal_id, now.date())
            body = self._submission(app, receipt_no, now, committed)
            wire = body.model_dump(mode="json")
            public, _ = split_personal(wire)
            row = SubmissionRow(
                receipt_no=receipt_no,
                service_code=app.service.code,
                created_at=iso(now),
                payload=json.dumps(
                    {
                        k: public[k]
                        for k in ("service_code", "form", "attachments", "shared_materials")
                    },
                    ensure_ascii=False,
                    separators=(",", ":"),
                ),
                promised_date=committed.isoformat() if committed else None,
            )
            s.add(row)
            s.flush()
            assert row.id is not None
            if documents:
                cipher = self.cipher or FieldCipher.for_data_dir(database_dir(s))
                files, size = store_documents(s, row.id, documents, cipher, now)
                log.info("sealed %d attachment(s), %d bytes, with %s", files, size, receipt_no)
            item = enqueue(
                s,
                "submission",
                body,
                key=f"sub-{receipt_no}",
                submission_id=row.id,
                cipher=self.cipher,
                now=now,
            )
            window = self.queues.for_service(app.service.guide.queue) if self.queues else None
            data = self._receipt_data(app, receipt_no, now, due, days, unit)
            if window is not None:
                data = replace(
                    data, window=LABELS["window_value"].format(name=window.name, code=window.code)
                )
            document = receipt(data)
            assert_no_full_id_number(document.texts())
            job = PrintJobRow(
                kind=document.kind,
                reference=document.reference,
                document=document.to_json(),
                created_at=now.isoformat(timespec="seconds"),
            )
            s.add(job)
            s.flush()
            assert job.id is not None
            kind = "accepted" if data.complete else "pre-accepted, materials to bring"
            log.info("%s %s for %s", kind, receipt_no, app.service.code)
            return SubmitResult(
                submission_id=row.id,
                receipt_no=receipt_no,
                promised_date=promised,
                promised_days=days,
                promised_unit=unit,
                promised_estimated=due.estimated,
                print_job_id=job.id,
                outbox_key=item.idempotency_key,
                document=document,
                complete=data.complete,
                queue_code=window.code if window else "",
                queue_name=window.name if window else "",
            )

    def case_no(self, receipt_no: str) -> str | None:
        """Central's case number (办件编号) for ``receipt_no`` once sync brought it back."""
        with self.store.session() as s:
            found = s.execute(
                text("SELECT case_no FROM submission WHERE receipt_no=:no"), {"no": receipt_no}
            ).scalar()
        return str(found) if found else None

    # -- building the pieces ---------------------------------------------------------------

    def _submission(
        self, app: Application, receipt_no: str, now: datetime, promised: date | None
    ) -> Submission:
        form: dict[str, Any] = {}
        fields = {f.id: f for f in app.service.guide.form.fields} if app.service.guide.form else {}
        for key, value in app.values.items():
            f = fields.get(key)
            form[key] = {"contact": value} if f is None or f.personal else value
        form["_materials"] = [
            {
                "material": m.material.name,
                "settlement": m.settlement.value,
                "consented_at": iso(m.consented_at) if m.consented_at else None,
                "commitment_text": m.commitment_text or None,
            }
            for m in app.materials
        ]
        if app.authorisation is not None:
            form["_agent"] = {
                "relationship": app.authorisation.relationship,
                "authorisation": app.authorisation.kind,
                "principal_from_card": app.applicant.from_card,
            }
        if app.home_service is not None:
            form["_home_service"] = {
                "address": app.home_service.address,
                "phone": app.home_service.phone,
            }
        attachments = [_attachment(m) for m in app.materials]
        try:
            return Submission(
                receipt_no=receipt_no,
                hall_id=self.hall_id,
                terminal_id=self.terminal_id,
                service_code=app.service.code,
                accepted_at=now,
                promised_date=promised,
                applicant=_applicant(app.applicant, app.values),
                agent=_applicant(app.agent, {}) if app.agent else None,
                form=form,
                attachments=[a for a in attachments if a is not None],
                shared_materials=[
                    m.material.name for m in app.materials if m.settlement is Settlement.SHARED
                ],
                face_checks=[
                    FaceCheckRecord(
                        action=r["action"],
                        passed=r["passed"],
                        distance=r.get("distance"),
                        checked_at=r["at"],
                    )
                    for r in app.face_checks
                ],
            )
        except ValueError as exc:
            raise SubmitError("invalid_application", f"application does not fit: {exc}") from None

    def _receipt_data(
        self,
        app: Application,
        receipt_no: str,
        now: datetime,
        due: Due,
        days: int,
        unit: DayUnit,
    ) -> ReceiptData:
        guide = app.service.guide
        to_bring = _to_bring(app)
        if app.home_service is not None:
            next_step = NEXT_STEP["home"]
        elif to_bring:
            next_step = NEXT_STEP["bring"].format(place=guide.consultation.place)
        else:
            next_step = NEXT_STEP["none"]
        return ReceiptData(
            hall_name=self.hall_name,
            receipt_no=receipt_no,
            service_name=app.service.name,
            applicant=app.applicant.masked_name,
            id_number=app.applicant.masked_id_number,
            agent=app.agent.masked_name if app.agent else "",
            submitted_at=now,
            terminal_name=self.terminal_name,
            next_step=next_step,
            promised_date=due.day,
            promised_days=days,
            promised_unit=unit.value,
            promised_estimated=due.estimated,
            materials_to_bring=to_bring,
            materials_settled=_settled(app),
            complete=not to_bring,
            progress_url=self.progress_url.format(receipt_no=receipt_no)
            if self.progress_url
            else "",
            consultation_phone=guide.consultation.phone,
        )


def _settled(app: Application) -> tuple[SettledMaterial, ...]:
    """Each material of the guide and how it was settled."""
    return tuple(
        SettledMaterial(
            m.material.name,
            m.settlement.value,
            licence_no=m.licence_no,
            pages=m.document.pages if m.document is not None else 0,
        )
        for m in app.materials
    )


def _material_code(m: MaterialChoice) -> str:
    return f"M{m.index + 1:02d}"


def _attachment(m: MaterialChoice) -> Attachment | None:
    """What the submission says of a material's file: its document (a scan, or a signed
    commitment), else for a commitment without one the hash of the text agreed to."""
    doc = m.document
    if doc is not None:
        return Attachment(
            material_code=_material_code(m),
            name=m.material.name,
            media_type=doc.media_type,
            size_bytes=len(doc.data),
            sha256=doc.sha256,
            pages=doc.pages,
            commitment=doc.kind == "signed",
        )
    if m.settlement is Settlement.COMMITTED:
        return Attachment(
            material_code=_material_code(m),
            name=m.material.name,
            media_type="text/plain; charset=utf-8",
            size_bytes=len(m.commitment_text.encode()),
            sha256=hashlib.sha256(m.commitment_text.encode()).hexdigest(),
            commitment=True,
        )
    return None


def _disk_full(exc: OperationalError) -> bool:
    """SQLITE_FULL ("database or disk is full"), or the file system's ENOSPC."""
    text_ = str(exc.orig).lower()
    return "disk is full" in text_ or "no space left" in text_


def _to_bring(app: Application) -> tuple[str, ...]:
    """What the citizen must still bring (an agent's papers among them); empty: complete."""
    return tuple(app.to_bring())


def _applicant(person: Person, values: dict[str, str]) -> Applicant:
    return Applicant(
        name=person.name,
        id_type=person.id_type,
        id_number=person.id_number,
        phone=values.get("phone") or None,
    )
