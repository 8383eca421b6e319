"""Case status (办件进度): per department when handled in parallel, with the promised date."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import Field, model_validator

from kiosk.contract.base import WireModel


class CaseState(StrEnum):
    """Where a case (or one department's part of it) stands."""

    RECEIVED = "received"
    ACCEPTED = "accepted"
    IN_PROGRESS = "in_progress"
    SUPPLEMENT_NEEDED = "supplement_needed"
    COMPLETED = "completed"
    REJECTED = "rejected"


FINAL_CASE_STATES: frozenset[CaseState] = frozenset({CaseState.COMPLETED, CaseState.REJECTED})


class DepartmentProgress(WireModel):
    """One department's progress on a case handled in parallel (并联办理)."""

    department: str = Field(min_length=1, max_length=100)
    state: CaseState
    step: str = Field(default="", max_length=100)
    note: str = Field(default="", max_length=500)
    updated_at: datetime


class CaseStatus(WireModel):
    """The status of one case as central knows it; ``version`` grows with every change."""

    case_no: str
    receipt_no: str
    service_code: str
    state: CaseState
    promised_date: date | None = None
    departments: list[DepartmentProgress] = Field(default_factory=list)
    version: int = Field(ge=1)
    updated_at: datetime
    missing_materials: list[str] = Field(
        default_factory=list, description="待补正 (supplement_needed): what staff asked for"
    )

    @property
    def is_final(self) -> bool:
        """Completed or rejected: no more updates expected."""
        return self.state in FINAL_CASE_STATES


class CaseLookup(WireModel):
    """``POST /api/v1/cases/lookup``: exactly one of the three keys.

    A POST body rather than a query string, so an ID number never lands in access logs.
    """

    case_no: str | None = None
    receipt_no: str | None = None
    id_number: str | None = Field(default=None, max_length=40)

    @model_validator(mode="after")
    def _exactly_one(self) -> CaseLookup:
        given = [v for v in (self.case_no, self.receipt_no, self.id_number) if v]
        if len(given) != 1:
            raise ValueError("give exactly one of case_no, receipt_no, id_number")
        return self

    def __repr__(self) -> str:
        return f"CaseLookup(case_no={self.case_no!r}, receipt_no={self.receipt_no!r}, id_number=…)"

    __str__ = __repr__


class CaseStatusQuery(WireModel):
    """``POST /api/v1/cases/status``: the terminal's open cases it wants fresh status for."""

    case_nos: list[str] = Field(min_length=1, max_length=500)


class CaseStatusList(WireModel):
    """A list of case statuses (lookup and status answers)."""

    cases: list[CaseStatus]


class StaffCaseUpdate(WireModel):
    """Staff API: move a case (or one department's part) to a new state."""

    state: CaseState
    department: str | None = None
    step: str = ""
    note: str = ""
    promised_date: date | None = None


class StaffSupplementRequest(WireModel):
    """Staff API: put a case into 待补正, naming the materials still needed."""

    materials: list[Annotated[str, Field(min_length=1, max_length=200)]] = Field(
        min_length=1, max_length=50
    )
    note: str = Field(default="", max_length=500)


class CaseAttachment(WireModel):
    """Staff API: one file a case's submission names, and whether central holds it."""

    material_code: str
    name: str
    media_type: str
    pages: int
    size_bytes: int
    sha256: str
    commitment: bool
    held: bool = Field(description="central holds the whole file (False: the text's hash only)")
    download: str | None = Field(default=None, description="staff download path when held")


class CaseAttachmentList(WireModel):
    """Staff API: the attachments of one case."""

    case_no: str
    attachments: list[CaseAttachment]
