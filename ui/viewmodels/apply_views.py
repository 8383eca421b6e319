"""The apply flow's core objects as plain lists and dicts for QML (no Qt here).

Personal values leave this module masked, except what the citizen typed, on the form being
filled in and on its review (they must see and check what they type, on their own screen).
Words are added in QML through qsTr; these dicts carry codes (``type``, ``source``,
``settlement``, ``next``) and the catalog's own text.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from ui.viewmodels.catalog import service_summary

if TYPE_CHECKING:  # the domain's models load after the first frame
    from kiosk.domain.catalog import ServiceItem
    from kiosk.session import FieldView, MaterialView, Review

_DIGITS_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SEPARATED_DATE = re.compile(r"^(\d{4})[./年-](\d{1,2})[./月-](\d{1,2})日?$")


def service_detail(item: ServiceItem) -> dict[str, Any]:
    """The chosen service as the conditions, materials and receipt pages show it."""
    guide = item.guide
    return {
        **service_summary(item),
        "conditions": list(guide.conditions),
        "promised_days": guide.time_limit.promised_days,
        "limit_unit": guide.time_limit.unit,
        "consult_place": guide.consultation.place,
        "consult_phone": guide.consultation.phone,
        "form_title": guide.form.title if guide.form else "",
        "face_check": [str(action) for action in guide.face_check],
    }


def fields_for_qml(views: list[FieldView]) -> list[dict[str, Any]]:
    """The form's fields; a locked (card) value only masked, an editable one as typed."""
    from kiosk.forms import masked_value

    out = []
    for v in views:
        f = v.field
        out.append(
            {
                "id": f.id,
                "label": f.label,
                "type": f.type.value,
                "required": f.required,
                "help": f.help,
                "choices": [{"value": c.value, "label": c.label} for c in f.choices],
                "locked": v.locked,
                "value": "" if v.locked else v.value,
                "display": masked_value(f, v.value) if v.locked else "",
                "max_length": f.max_length,
            }
        )
    return out


def normalise(kind: str, value: str) -> str:
    """What the screen typed, in the form the checks expect (dates as YYYY-MM-DD)."""
    from kiosk.domain.catalog import FieldType

    value = value.strip()
    if kind == FieldType.DATE.value:
        m = _DIGITS_DATE.match(value) or _SEPARATED_DATE.match(value)
        if m:
            year, month, day = m.groups()
            return f"{year}-{int(month):02d}-{int(day):02d}"
    if kind in (FieldType.PHONE.value, FieldType.ID_NUMBER.value):
        return value.replace(" ", "").upper()
    return value


def materials_for_qml(item: ServiceItem, views: list[MaterialView]) -> list[dict[str, Any]]:
    """Each material with what the guide offers, what was chosen, sample and common errors."""
    guide_materials = item.guide.materials
    out = []
    for v in views:
        m = v.material or guide_materials[v.index]
        out.append(
            {
                "index": v.index,
                "name": v.name,
                "note": v.note,
                "source": v.offered.value,
                "settlement": v.settlement.value if v.settlement else "",
                "form": m.form.value,
                "copies": m.copies,
                "provider": m.provider,
                "sample": m.sample_template or "",
                "common_errors": list(m.common_errors),
                "commitment_promise": v.promise,
                "commitment_if_false": v.if_false,
                "lookup": v.lookup.value,
                "licence_no": v.licence_no,
                "issuer": v.issuer,
                "pages": v.pages,
                "max_pages": v.max_pages,
                "agent": v.agent,
                "sign_text": v.sign_text,
            }
        )
    return out


def review_for_qml(review: Review, fields: dict[str, str]) -> dict[str, Any]:
    """The review page (masked or not, as ``review`` was built); ``fields`` maps field id to
    its type."""
    return {
        "service_name": review.service_name,
        "applicant": review.applicant,
        "applicant_id_number": review.applicant_id_number,
        "agent": review.agent,
        "rows": [
            {"id": r.field_id, "label": r.label, "value": r.value, "type": fields.get(r.field_id)}
            for r in review.rows
        ],
        "shared": list(review.shared),
        "committed": list(review.committed),
        "signed": list(review.signed),
        "card_read": list(review.card_read),
        "to_bring": list(review.to_bring),
        "scanned": [{"name": s.name, "pages": s.pages} for s in review.scanned],
        "home_service": review.home_service,
        "home_address": review.home_address,
        "home_phone": review.home_phone,
    }


def receipt_for_qml(result: Any, review: dict[str, Any], detail: dict[str, Any]) -> dict[str, Any]:
    """The receipt page: number, promised date, what to bring, where to go next."""
    to_bring = review.get("to_bring", [])
    if review.get("home_service"):
        next_step = "home"
    elif to_bring:
        next_step = "bring"
    else:
        next_step = "none"
    promised: date = result.promised_date
    return {
        "receipt_no": result.receipt_no,
        "service_name": review.get("service_name", ""),
        "applicant": review.get("applicant", ""),
        "agent": review.get("agent", ""),
        "complete": bool(result.complete),
        "queue_code": result.queue_code,
        "queue_name": result.queue_name,
        "promised_date": promised.isoformat(),
        "promised_days": result.promised_days,
        "promised_unit": result.promised_unit.value,
        "promised_estimated": result.promised_estimated,
        "to_bring": to_bring,
        "committed": review.get("committed", []),
        "next": next_step,
        "place": detail.get("consult_place", ""),
        "phone": detail.get("consult_phone", ""),
    }


def slots_for_qml(slots: list[Any]) -> list[dict[str, Any]]:
    """Free slots grouped by day: ``[{day, weekday, slots: [{start, time, available}]}]``."""
    days: dict[date, list[dict[str, Any]]] = {}
    for s in slots:
        # Shown in the hall's own time as central states it (not the terminal's zone).
        start: datetime = s.start
        end: datetime = s.end
        days.setdefault(start.date(), []).append(
            {
                "start": start.isoformat(),
                "time": f"{start:%H:%M}-{end:%H:%M}",
                "available": s.available,
            }
        )
    return [
        {"day": d.isoformat(), "weekday": d.isoweekday(), "slots": items}
        for d, items in sorted(days.items())
    ]
