"""Time limits carry their unit; the steps add up to the promise; the promise stays within the
law; 0 reads 即办 on the slip. Refusals name the service."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from kiosk.catalog import CatalogImportError, import_document
from kiosk.catalog.slip import build_slip
from kiosk.catalog.validation import validate_catalog
from kiosk.domain.catalog import ServiceItem
from kiosk.services.guide_slip import slip_time_limit
from kiosk.store import Store


def services(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s["code"]: s for s in doc["services"]}


# Statutory limits the law writes as "N日": calendar days (自然日).
CALENDAR_DAYS = {
    "HJ-003": 60,  # 居民身份证法
    "HJ-004": 15,  # 居住证暂行条例
    "SB-007": 60,  # 工伤保险条例
    "ZF-002": 3,  # 住房公积金管理条例
    "ZF-003": 15,  # 住房公积金管理条例
    "LS-001": 7,  # 法律援助法
}


def test_the_sample_catalog_counts_the_laws_days_in_calendar_days(
    sample_catalog: dict[str, Any],
) -> None:
    by_code = services(sample_catalog)
    for code, statutory in CALENDAR_DAYS.items():
        limit = by_code[code]["guide"]["time_limit"]
        assert (limit["unit"], limit["statutory_days"]) == ("calendar", statutory), code
    units = {s["guide"]["time_limit"]["unit"] for s in sample_catalog["services"]}
    assert units == {"working", "calendar"}
    for s in sample_catalog["services"]:
        g = s["guide"]
        assert (
            sum(step["time_limit_days"] for step in g["steps"])
            == (g["time_limit"]["promised_days"])
        ), s["code"]


def test_steps_that_do_not_add_up_or_a_promise_above_the_law_are_refused_by_name(
    sample_catalog: dict[str, Any], store: Store
) -> None:
    doc = copy.deepcopy(sample_catalog)
    by_code = services(doc)
    by_code["SA-002"]["guide"]["steps"][1]["time_limit_days"] += 3
    by_code["LS-002"]["guide"]["time_limit"]["promised_days"] = 20  # statutory 15
    del by_code["HJ-002"]["guide"]["time_limit"]["unit"]
    by_code["SY-002"]["guide"]["time_limit"]["unit"] = "weeks"
    found = {(i.code, i.message) for i in validate_catalog(doc)}
    assert ("SA-002", "the steps' days add up to 28, not to the promised 25") in found
    assert ("LS-002", "promised 20 days exceeds the statutory 15") in found
    assert any(code == "HJ-002" and msg == "is missing" for code, msg in found)
    assert any(code == "SY-002" for code, _ in found)
    with pytest.raises(CatalogImportError) as caught:
        import_document(store, doc)
    assert caught.value.reason == "invalid"
    assert {"SA-002", "LS-002", "HJ-002", "SY-002"} <= {i.code for i in caught.value.issues}


def test_the_slip_prints_the_unit_and_jiban_for_zero(sample_catalog: dict[str, Any]) -> None:
    by_code = services(sample_catalog)

    def text(code: str) -> str:
        return slip_time_limit(build_slip(ServiceItem.model_validate(by_code[code])))

    assert text("SB-007") == "法定 60 个自然日，承诺 30 个自然日"
    assert text("SB-001") == "法定 10 个工作日，承诺 5 个工作日"
    assert text("HY-001") == "即办"
    assert "0 个" not in text("SB-003")  # statutory 5, promised on the spot
    assert text("SB-003") == "法定 5 个工作日，承诺即办"
