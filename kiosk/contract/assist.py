"""Calls for a person (呼叫工作人员): a terminal raises one, hall staff take it and close it."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from kiosk.contract.base import WireModel

# Page names and reason codes are identifiers, never free text (nothing personal travels).
CODE = r"^[A-Za-z][A-Za-z0-9_]{0,39}$"

AssistState = Literal["open", "acknowledged", "closed"]


class AssistRequest(WireModel):
    """``POST /api/v1/assist``: the citizen at this terminal asks for a person.

    ``page`` is where they are (``idCard``, ``applyForm`` …); ``reason`` what went wrong
    there, if anything (``reader_lost``, ``paper_out`` …)."""

    page: str = Field(pattern=CODE)
    reason: str = Field(default="", pattern=r"^([A-Za-z][A-Za-z0-9_]{0,39})?$")


class AssistStatus(WireModel):
    """A call as the terminal sees it: whether staff have taken it yet."""

    call_id: str
    state: AssistState
    created_at: datetime
    acknowledged_at: datetime | None = None


class AssistCall(AssistStatus):
    """A call as hall staff see it: which terminal, where, why."""

    terminal_id: str
    hall_id: str
    page: str
    reason: str = ""


class StaffAssistUpdate(WireModel):
    """Staff take a call (on their way) or close it (helped)."""

    state: Literal["acknowledged", "closed"]
