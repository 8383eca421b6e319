"""Helpers that keep the sample catalog's tables short: materials, steps, departments.

The city is the fictional 示范市; its phone numbers and web addresses are invented (the web
host ends in the reserved ``.example``). National hotlines (12345, 12333 …) are the real ones.
"""

from __future__ import annotations

from typing import Any

URL = "https://zwfw.shifanshi.example/guide/{code}"
HALL = "示范市政务服务中心（人民路100号）"
# A window open at other times than the hall says so; the others leave ``hours`` out and the
# terminal shows the hall's own hours (``Settings.hall_hours``), so they are written once.
HOURS_WEEKEND = "周一至周六 9:00—17:00（法定节假日除外）"
COMPLAINT = "12345"

# department → (consultation phone, place)
DEPARTMENTS: dict[str, tuple[str, str]] = {
    "示范市公安局": ("0999-86110110", f"{HALL}一楼A区 公安户政窗口"),
    "示范市民政局": ("0999-86120201", f"{HALL}二楼B区 民政综合窗口"),
    "示范市人力资源和社会保障局": ("12333", f"{HALL}一楼B区 人社综合窗口"),
    "示范市医疗保障局": ("12393", f"{HALL}一楼C区 医保综合窗口"),
    "示范市卫生健康委员会": ("12320", f"{HALL}二楼C区 卫生健康窗口"),
    "示范市教育局": ("0999-86130301", f"{HALL}三楼A区 教育窗口"),
    "示范市住房和城乡建设局": ("0999-86140401", f"{HALL}三楼B区 住房保障窗口"),
    "示范市住房公积金管理中心": ("12329", f"{HALL}三楼C区 住房公积金窗口"),
    "示范市自然资源和规划局": ("0999-86150501", f"{HALL}四楼A区 不动产登记窗口"),
    "示范市残疾人联合会": ("12385", f"{HALL}二楼D区 残疾人服务窗口"),
    "示范市文化广电旅游局": ("0999-86160601", f"{HALL}四楼B区 文化旅游窗口"),
    "示范市体育局": ("0999-86170701", f"{HALL}四楼B区 体育窗口"),
    "示范市市场监督管理局（知识产权局）": ("12315", f"{HALL}五楼A区 知识产权窗口"),
    "示范市市场监督管理局": ("12315", f"{HALL}一楼E区 企业开办专区"),
    "示范市司法局": ("12348", f"{HALL}一楼D区 公共法律服务窗口"),
    "示范市农业农村局": ("0999-86180801", f"{HALL}四楼C区 农业农村窗口"),
    "示范市政务服务管理办公室": ("12345", f"{HALL}一楼 “一件事”综合窗口"),
}


# department → the line of business halls route to a window (queues.json "services")
QUEUES: dict[str, str] = {
    "示范市公安局": "household",
    "示范市人力资源和社会保障局": "social_security",
    "示范市医疗保障局": "medical_insurance",
    "示范市自然资源和规划局": "real_estate",
    "示范市住房公积金管理中心": "housing_fund",
    "示范市民政局": "civil_affairs",
    "示范市市场监督管理局": "business",
}


def consultation(
    department: str, place: str | None = None, hours: str | None = None
) -> dict[str, str]:
    """The department's consultation phone and window (``place`` overrides the window);
    ``hours`` only where the window keeps other hours than the hall. An invented local number
    (0999-…) says it is the fictional city's; national hotlines are real."""
    phone, window = DEPARTMENTS[department]
    found = {"phone": phone, "place": place or window}
    if phone.startswith("0999-"):
        found["phone_note"] = f"{department}（示范数据：虚构城市的号码，非真实电话）"
    return found | ({"hours": hours} if hours else {})


def mat(
    name: str,
    *,
    form: str = "original",
    copies: int = 1,
    source: str = "citizen",
    provider: str = "",
    sample: str | None = None,
    errors: tuple[str, ...] | list[str] = (),
    note: str = "",
) -> dict[str, Any]:
    """One material in the exchange format."""
    return {
        "name": name,
        "form": form,
        "copies": copies,
        "source": source,
        "provider": provider,
        "sample_template": sample,
        "common_errors": list(errors),
        "note": note,
    }


def shared(name: str, provider: str, note: str = "") -> dict[str, Any]:
    """A material fetched by data sharing: the citizen brings nothing (免提交)."""
    return mat(name, form="electronic", copies=0, source="shared", provider=provider, note=note)


