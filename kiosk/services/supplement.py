"""补正 at the terminal: scans of the materials a case in 待补正 waits for, sent to central.

The citizen finds the case through progress (card or receipt QR); its status names what
staff asked for (``missing_materials``, in the staff's words). Once every one is scanned,
:meth:`SupplementService.supplement` keeps the files sealed in the attachment store and
queues a ``supplement`` outbox item naming them, in one transaction: accepted here or not
at all. It then hands the item to central at once (upload first with the same
:class:`kiosk.sync.attachments.Uploader` the sync runner uses, then the item under the
same idempotency key); when central is out of reach the sync runner sends it later, files
first (:meth:`kiosk.sync.runner.SyncRunner._upload_first`). The slip (补正回执) says which of
the two happened.

The key is ``supp-<case_no>-<hash of the files>``: pressing 提交补正 twice for the same
scans queues one item, and central answers a repeat from its idempotency record.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import text
from sqlmodel import select

from kiosk.contract import Attachment, BatchItem, CaseState, CaseSupplement, IntakeKind
from kiosk.domain.application import Document
from kiosk.printing.document import Document as PrintDocument
from kiosk.printing.followup_slips import SupplementSlipData, supplement_slip
from kiosk.printing.outcome import PrintFuture
from kiosk.printing.worker import PrintWorker
from kiosk.services.common import Central, ServiceError, local_now
from kiosk.store import Store
from kiosk.store.models import OutboxRow
from kiosk.sync.attachments import AttachmentError, Uploader, mark_uploaded, seal_document
from kiosk.sync.client import CentralClient, CentralError
from kiosk.sync.crypto import FieldCipher
from kiosk.sync.outbox import database_dir, enqueue, iso, utcnow

log = logging.getLogger(__name__)


class AwaitingCase(Protocol):
    """What the 补正 needs of a case: a :class:`kiosk.contract.CaseStatus`, or what the
    progress screen showed of one."""

    @property
    def case_no(self) -> str: ...

    @property
    def receipt_no(self) -> str: ...

    @property
    def state(self) -> str: ...

    @property
    def missing_materials(self) -> list[str]: ...


@dataclass(frozen=True)
class Supplied:
    """What the 补正 result page shows: the case, the materials with their pages, whether
    central took it already (``sent``) and the slip."""

    key: str
    case_no: str
    receipt_no: str
    materials: tuple[tuple[str, int], ...]
    sent: bool
    document: PrintDocument
    slip: PrintFuture | None = None


def supplement_key(case_no: str, digests: Sequence[str]) -> str:
    """The idempotency key of a 补正: the case and the files, whatever their order."""
    joined = hashlib.sha256("\n".join(sorted(digests)).encode()).hexdigest()[:16]
    return f"supp-{case_no}-{joined}"


class SupplementService:
    """Takes the scans of a case's missing materials and sends them to central."""

    def __init__(
        self,
        store: Store,
        hall_id: str,
        *,
        central: Central | None = None,
        cipher: FieldCipher | None = None,
        printing: PrintWorker | None = None,
        hall_name: str = "",
        terminal_name: str = "",
        progress_url: Callable[[str], str] | None = None,
        clock: Callable[[], datetime] = local_now,
    ) -> None:
        self.store = store
        self.hall_id = hall_id
        self.central = central or Central(None)
        self.cipher = cipher
        self.printing = printing
        self.hall_name = hall_name
        self.terminal_name = terminal_name
        self.progress_url = progress_url
        self.clock = clock

    def supplement(
        self, case: AwaitingCase, applicant: str, scans: Sequence[tuple[str, Document]]
    ) -> Supplied:
        """Accept ``scans`` (``(material as staff named it, its document)``) for ``case``;
        ``applicant`` is the masked name for the slip. Raises :class:`ServiceError`:
        ``not_awaiting`` (the case is not in 待补正), ``materials_incomplete`` (a material
        asked for has no scan, or one not asked for has), ``attachment_too_large`` /
        ``attachment_empty``, ``disk_full`` (nothing kept)."""
        if case.state != CaseState.SUPPLEMENT_NEEDED or not case.missing_materials:
            raise ServiceError("not_awaiting", "the case is not waiting for materials")
        names = [name for name, _ in scans]
        if len(set(names)) != len(names) or set(names) != set(case.missing_materials):
            raise ServiceError("materials_incomplete", "every material asked for needs a scan")
        now = self.clock()
        ordered = sorted(scans, key=lambda p: case.missing_materials.index(p[0]))
        key = supplement_key(case.case_no, [d.sha256 for _, d in ordered])
        body = CaseSupplement(
            supplement_id=key,
            hall_id=self.hall_id,
            case_no=case.case_no,
            receipt_no=case.receipt_no,
            attachments=[
                Attachment(
                    material_code=f"S{i:02d}",
                    name=name,
                    media_type=doc.media_type,
                    size_bytes=len(doc.data),
                    sha256=doc.sha256,
                    pages=doc.pages,
                )
                for i, (name, doc) in enumerate(ordered, 1)
            ],
            supplied_at=now,
        )
        self._keep(key, body, [d for _, d in ordered], now)
        sent = self._hand_over(key, body)
        materials = tuple((name, doc.pages) for name, doc in ordered)
        document = supplement_slip(
            SupplementSlipData(
                hall_name=self.hall_name,
                receipt_no=case.receipt_no,
                case_no=case.case_no,
                applicant=applicant,
                supplied_at=now,
                terminal_name=self.terminal_name,
                materials=materials,
                sent=sent,
                progress_url=self.progress_url(case.receipt_no) if self.progress_url else "",
            )
        )
        log.info(
            "supplement of %d material(s) for %s %s",
            len(materials),
            case.case_no,
            "sent" if sent else "queued",
        )
        return Supplied(
            key, case.case_no, case.receipt_no, materials, sent, document, self._print(document)
        )

    def _keep(self, key: str, body: CaseSupplement, docs: list[Document], now: datetime) -> None:
        """Seal the files and queue the item in one transaction (once per key)."""
        try:
            with self.store.session(write=True) as s:
                if s.exec(select(OutboxRow).where(OutboxRow.idempotency_key == key)).first():
                    return  # the same scans again: queued already
                cipher = self.cipher or FieldCipher.for_data_dir(database_dir(s))
                for doc in docs:
                    seal_document(s, doc, cipher, now)
                enqueue(s, IntakeKind.SUPPLEMENT.value, body, key=key, cipher=self.cipher)
        except AttachmentError as exc:
            raise ServiceError(exc.reason, str(exc)) from None
        except OSError as exc:
            log.error("cannot keep a supplement: %s", type(exc).__name__)
            raise ServiceError("disk_full", "the terminal cannot store the scans") from None

    def _hand_over(self, key: str, body: CaseSupplement) -> bool:
        """Send now: files first, then the item. False: the outbox sends it later."""
        if not self.central.configured:
            return False
        cipher = self.cipher or FieldCipher.for_data_dir(self.store.path.parent)
        digests = [a.sha256 for a in body.attachments]
        item = BatchItem(key=key, kind=IntakeKind.SUPPLEMENT, body=body.model_dump(mode="json"))
        try:

            def send(client: CentralClient) -> bool:
                uploader = Uploader(self.store, client, cipher)
                for digest in digests:
                    uploader.upload(digest)
                    mark_uploaded(self.store, digest)
                reply = client.send_batch([item])
                result = next((r for r in reply.results if r.key == key), None)
                return result is not None and result.ack is not None

            done = self.central.call(send)
        except (CentralError, AttachmentError) as exc:
            log.info("supplement not handed over now (%s): the outbox sends it", exc.reason)
            return False
        if done:
            self._mark_sent(key)
        else:
            log.warning("central did not take the supplement now: the outbox retries")
        return done

    def _mark_sent(self, key: str) -> None:
        """The item central acknowledged is not sent again (if the sync worker claimed it
        meanwhile, central answers its send from the idempotency record)."""
        with self.store.session(write=True) as s:
            s.execute(
                text(
                    "UPDATE outbox SET state='sent', sent_at=:now, last_error=NULL, "
                    "error_kind=NULL WHERE idempotency_key=:k AND state='pending'"
                ),
                {"now": iso(utcnow()), "k": key},
            )

    def _print(self, document: PrintDocument) -> PrintFuture | None:
        """Queue the slip; a printer problem does not undo the 补正."""
        if self.printing is None:
            return None
        try:
            return self.printing.submit(document)
        except Exception:
            log.exception("supplement slip could not be queued")
            return None
