"""What a terminal sends through its outbox: one model per kind, and the batch envelope.

Every kind is delivered with an idempotency key (a UUID made on the terminal when the item
was accepted); central answers each key exactly once and replays that answer afterwards.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import Field, ValidationError

from kiosk.contract.base import MAX_INT32, WireModel

KEY_PATTERN = r"^[A-Za-z0-9._:-]{8,100}$"


class IntakeKind(StrEnum):
    """The outbox kinds central accepts (path segment of ``/api/v1/intake/<kind>``)."""

    SUBMISSION = "submission"
    TICKET = "ticket"
    CHECKIN = "checkin"
    EVALUATION = "evaluation"
    COMPLAINT = "complaint"
    CONSULTATION = "consultation"
    SUPPLEMENT = "supplement"


class Applicant(WireModel):
    """A person named in an item (applicant, agent, complainant). All fields are personal."""

    name: str = Field(min_length=1, max_length=100)
    id_type: str = Field(default="resident_id", max_length=40)
    id_number: str | None = Field(default=None, max_length=40)
    phone: str | None = Field(default=None, max_length=40)
    address: str | None = Field(default=None, max_length=300)
    photo: str | None = Field(default=None, description="base64 JPEG/PNG", max_length=200_000)

    def __repr__(self) -> str:  # personal data never shows up in logs or tracebacks
        return f"Applicant(name='*', id_type={self.id_type!r}, id_number='*')"

    __str__ = __repr__


class Attachment(WireModel):
    """Metadata of a scanned or photographed material; the bytes travel separately."""

    material_code: str = Field(max_length=60)
    name: str = Field(max_length=200)
    media_type: str = Field(default="image/jpeg", max_length=100)
    size_bytes: int = Field(ge=0)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    pages: int = Field(default=1, ge=1)
    commitment: bool = Field(default=False, description="replaced by a signed commitment")


# Uploads (``/api/v1/attachments/{sha256}``): a file is at most this large, sent in chunks.
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
ATTACHMENT_CHUNK_BYTES = 256 * 1024
SHA256_PATTERN = r"^[0-9a-f]{64}$"


def needs_upload(attachment: Attachment) -> bool:
    """Whether central must hold the bytes of ``attachment`` before taking its submission.

    Every attachment but a commitment sent as the hash of its text (the text itself is in
    the form's ``_materials``; terminals before signed documents sent only that)."""
    return not (attachment.commitment and attachment.media_type.startswith("text/plain"))


class AttachmentState(WireModel):
    """How much of one file central holds (``GET``/``PUT /api/v1/attachments/{sha256}``)."""

    sha256: str = Field(pattern=SHA256_PATTERN)
    received: int = Field(ge=0, description="bytes held: the offset of the next chunk")
    size_bytes: int | None = Field(default=None, ge=0, description="whole size, once announced")
    complete: bool = False


class FaceCheckRecord(WireModel):
    """A passed face check (人证核验) before an action of the application: the result, the
    embedding distance to the reference photo (the score; smaller is more alike) and when.
    Nothing personal: no image, no name."""

    action: Literal["apply", "commitment", "agent"]
    passed: bool
    distance: float | None = Field(default=None, ge=0, le=4)
    checked_at: datetime


class Submission(WireModel):
    """An application accepted at the terminal (受理). ``face_checks``: the face checks its
    guide asked for (empty from terminals before 人证核验, and for services without one)."""

    kind: Literal["submission"] = "submission"
    receipt_no: str = Field(min_length=1, max_length=40)
    hall_id: str = Field(max_length=16)
    terminal_id: str = Field(max_length=16)
    service_code: str = Field(min_length=1, max_length=60)
    service_version: int | None = None
    accepted_at: datetime
    promised_date: date | None = None
    applicant: Applicant
    agent: Applicant | None = None
    form: dict[str, Any] = Field(default_factory=dict)
    attachments: list[Attachment] = Field(default_factory=list)
    shared_materials: list[str] = Field(default_factory=list)
    face_checks: list[FaceCheckRecord] = Field(default_factory=list, max_length=3)


class TicketRecord(WireModel):
    """A queue ticket taken at the terminal (取号); ``number`` is set when issued offline."""

    kind: Literal["ticket"] = "ticket"
    ticket_id: str = Field(min_length=1, max_length=64)
    hall_id: str = Field(max_length=16)
    queue: str = Field(min_length=1, max_length=30)
    day: date
    number: int | None = Field(default=None, ge=1, le=MAX_INT32)
    taken_at: datetime
    service_code: str | None = None
    display: str | None = Field(default=None, max_length=30)
    origin: str | None = Field(
        default=None, max_length=16, description="the terminal that numbered it offline"
    )
    status: Literal["issued", "void"] = "issued"
    priority: bool = False


class AppointmentCheckIn(WireModel):
    """A citizen checked in for an appointment (预约签到)."""

    kind: Literal["checkin"] = "checkin"
    appointment_id: str = Field(min_length=1, max_length=64)
    hall_id: str = Field(max_length=16)
    checked_in_at: datetime
    ticket_id: str | None = None


class Evaluation(WireModel):
    """A rating of the service (好差评), five levels, one per visit."""

    kind: Literal["evaluation"] = "evaluation"
    visit_id: str = Field(min_length=1, max_length=64)
    hall_id: str = Field(max_length=16)
    level: int = Field(ge=1, le=5)
    reasons: list[str] = Field(default_factory=list)
    criteria: dict[str, int] = Field(
        default_factory=dict,
        description="on-site criteria (overall, efficiency, service_level, attitude) → 1..5",
    )
    comment: str = Field(default="", max_length=1000)
    receipt_no: str | None = None
    rated_at: datetime
    tracking_no: str | None = Field(
        default=None,
        max_length=40,
        description="a bad rating's 整改 tracking number as the terminal showed it (else "
        "central numbers one)",
    )


class Complaint(WireModel):
    """A complaint or report (投诉); central answers with a tracking number."""

    kind: Literal["complaint"] = "complaint"
    complaint_id: str = Field(min_length=1, max_length=64)
    hall_id: str = Field(max_length=16)
    category: str = Field(max_length=60)
    text: str = Field(min_length=1, max_length=4000)
    complainant: Applicant | None = None
    anonymous: bool = False
    filed_at: datetime
    tracking_no: str | None = Field(default=None, max_length=40)
    against_service: str | None = Field(default=None, max_length=60)
    against_window: str | None = Field(default=None, max_length=30)
    against_staff: str | None = Field(default=None, max_length=30)


class ConsultationQuestion(WireModel):
    """A question left for the department (咨询留言), answered later and looked up by number.

    ``category`` "suggestion" is a citizen's suggestion (我有建议, 群众点菜): a service to
    simplify or a proof that should not be asked for. It travels, is answered and is looked up
    like a question; central counts it apart on its figures."""

    kind: Literal["consultation"] = "consultation"
    question_id: str = Field(min_length=1, max_length=64)
    hall_id: str = Field(max_length=16)
    service_code: str | None = None
    text: str = Field(min_length=1, max_length=4000)
    asker: Applicant | None = None
    asked_at: datetime
    tracking_no: str | None = Field(default=None, max_length=40)
    topic: str = Field(default="", max_length=60)
    phone: str | None = Field(default=None, max_length=40)
    category: Literal["question", "suggestion"] = "question"


class CaseSupplement(WireModel):
    """Materials a case in 待补正 was waiting for, scanned at a terminal (补正).

    ``attachments`` name, per material staff asked for (``name``: the staff's words, as
    the case status's ``missing_materials`` carries them), the file uploaded before this
    item is sent; central refuses the item (409) until it holds every file whole."""

    kind: Literal["supplement"] = "supplement"
    supplement_id: str = Field(min_length=1, max_length=64)
    hall_id: str = Field(max_length=16)
    case_no: str = Field(min_length=1, max_length=40)
    receipt_no: str | None = Field(default=None, max_length=40)
    attachments: list[Attachment] = Field(min_length=1, max_length=50)
    supplied_at: datetime


IntakeModel = (
    Submission
    | TicketRecord
    | AppointmentCheckIn
    | Evaluation
    | Complaint
    | ConsultationQuestion
    | CaseSupplement
)

INTAKE_MODELS: dict[IntakeKind, type[WireModel]] = {
    IntakeKind.SUBMISSION: Submission,
    IntakeKind.TICKET: TicketRecord,
    IntakeKind.CHECKIN: AppointmentCheckIn,
    IntakeKind.EVALUATION: Evaluation,
    IntakeKind.COMPLAINT: Complaint,
    IntakeKind.CONSULTATION: ConsultationQuestion,
    IntakeKind.SUPPLEMENT: CaseSupplement,
}


def parse_intake(kind: str, body: Any) -> WireModel:
    """Validate ``body`` as the model of ``kind``; raises ``ValueError`` naming the problem."""
    try:
        model = INTAKE_MODELS[IntakeKind(kind)]
    except ValueError:
        raise ValueError(f"unknown intake kind {kind!r}") from None
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        raise ValueError(f"invalid {kind}: {exc.error_count()} problem(s)") from exc


class IntakeAck(WireModel):
    """Central's answer for one accepted item (first answer, or its replay)."""

    key: str
    kind: IntakeKind
    accepted_at: datetime
    case_no: str | None = Field(default=None, description="办件编号 for submissions")
    receipt_no: str | None = None
    promised_date: date | None = None
    ticket_number: int | None = None
    ticket_display: str | None = None
    tracking_no: str | None = Field(default=None, description="complaint/consultation number")


class BatchItem(WireModel):
    """One item of a batch: its own idempotency key, kind and body."""

    key: str = Field(pattern=KEY_PATTERN)
    kind: IntakeKind
    body: dict[str, Any]


class BatchRequest(WireModel):
    """``POST /api/v1/intake/batch``: up to 500 items, each answered on its own."""

    items: list[BatchItem] = Field(min_length=1, max_length=500)


class BatchItemResult(WireModel):
    """The answer for one batch item: an HTTP-like status plus the ack or an error."""

    key: str
    status: int
    ack: IntakeAck | None = None
    error: str | None = None
    replayed: bool = False
    missing: list[str] = Field(
        default_factory=list, description="409: hashes of attachments central does not hold"
    )


class BatchResponse(WireModel):
    """Answers in the order of the request's items."""

    results: list[BatchItemResult]
