"""An application (申请) as the apply flow hands it to the submit use case.

Built by :class:`kiosk.session.ApplySession` once the citizen confirmed the review page;
everything personal masks itself in ``repr``/``str``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from kiosk.domain.catalog import Material, MaterialSource, ServiceItem
from kiosk.domain.identity import mask_name, mask_number


class Settlement(StrEnum):
    """How one material is settled for this application (the receipt says it per material)."""

    SHARED = "shared"  # 已核验: data sharing holds it, checked for this person
    SCANNED = "scanned"  # 已扫描: scanned at the terminal's document camera
    COMMITTED = "committed"  # 已承诺: the citizen signed a written commitment on screen
    SIGNED = "signed"  # 已现场签署: signed on screen by who must sign it (授权委托书)
    CARD = "card"  # 已读卡核验: an ID card read at this terminal (an agent's own)
    BRING = "bring"  # 需到窗口: to bring / hand in at the window


@dataclass(frozen=True, repr=False)
class Document:
    """A file made during the visit for one material: a scan's PDF or a signed document.

    Personal data: it lives in the visit's memory until submission hands it to the sealed
    attachment store, and ``repr`` never shows its bytes.
    """

    kind: str  # "scan" | "signed"
    media_type: str  # "application/pdf"
    data: bytes
    pages: int = 1

    @property
    def sha256(self) -> str:
        """Content address of the file (hex)."""
        return hashlib.sha256(self.data).hexdigest()

    def __repr__(self) -> str:
        return f"Document(kind={self.kind!r}, pages={self.pages}, bytes={len(self.data)})"

    __str__ = __repr__


@dataclass(frozen=True, repr=False)
class Person:
    """Someone named in an application: from a card read or, for a principal, typed in."""

    name: str
    id_number: str
    id_type: str = "resident_id"
    from_card: bool = True

    @property
    def masked_name(self) -> str:
        """``张*丰``."""
        return mask_name(self.name)

    @property
    def masked_id_number(self) -> str:
        """``1101**********0012``."""
        return mask_number(self.id_number)

    def __repr__(self) -> str:
        return f"Person(name={self.masked_name!r}, id_number={self.masked_id_number!r})"

    __str__ = __repr__


@dataclass(frozen=True)
class MaterialChoice:
    """One material of the guide and how it was settled.

    For a commitment: ``consented_at`` and the exact ``commitment_text`` shown on screen.
    For shared data: the masked ``licence_no`` and its ``issuer`` as the check found them.
    For a scan or a signed commitment: the ``document`` made at the terminal.
    """

    index: int
    material: Material
    settlement: Settlement
    consented_at: datetime | None = None
    commitment_text: str = ""
    licence_no: str = ""
    issuer: str = ""
    document: Document | None = None

    @property
    def offered(self) -> MaterialSource:
        """What the guide allows for this material."""
        return self.material.source


@dataclass(frozen=True, repr=False)
class Authorisation:
    """Acting for someone else (代办): relationship and how the agent is authorised."""

    relationship: str  # e.g. "child", "spouse", "parent", "other"
    kind: str  # e.g. "power_of_attorney" (授权委托书), "guardian" (监护关系)

    def __repr__(self) -> str:
        return f"Authorisation(relationship={self.relationship!r}, kind={self.kind!r})"


@dataclass(frozen=True, repr=False)
class HomeService:
    """Where and how to reach the citizen for home service (上门办理)."""

    address: str
    phone: str

    def __repr__(self) -> str:
        return "HomeService(address=<hidden>, phone=<hidden>)"

    __str__ = __repr__


@dataclass(frozen=True, repr=False)
class Application:
    """Everything the submit use case needs; values are already validated and cleaned."""

    visit_id: str
    service: ServiceItem
    applicant: Person
    values: dict[str, str]
    materials: tuple[MaterialChoice, ...]
    agent: Person | None = None
    authorisation: Authorisation | None = None
    home_service: HomeService | None = None
    confirmed_at: datetime | None = None
    # The passed face checks (人证核验) the guide asked for: action, passed, distance, at.
    face_checks: tuple[dict[str, Any], ...] = ()

    def to_bring(self) -> list[str]:
        """Names of the materials still to bring or hand in at a window (an agent's own
        papers among them: :func:`kiosk.domain.agent.agent_application_materials`)."""
        return [m.material.name for m in self.materials if m.settlement is Settlement.BRING]

    def __repr__(self) -> str:
        return (
            f"Application(service={self.service.code!r}, applicant={self.applicant!r}, "
            f"agent={self.agent!r}, values=<{len(self.values)} hidden>)"
        )

    __str__ = __repr__
