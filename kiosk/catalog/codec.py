"""Between the JSON exchange format and the domain dataclasses, field by field.

The input is assumed valid (see :mod:`kiosk.catalog.validation`); these functions only
translate. ``item_to_dict(item_from_dict(d)) == d`` for every valid service ``d``.
"""

from __future__ import annotations

from typing import Any

from kiosk.catalog.validation import looks_personal
from kiosk.domain.catalog import (
    ApplicationForm,
    Catalog,
    Consultation,
    FaqEntry,
    FeeItem,
    Fees,
    FieldType,
    FormChoice,
    FormField,
    Guide,
    LegalBasis,
    Material,
    MaterialForm,
    MaterialSource,
    Prefill,
    ServiceItem,
    Step,
    Theme,
    TimeLimit,
)

FORMAT = "hall-kiosk-catalog/1"


def _material(d: dict[str, Any]) -> Material:
    return Material(
        name=d["name"],
        form=MaterialForm(d["form"]),
        copies=d["copies"],
        source=MaterialSource(d["source"]),
        provider=d["provider"],
        sample_template=d["sample_template"],
        common_errors=tuple(d["common_errors"]),
        note=d["note"],
    )


def _form_field(d: dict[str, Any]) -> FormField:
    return FormField(
        id=d["id"],
        label=d["label"],
        type=FieldType(d["type"]),
        required=d["required"],
        help=d.get("help", ""),
        prefill=Prefill(d["prefill"]) if "prefill" in d else None,
        choices=tuple(FormChoice(c["value"], c["label"]) for c in d.get("choices", ())),
        min=d.get("min"),
        max=d.get("max"),
        max_length=d.get("max_length", 200),
        pattern=d.get("pattern"),
        personal=d.get("personal", False),
    )


def form_from_dict(d: dict[str, Any]) -> ApplicationForm:
    """An :class:`ApplicationForm` from its JSON object."""
    return ApplicationForm(d["title"], tuple(_form_field(f) for f in d["fields"]))


def form_to_dict(form: ApplicationForm) -> dict[str, Any]:
    """The JSON object of a form; optional keys only when they differ from the default."""
    fields: list[dict[str, Any]] = []
    for f in form.fields:
        out: dict[str, Any] = {
            "id": f.id,
            "label": f.label,
            "type": f.type.value,
            "required": f.required,
        }
        if f.help:
            out["help"] = f.help
        if f.prefill is not None:
            out["prefill"] = f.prefill.value
        if f.choices:
            out["choices"] = [{"value": c.value, "label": c.label} for c in f.choices]
        for key in ("min", "max", "pattern"):
            if getattr(f, key) is not None:
                out[key] = getattr(f, key)
        if f.max_length != 200:
            out["max_length"] = f.max_length
        if f.personal:
            out["personal"] = True
        elif looks_personal(out):
            out["personal"] = False  # reviewed as not personal: keeps the lint quiet
        fields.append(out)
    return {"title": form.title, "fields": fields}


def guide_from_dict(d: dict[str, Any]) -> Guide:
    """A :class:`Guide` from its JSON object."""
    return Guide(
        legal_basis=tuple(LegalBasis(b["law"], b["article"]) for b in d["legal_basis"]),
        accepting_unit=d["accepting_unit"],
        conditions=tuple(d["conditions"]),
        steps=tuple(
            Step(s["name"], s["handler"], s["time_limit_days"], s["description"])
            for s in d["steps"]
        ),
        materials=tuple(_material(m) for m in d["materials"]),
        fees=Fees(
            free=d["fees"]["free"],
            basis=d["fees"]["basis"],
            items=tuple(FeeItem(i["name"], i["amount_yuan"]) for i in d["fees"]["items"]),
        ),
        time_limit=TimeLimit(d["time_limit"]["statutory_days"], d["time_limit"]["promised_days"]),
        result=d["result"],
        consultation=Consultation(
            d["consultation"]["phone"], d["consultation"]["place"], d["consultation"]["hours"]
        ),
        complaint_phone=d["complaint_phone"],
        visits_required=d["visits_required"],
        citywide=d["citywide"],
        appointment=d["appointment"],
        agent_allowed=d["agent_allowed"],
        home_service=d["home_service"],
        online_url=d["online_url"],
        faq=tuple(FaqEntry(f["question"], f["answer"]) for f in d["faq"]),
        form=form_from_dict(d["form"]) if "form" in d else None,
    )


def item_from_dict(d: dict[str, Any]) -> ServiceItem:
    """A :class:`ServiceItem` from one entry of ``services``."""
    return ServiceItem(
        code=d["code"],
        name=d["name"],
        description=d["description"],
        keywords=tuple(d["keywords"]),
        theme=d["theme"],
        department=d["department"],
        popularity=d["popularity"],
        guide=guide_from_dict(d["guide"]),
    )


def guide_to_dict(g: Guide) -> dict[str, Any]:
    """The JSON object of a guide (key order as in the schema, for readable diffs)."""
    out: dict[str, Any] = {
        "legal_basis": [{"law": b.law, "article": b.article} for b in g.legal_basis],
        "accepting_unit": g.accepting_unit,
        "conditions": list(g.conditions),
        "steps": [
            {
                "name": s.name,
                "handler": s.handler,
                "time_limit_days": s.time_limit_days,
                "description": s.description,
            }
            for s in g.steps
        ],
        "materials": [
            {
                "name": m.name,
                "form": m.form.value,
                "copies": m.copies,
                "source": m.source.value,
                "provider": m.provider,
                "sample_template": m.sample_template,
                "common_errors": list(m.common_errors),
                "note": m.note,
            }
            for m in g.materials
        ],
        "fees": {
            "free": g.fees.free,
            "basis": g.fees.basis,
            "items": [{"name": i.name, "amount_yuan": i.amount_yuan} for i in g.fees.items],
        },
        "time_limit": {
            "statutory_days": g.time_limit.statutory_days,
            "promised_days": g.time_limit.promised_days,
        },
        "result": g.result,
        "consultation": {
            "phone": g.consultation.phone,
            "place": g.consultation.place,
            "hours": g.consultation.hours,
        },
        "complaint_phone": g.complaint_phone,
        "visits_required": g.visits_required,
        "citywide": g.citywide,
        "appointment": g.appointment,
        "agent_allowed": g.agent_allowed,
        "home_service": g.home_service,
        "online_url": g.online_url,
        "faq": [{"question": f.question, "answer": f.answer} for f in g.faq],
    }
    if g.form is not None:
        out["form"] = form_to_dict(g.form)
    return out


def item_to_dict(item: ServiceItem) -> dict[str, Any]:
    """The JSON object of one service item."""
    return {
        "code": item.code,
        "name": item.name,
        "description": item.description,
        "keywords": list(item.keywords),
        "theme": item.theme,
        "department": item.department,
        "popularity": item.popularity,
        "guide": guide_to_dict(item.guide),
    }


def catalog_from_dict(d: dict[str, Any]) -> Catalog:
    """A whole :class:`Catalog` from a validated document."""
    return Catalog(
        version=d["version"],
        published=d["published"],
        themes=tuple(Theme(t["code"], t["name"]) for t in d["themes"]),
        services=tuple(item_from_dict(s) for s in d["services"]),
    )


def catalog_to_dict(c: Catalog) -> dict[str, Any]:
    """The exchange document of a whole catalog."""
    return {
        "format": FORMAT,
        "version": c.version,
        "published": c.published,
        "themes": [{"code": t.code, "name": t.name} for t in c.themes],
        "services": [item_to_dict(s) for s in c.services],
    }
