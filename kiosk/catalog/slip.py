"""Content of the one-time notification slip (一次性告知单) for one service.

The notice asks that a citizen learns everything needed in ONE go. The slip lists each
material with a mark (``shared`` = 免提交, fetched by data sharing; ``commitment`` = 可承诺,
a signed commitment may replace it), the time limits, fees, where to go, whom to call and the
online guide (printed as a QR code). This is data only; ``kiosk.printing`` lays it out and the
screens may show the same content. Wording on paper (headings, marks) belongs to the layout.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.domain.catalog import MaterialForm, MaterialSource, ServiceItem


@dataclass(frozen=True)
class SlipMaterial:
    """One line of the materials list."""

    name: str
    form: MaterialForm
    copies: int
    mark: MaterialSource  # citizen: bring it; shared: 免提交; commitment: 可承诺
    note: str
    common_errors: tuple[str, ...]


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
    fee_free: bool
    fee_lines: tuple[tuple[str, str], ...]  # (name, amount in yuan)
    fee_basis: str
    place: str
    hours: str
    consultation_phone: str
    complaint_phone: str
    visits_required: int
    online_url: str  # for the QR code

    @property
    def to_bring(self) -> tuple[SlipMaterial, ...]:
        """Materials the citizen has to bring (neither shared nor replaceable)."""
        return tuple(m for m in self.materials if m.mark == MaterialSource.CITIZEN)


def build_slip(item: ServiceItem) -> NotificationSlip:
    """The slip content of ``item``: materials in guide order, each with its mark."""
    g = item.guide
    return NotificationSlip(
        service_code=item.code,
        service_name=item.name,
        department=item.department,
        accepting_unit=g.accepting_unit,
        conditions=g.conditions,
        materials=tuple(
            SlipMaterial(m.name, m.form, m.copies, m.source, m.note, m.common_errors)
            for m in g.materials
        ),
        statutory_days=g.time_limit.statutory_days,
        promised_days=g.time_limit.promised_days,
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
