"""The kiosk↔central wire format (pydantic models), shared with ``central/``.

Versioned: every path is under ``/api/v<API_VERSION>/``; fields are only ever added, so both
sides ignore fields they do not know (a newer central can talk to an older terminal).

The models are imported on the first use of any name below (``from kiosk.contract import
Ticket`` imports every module of the package then), not with the package: the terminal's
first frame needs the masking helpers of ``kiosk.contract.masking``, not some 80 wire models
whose pydantic schemas take tens of milliseconds to build.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the names below, for type checkers
    from kiosk.contract.assist import (
        AssistCall,
        AssistRequest,
        AssistStatus,
        StaffAssistUpdate,
    )
    from kiosk.contract.base import (
        API_PREFIX,
        API_VERSION,
        PERSONAL_FIELDS,
        Health,
        IdHashKey,
        WireModel,
        keyed_id_hash,
    )
    from kiosk.contract.cases import (
        FINAL_CASE_STATES,
        CaseAttachment,
        CaseAttachmentList,
        CaseLookup,
        CaseState,
        CaseStatus,
        CaseStatusList,
        CaseStatusQuery,
        DepartmentProgress,
        StaffCaseUpdate,
        StaffSupplementRequest,
    )
    from kiosk.contract.catalog import (
        CalendarFeed,
        CatalogDelta,
        CatalogSnapshot,
        CatalogUpload,
    )
    from kiosk.contract.certificates import (
        CertificateField,
        CertificateIssue,
        CertificateOffer,
        CertificateOffers,
        CertificateQuery,
        IssuedCertificate,
    )
    from kiosk.contract.faces import (
        MAX_PHOTO_BYTES,
        ReferencePhoto,
        ReferencePhotoQuery,
    )
    from kiosk.contract.fleet import (
        DeviceReport,
        Heartbeat,
        HeartbeatAck,
        SearchMissDay,
    )
    from kiosk.contract.intake import (
        ATTACHMENT_CHUNK_BYTES,
        INTAKE_MODELS,
        MAX_ATTACHMENT_BYTES,
        Applicant,
        AppointmentCheckIn,
        Attachment,
        AttachmentState,
        BatchItem,
        BatchItemResult,
        BatchRequest,
        BatchResponse,
        CaseSupplement,
        Complaint,
        ConsultationQuestion,
        Evaluation,
        FaceCheckRecord,
        IntakeAck,
        IntakeKind,
        Submission,
        TicketRecord,
        needs_upload,
        parse_intake,
    )
    from kiosk.contract.queue import (
        Appointment,
        AppointmentList,
        BookingRequest,
        FollowUpAppeal,
        FollowUpQuery,
        FollowUpStatus,
        Slot,
        SlotList,
        StaffFollowUpUpdate,
        Ticket,
        TicketPosition,
        TicketRequest,
    )
    from kiosk.contract.shared import (
        SharedCheck,
        SharedCheckResult,
        SharedFinding,
    )

__all__ = [
    "CertificateField",
    "CertificateIssue",
    "CertificateOffer",
    "CertificateOffers",
    "CertificateQuery",
    "IssuedCertificate",
    "MAX_PHOTO_BYTES",
    "ReferencePhoto",
    "ReferencePhotoQuery",
    "CaseAttachment",
    "CaseAttachmentList",
    "StaffSupplementRequest",
    "ATTACHMENT_CHUNK_BYTES",
    "MAX_ATTACHMENT_BYTES",
    "AttachmentState",
    "needs_upload",
    "SharedCheck",
    "SharedCheckResult",
    "SharedFinding",
    "DeviceReport",
    "Heartbeat",
    "HeartbeatAck",
    "SearchMissDay",
    "AssistCall",
    "AssistRequest",
    "AssistStatus",
    "StaffAssistUpdate",
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
    "CalendarFeed",
    "CatalogDelta",
    "CatalogSnapshot",
    "CatalogUpload",
    "Complaint",
    "ConsultationQuestion",
    "CaseSupplement",
    "DepartmentProgress",
    "Evaluation",
    "FaceCheckRecord",
    "FollowUpAppeal",
    "FollowUpQuery",
    "FollowUpStatus",
    "Health",
    "IdHashKey",
    "keyed_id_hash",
    "IntakeAck",
    "IntakeKind",
    "Slot",
    "SlotList",
    "StaffCaseUpdate",
    "StaffFollowUpUpdate",
    "Submission",
    "Ticket",
    "TicketPosition",
    "TicketRecord",
    "TicketRequest",
    "WireModel",
    "parse_intake",
]


# Loaded together on first use of any name above (the old eager import, only later).
_MODULES = (
    "assist",
    "base",
    "cases",
    "catalog",
    "certificates",
    "faces",
    "fleet",
    "intake",
    "queue",
    "shared",
)


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    public = set(__all__)
    for module_name in _MODULES:
        module = importlib.import_module(f"{__name__}.{module_name}")
        for attr in public.intersection(vars(module)):
            globals()[attr] = getattr(module, attr)  # later lookups skip this function
    return globals()[name]


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
