"""The apply flow's states, where a 免提交 check stands, and the refusal a step raises.

Apart from the rest of the flow's vocabulary (:mod:`kiosk.session_types`) because the
screens' view-models use these before the first frame, and the rest comes with the catalog's
pydantic models, which are loaded after it (tests/unit/test_startup_imports.py).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from drivers.errors import ReasonError

if TYPE_CHECKING:
    from kiosk.forms import FieldError


class State(StrEnum):
    """Which page of the apply flow is showing."""

    CHOOSE = "choose"
    CONDITIONS = "conditions"
    IDENTIFY = "identify"
    PRINCIPAL = "principal"
    FORM = "form"
    MATERIALS = "materials"
    REVIEW = "review"
    SUBMITTED = "submitted"
    RECEIPT = "receipt"
    RATED = "rated"
    CANCELLED = "cancelled"


class Lookup(StrEnum):
    """Where the data-sharing check of a 免提交 material stands."""

    UNCHECKED = ""  # not asked yet: the citizen has not agreed to the lookup
    VERIFIED = "verified"  # found for this person (已核验)
    NOT_FOUND = "not_found"  # data sharing holds nothing: the citizen provides it
    OFFLINE = "offline"  # the platform could not be reached: provide it, or check again
    DECLINED = "declined"  # the citizen did not agree to the lookup


class Found(Protocol):
    """What a data-sharing check found for one material (``SharedDataService.Verified``)."""

    licence_no: str  # masked by the platform
    issuer: str


class FlowError(ReasonError, RuntimeError):
    """A step that is not allowed now; ``reason`` is a machine-readable code.

    ``errors`` lists the field errors when ``reason`` is ``form_invalid``.
    """

    def __init__(self, reason: str, message: str, errors: list[FieldError] | None = None) -> None:
        super().__init__(reason, message)
        self.errors = errors or []
