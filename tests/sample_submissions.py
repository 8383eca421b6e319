"""Sample outbox items for tests and benchmarks.

:func:`accept_submission` writes a submission row and its outbox item in ONE transaction, as
``SubmitService`` does (docs/ARCHITECTURE.md, "A visit, end to end", step 4).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from kiosk.contract import Applicant, Attachment, Submission
from kiosk.store import Store
from kiosk.store.models import SubmissionRow
from kiosk.sync.crypto import FieldCipher
from kiosk.sync.outbox import enqueue, iso


def sample_submission(
    receipt_no: str, hall_id: str = "H0001", terminal_id: str = "T01"
) -> Submission:
    """A plausible application with made-up personal data (not a real person)."""
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
            Attachment(
                material_code="M01",
                name="户口簿首页.jpg",
                size_bytes=123_456,
                sha256="0" * 64,
            )
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
        enqueue(s, "submission", submission, submission_id=row.id, cipher=cipher)
        return row.id
