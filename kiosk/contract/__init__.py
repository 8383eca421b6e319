"""The kiosk↔central wire format (pydantic models), shared with ``central/``.

Versioned: every path is under ``/api/v<API_VERSION>/``; fields are only ever added, so both
sides ignore fields they do not know (a newer central can talk to an older terminal).
"""

from __future__ import annotations

from kiosk.contract.base import (
    API_PREFIX,
    API_VERSION,
    PERSONAL_FIELDS,
    Health,
    IdHashKey,
    WireModel,
)
from kiosk.contract.cases import (
    FINAL_CASE_STATES,
    CaseLookup,
    CaseState,
    CaseStatus,
    CaseStatusList,
    CaseStatusQuery,
    DepartmentProgress,
    StaffCaseUpdate,
)
from kiosk.contract.catalog import CatalogDelta, CatalogSnapshot, CatalogUpload
from kiosk.contract.intake import (
    INTAKE_MODELS,
    Applicant,
    AppointmentCheckIn,
    Attachment,
    BatchItem,
    BatchItemResult,
    BatchRequest,
    BatchResponse,
    Complaint,
    ConsultationQuestion,
    Evaluation,
    IntakeAck,
    IntakeKind,
    Submission,
    TicketRecord,
    parse_intake,
)
from kiosk.contract.queue import (
    Appointment,
    AppointmentList,
    BookingRequest,
    FollowUpQuery,
    FollowUpStatus,
    Slot,
    SlotList,
    StaffFollowUpUpdate,
    Ticket,
    TicketRequest,
)

__all__ = [
    "API_PREFIX",
    "API_VERSION",
    "FINAL_CASE_STATES",
    "INTAKE_MODELS",
    "PERSONAL_FIELDS",
    "Applicant",
    "Appointment",
    "AppointmentCheckIn",
    "AppointmentList",
    "Attachment",
    "BatchItem",
    "BatchItemResult",
    "BatchRequest",
    "BatchResponse",
    "BookingRequest",
    "CaseLookup",
    "CaseState",
    "CaseStatus",
    "CaseStatusList",
    "CaseStatusQuery",
    "CatalogDelta",
    "CatalogSnapshot",
    "CatalogUpload",
    "Complaint",
    "ConsultationQuestion",
    "DepartmentProgress",
    "Evaluation",
    "FollowUpQuery",
    "FollowUpStatus",
    "Health",
    "IdHashKey",
    "IntakeAck",
    "IntakeKind",
    "Slot",
    "SlotList",
    "StaffCaseUpdate",
    "StaffFollowUpUpdate",
    "Submission",
    "Ticket",
    "TicketRecord",
    "TicketRequest",
    "WireModel",
    "parse_intake",
]
