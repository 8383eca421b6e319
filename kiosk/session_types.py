"""The views the apply flow gives its pages: fields, materials, the review. (Its states,
where a 免提交 check stands and the refusal it raises are in :mod:`kiosk.session_states`.)

Kept apart from :class:`kiosk.session.ApplySession`, the state machine that produces them;
``kiosk.session`` re-exports every name here and there.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.domain.application import Settlement
from kiosk.domain.catalog import FormField, Material, MaterialSource
from kiosk.session_states import Lookup


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
