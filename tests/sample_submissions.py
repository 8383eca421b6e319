"""Sample outbox items for tests and benchmarks.

:func:`accept_submission` writes a submission row and its outbox item in ONE transaction, as
``SubmitService`` does (docs/ARCHITECTURE.md, "A visit, end to end", step 4).
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta

from kiosk.contract import Applicant, Attachment, Submission
from kiosk.domain.application import Document
from kiosk.store import Store
from kiosk.store.models import SubmissionRow
from kiosk.sync.attachments import store_documents
from kiosk.sync.crypto import FieldCipher
from kiosk.sync.outbox import database_dir, enqueue, iso

# The scan every sample submission names (the same bytes: stored once, uploaded once).
SAMPLE_SCAN = Document("scan", "application/pdf", b"%PDF-1.7\n" + bytes(range(256)) * 64, 1)


COMMITMENT_TEXT = "本人承诺所填信息真实有效。"


def sample_submission(
    receipt_no: str, hall_id: str = "H0001", terminal_id: str = "T01", *, scan: bool = False
) -> Submission:
    """A plausible application with made-up personal data (not a real person): a written
    commitment (its text's hash, no file), and with ``scan`` also :data:`SAMPLE_SCAN`, which
    :func:`accept_submission` stores and the sync runner uploads before the submission."""
    commitment = Attachment(
        material_code="M02",
        name="告知承诺书",
        media_type="text/plain; charset=utf-8",
        size_bytes=len(COMMITMENT_TEXT.encode()),
        sha256=hashlib.sha256(COMMITMENT_TEXT.encode()).hexdigest(),
        commitment=True,
    )
    return Submission(
        receipt_no=receipt_no,
        hall_id=hall_id,
        terminal_id=terminal_id,
        service_code="SB-0001",
        service_version=3,
        accepted_at=datetime.now(UTC),
        promised_date=date.today() + timedelta(days=10),
        applicant=Applicant(
            name="测试用户",
            id_number="11010519491231002X",
            phone="13800000000",
            address="北京市东城区示例路 1 号",
        ),
        form={"reason": "首次申领", "copies": 1},
        attachments=[
            *(
                [
                    Attachment(
                        material_code="M01",
                        name="户口簿首页",
                        media_type=SAMPLE_SCAN.media_type,
                        size_bytes=len(SAMPLE_SCAN.data),
                        sha256=SAMPLE_SCAN.sha256,
                    )
                ]
                if scan
                else []
            ),
            commitment,
        ],
    )


def accept_submission(
    store: Store, submission: Submission, cipher: FieldCipher | None = None
) -> int:
    """Write the submission row and its outbox item in one transaction; returns the row id."""
    with store.session(write=True) as s:
        row = SubmissionRow(
            receipt_no=submission.receipt_no,
            service_code=submission.service_code,
            created_at=iso(submission.accepted_at),
            # The submission table keeps no personal data: the outbox item carries it, sealed.
            payload=submission.model_dump_json(include={"service_code", "form", "attachments"}),
            promised_date=submission.promised_date.isoformat()
            if submission.promised_date
            else None,
        )
        s.add(row)
        s.flush()
        assert row.id is not None
        named = {a.sha256 for a in submission.attachments}
        if SAMPLE_SCAN.sha256 in named:
            sealer = cipher or FieldCipher.for_data_dir(database_dir(s))
            store_documents(s, row.id, [("M01", SAMPLE_SCAN)], sealer, submission.accepted_at)
        enqueue(s, "submission", submission, submission_id=row.id, cipher=cipher)
        return row.id
