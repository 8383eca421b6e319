"""The apply flow's vocabulary: its states, where a 免提交 check stands, the refusal it
raises, and the views the pages show (fields, materials, the review).

Kept apart from :class:`kiosk.session.ApplySession`, the state machine that produces them;
``kiosk.session`` re-exports every name here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from drivers.errors import ReasonError
from kiosk.domain.application import Settlement
from kiosk.domain.catalog import FormField, Material, MaterialSource
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


@dataclass(frozen=True)
class FieldView:
    """One form field for the form page: definition, current value, locked when from card."""

    field: FormField
    value: str
    locked: bool


@dataclass(frozen=True)
class MaterialView:
    """One material for the materials page: what the guide offers and what was chosen."""

    index: int
    name: str
    note: str  # the guide's own note, shown as it is (never replaced by a generic sentence)
    offered: MaterialSource  # COMMITMENT only when the material has its own commitment text
    settlement: Settlement | None
    promise: str = ""  # what a commitment promises, for this material
    if_false: str = ""  # what follows if it is false
    lookup: Lookup = Lookup.UNCHECKED  # 免提交 only: where the data-sharing check stands
    licence_no: str = ""  # verified: the licence number, masked
    issuer: str = ""  # verified: who issued it
    pages: int = 0  # pages of the scan made for it at the terminal (SCANNED)
    max_pages: int = 0  # the most pages a scan of it may have
    agent: bool = False  # an agent's own paper (authorisation, own ID card), not the guide's
    sign_text: str = ""  # the 授权委托书 the principal present may sign here: its words
    material: Material | None = None  # the catalog's (or the agent's) material itself


@dataclass(frozen=True)
class ReviewRow:
    """One line of the review page: label and value (masked, or as typed on the citizen's
    own screen)."""

    field_id: str
    label: str
    value: str


@dataclass(frozen=True)
class ScannedMaterial:
    """A material scanned at the terminal, as the review page lists it."""

    name: str
    pages: int


@dataclass(frozen=True)
class Review:
    """The review page (核对): masked, or with what the citizen typed shown as typed."""

    service_name: str
    applicant: str
    applicant_id_number: str
    agent: str
    rows: tuple[ReviewRow, ...]
    shared: tuple[str, ...]
    committed: tuple[str, ...]
    to_bring: tuple[str, ...]
    home_service: bool
    scanned: tuple[ScannedMaterial, ...] = ()
    home_address: str = ""
    home_phone: str = ""
    signed: tuple[str, ...] = ()  # signed on screen by the principal (授权委托书)
    card_read: tuple[str, ...] = ()  # the agent's ID card, read at this terminal
