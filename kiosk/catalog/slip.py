"""Content of the one-time notification slip (一次性告知单) for one service.

The notice asks that a citizen learns everything needed in ONE go. The slip lists the
conditions (受理条件), each material with its form, a mark (``shared`` = 免提交, fetched by data
sharing; ``commitment`` = 可承诺, a signed commitment may replace it), its own note, common
errors and legal basis, what an agent brings where one is allowed, the time limits, fees with
their basis, where to go and when, whom to call or complain to, the online guide (printed as a
QR code) and the catalog version it was printed from. This is data only; ``kiosk.printing``
lays it out and the screens may show the same content. Wording on paper (headings, marks)
belongs to the layout.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.domain.agent import agent_materials
from kiosk.domain.catalog import Material, MaterialForm, MaterialSource, ServiceItem


@dataclass(frozen=True)
class SlipMaterial:
    """One line of the materials list."""

    name: str
    form: MaterialForm
    copies: int
    mark: MaterialSource  # citizen: bring it; shared: 免提交; commitment: 可承诺
    note: str
    common_errors: tuple[str, ...]
    basis: str = ""  # 设定依据, law and article as one text; "" when the catalog has none
    provider: str = ""  # who issues it (来源)

    @classmethod
    def of(cls, m: Material) -> SlipMaterial:
        """The slip line of one catalog material."""
        basis = f"{m.basis.law}{m.basis.article}" if m.basis is not None else ""
        return cls(m.name, m.form, m.copies, m.source, m.note, m.common_errors, basis, m.provider)


@dataclass(frozen=True)
class NotificationSlip:
    """Everything printed on a 一次性告知单, as plain values."""

    service_code: str
    service_name: str
    department: str
    accepting_unit: str
    conditions: tuple[str, ...]
    materials: tuple[SlipMaterial, ...]
    statutory_days: int
    promised_days: int
    limit_unit: str  # DayUnit value: working (工作日) or calendar (自然日)
    fee_free: bool
    fee_lines: tuple[tuple[str, str], ...]  # (name, amount in yuan)
    fee_basis: str
    place: str
    hours: str
    consultation_phone: str
    complaint_phone: str
    visits_required: int
    online_url: str  # for the QR code
    agent_materials: tuple[SlipMaterial, ...] = ()  # what an agent brings; () if none allowed
    catalog_version: int | None = None  # the catalog the slip was printed from
    queue: str | None = None  # the line of business halls route to a window (Guide.queue)
    consultation_phone_note: str = ""  # whose number it is (a sample's invented one says so)

    @property
    def to_bring(self) -> tuple[SlipMaterial, ...]:
        """Materials the citizen has to bring (neither shared nor replaceable)."""
        return tuple(m for m in self.materials if m.mark == MaterialSource.CITIZEN)


def build_slip(item: ServiceItem, catalog_version: int | None = None) -> NotificationSlip:
    """The slip content of ``item``: materials in guide order, each with its mark."""
    g = item.guide
    return NotificationSlip(
        service_code=item.code,
        service_name=item.name,
        department=item.department,
        accepting_unit=g.accepting_unit,
        conditions=g.conditions,
        materials=tuple(SlipMaterial.of(m) for m in g.materials),
        agent_materials=tuple(SlipMaterial.of(m) for m in agent_materials(g)),
        catalog_version=catalog_version,
        queue=g.queue,
        consultation_phone_note=g.consultation.phone_note or "",
        statutory_days=g.time_limit.statutory_days,
        promised_days=g.time_limit.promised_days,
        limit_unit=g.time_limit.unit,
        fee_free=g.fees.free,
        fee_lines=tuple((f.name, f.amount_yuan) for f in g.fees.items),
        fee_basis=g.fees.basis,
        place=g.consultation.place,
        hours=g.consultation.hours or "",
        consultation_phone=g.consultation.phone,
        complaint_phone=g.complaint_phone,
        visits_required=g.visits_required,
        online_url=g.online_url,
    )
