"""Referrals (不在本大厅办理): their place in the catalog format, the store, the feed and search."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from kiosk.catalog import (
    BUNDLED_SYNONYMS,
    CatalogBrowser,
    CatalogImportError,
    CatalogNotFound,
    apply_delta,
    export_document,
    import_document,
)
from kiosk.catalog.codec import catalog_from_dict, catalog_schema, catalog_to_dict
from kiosk.catalog.validation import validate_catalog
from kiosk.store import Store


def _doc(sample_catalog: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(sample_catalog)


def _browser(store: Store) -> CatalogBrowser:
    return CatalogBrowser.open(store, BUNDLED_SYNONYMS)


def test_the_sample_refers_passports_permits_licences_and_tax_elsewhere(
    sample_catalog: dict[str, Any],
) -> None:
    referrals = sample_catalog["referrals"]
    assert 8 <= len(referrals) <= 12
    names = " ".join(r["name"] for r in referrals)
    for word in ("护照", "港澳", "台湾", "驾驶证", "机动车登记", "个人所得税"):
        assert word in names
    for r in referrals:
        assert r["kind"] == "referral" and r["address"] and r["hours"] and r["bring"]
        # An invented city's office says so; a national number speaks for itself.
        assert "示范数据" in r["address"]
        assert "示范数据" in r.get("phone_note", "") or r["phone"] in ("12367", "12366")
    assert {r["online"]["name"] for r in referrals if "online" in r} >= {
        "国家移民管理局政务服务平台",
        "交管12123",
    }


def test_a_document_without_referrals_still_imports_and_exports_without_the_key(
    store: Store, sample_catalog: dict[str, Any]
) -> None:
    old = _doc(sample_catalog)
    del old["referrals"]
    assert validate_catalog(old) == []
    assert "referrals" not in catalog_to_dict(catalog_from_dict(old))
    import_document(store, old)
    assert "referrals" not in (export_document(store) or {})
    assert _browser(store).referrals() == []
    assert all(r.kind == "service" for r in _browser(store).search("护照"))


def test_referrals_round_trip_through_the_store(
    store: Store, sample_catalog: dict[str, Any]
) -> None:
    doc = _doc(sample_catalog)
    import_document(store, doc)
    assert export_document(store) == doc
    assert catalog_to_dict(catalog_from_dict(doc)) == doc
    passport = _browser(store).referral("ZZ-CRJ-001")
    assert passport.online is not None and passport.online.name == "国家移民管理局政务服务平台"
    with pytest.raises(CatalogNotFound):
        _browser(store).referral("HJ-003")  # a service is not a referral


def test_a_bad_referral_is_reported_with_its_code_and_field_and_changes_nothing(
    store: Store, sample_catalog: dict[str, Any]
) -> None:
    doc = _doc(sample_catalog)
    doc["referrals"][0]["phone"] = "请拨打"
    del doc["referrals"][1]["address"]
    doc["referrals"][2]["code"] = "HJ-003"  # clashes with a service
    issues = {(i.code, i.field) for i in validate_catalog(doc)}
    assert ("ZZ-CRJ-001", "phone") in issues
    assert ("ZZ-CRJ-002", "address") in issues
    assert ("HJ-003", "code") in issues
    with pytest.raises(CatalogImportError) as caught:
        import_document(store, doc)
    assert caught.value.reason == "invalid"
    assert export_document(store) is None


def test_the_schema_describes_referrals_as_optional() -> None:
    schema = catalog_schema()
    assert "referrals" in schema["properties"]
    assert "referrals" not in schema["required"]
    referral = schema["$defs"]["Referral"]
    assert set(referral["required"]) >= {"kind", "code", "unit", "address", "phone", "bring"}


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("护照", "ZZ-CRJ-001"),
        ("huzhao", "ZZ-CRJ-001"),
        ("驾照", "ZZ-JJ-001"),
        ("港澳通行证", "ZZ-CRJ-002"),
        ("过户", "ZZ-JJ-002"),
        ("个税", "ZZ-SW-001"),
        ("无犯罪记录证明", "ZZ-GA-001"),
    ],
)
def test_search_finds_a_referral_first_and_says_what_it_is(
    store: Store, sample_catalog: dict[str, Any], query: str, code: str
) -> None:
    import_document(store, _doc(sample_catalog))
    found = _browser(store).search(query)
    assert found, f"{query} found nothing"
    assert (found[0].code, found[0].kind) == (code, "referral")
    assert found[0].department  # the unit that handles it
    assert all(r.kind == "service" for r in _browser(store).search("社保"))


def test_the_feed_adds_and_withdraws_a_referral_and_a_service_stays_a_service(
    store: Store, sample_catalog: dict[str, Any]
) -> None:
    import_document(store, _doc(sample_catalog))
    new = {
        "kind": "referral",
        "code": "ZZ-HG-001",
        "name": "个人物品进出境申报",
        "keywords": ["海关", "报关"],
        "description": "由海关受理，本大厅不办理。",
        "unit": "示范海关",
        "address": "示范市港口路1号（示范数据：虚构城市的地址）",
        "phone": "12360",
        "hours": "周一至周五 9:00-17:00",
        "bring": "居民身份证原件",
        "version": 3,
    }
    apply_delta(store, [new], ["ZZ-CRJ-004"])
    browser = _browser(store)
    assert browser.search("海关")[0].code == "ZZ-HG-001"
    codes = [r.code for r in browser.referrals()]
    assert "ZZ-HG-001" in codes and "ZZ-CRJ-004" not in codes
    assert browser.service("HJ-003").name  # services untouched
    doc = export_document(store) or {}
    assert all(s.get("kind") != "referral" for s in doc["services"])