def promise(name: str, sample: str, errors: tuple[str, ...] = (), note: str = "") -> dict[str, Any]:
    """A certificate that a signed written commitment (告知承诺书) may replace."""
    return mat(name, source="commitment", sample=sample, errors=errors, note=note)


def id_card(who: str = "申请人", note: str = "") -> dict[str, Any]:
    """The applicant's resident ID card, checked at the window and returned."""
    return mat(
        f"{who}居民身份证",
        provider="公安机关",
        errors=("身份证已超过有效期限", "以身份证复印件或照片代替原件"),
        note=note or "也可出示电子身份证；现场核验后当场退还",
    )


ID_CARD_VERIFIED = "公安机关（在自助终端或网上读取居民身份证、电子身份证核验）"


def verified_id(material: dict[str, Any]) -> dict[str, Any]:
    """An ID card of a service that needs no visit: verified by the card read at the terminal
    or the electronic ID online, so no original is asked for (免提交)."""
    if not (material["name"].endswith("居民身份证") and material["provider"] == "公安机关"):
        return material
    return {
        **material,
        "form": "electronic",
        "copies": 0,
        "source": "shared",
        "provider": ID_CARD_VERIFIED,
        "common_errors": [],
        "note": "无需到现场出示原件；到窗口办理的，出示原件核验后当场退还",
    }


def form(name: str, sample: str, errors: tuple[str, ...], copies: int = 1) -> dict[str, Any]:
    """An application form with its sample (示范文本) and typical mistakes."""
    return mat(name, copies=copies, sample=sample, errors=errors)


def step(name: str, handler: str, days: int, description: str = "") -> dict[str, Any]:
    """One step of the process with its own time limit (in the service's unit)."""
    return {"name": name, "handler": handler, "time_limit_days": days, "description": description}


def law(name: str, article: str) -> dict[str, str]:
    """One legal basis."""
    return {"law": name, "article": article}


FREE = {"free": True, "basis": "不收费", "items": []}


def fee(basis: str, *items: tuple[str, str]) -> dict[str, Any]:
    """A charged service: the basis and each (item, amount in yuan)."""
    return {
        "free": False,
        "basis": basis,
        "items": [{"name": n, "amount_yuan": a} for n, a in items],
    }


def service(
    code: str,
    name: str,
    theme: str,
    department: str,
    description: str,
    keywords: list[str],
    *,
    popularity: int,
    legal: list[dict[str, str]],
    unit: str,
    conditions: list[str],
    steps: list[dict[str, Any]],
    materials: list[dict[str, Any]],
    days: tuple[int, int],
    result: str,
    visits: int,
    faq: list[tuple[str, str]],
    fees: dict[str, Any] | None = None,
    citywide: bool = True,
    appointment: bool = True,
    agent: bool = True,
    home: bool = False,
    face: tuple[str, ...] = (),
    place: str | None = None,
    hours: str | None = None,
    limit_unit: str = "working",
) -> dict[str, Any]:
    """One complete service item in the exchange format; ``days`` (statutory, promised) and
    the steps' days are in ``limit_unit``: ``working`` (工作日) or ``calendar`` (自然日)."""
    return {
        "code": code,
        "name": name,
        "description": description,
        "keywords": keywords,
        "theme": theme,
        "department": department,
        "popularity": popularity,
        "guide": {
            "legal_basis": legal,
            "accepting_unit": unit,
            "conditions": conditions,
            "steps": steps,
            # A service that needs no visit never asks for an original ID card.
            "materials": [verified_id(m) for m in materials] if visits == 0 else materials,
            "fees": fees or FREE,
            "time_limit": {
                "statutory_days": days[0],
                "promised_days": days[1],
                "unit": limit_unit,
            },
            "result": result,
            "consultation": consultation(department, place, hours),
            "complaint_phone": COMPLAINT,
            "visits_required": visits,
            "citywide": citywide,
            "appointment": appointment,
            "agent_allowed": agent,
            "home_service": home,
            "online_url": URL.format(code=code),
            "faq": [{"question": q, "answer": a} for q, a in faq],
            "queue": QUEUES.get(department, "general"),
            # Actions that need the face check (人证核验) first; left out when none.
            **({"face_check": list(face)} if face else {}),
        },
    }
