"""The bundled sample catalog is valid and as complete as the notice asks."""

from __future__ import annotations

import json
from typing import Any

from kiosk.catalog import BUNDLED_SYNONYMS
from kiosk.catalog.codec import catalog_from_dict, catalog_to_dict
from kiosk.catalog.lint import lint_catalog
from kiosk.catalog.validation import validate_catalog
from kiosk.domain.catalog import Guide

GUIDE_FIELDS = {name for name, field in Guide.model_fields.items() if field.is_required()}
REQUIRED_THEMES = {
    "生育收养", "户籍办理", "社会保障", "就业创业", "医疗卫生", "教育", "住房保障",
    "婚姻登记", "残疾人服务", "养老服务", "文化体育", "扶贫救助", "知识产权", "法律服务",
    "企业开办",
}  # fmt: skip
# Consultations: a citizen asks, nothing is handed in, so the guide lists no materials.
CONSULTATIONS = {"JY-004", "LS-004"}
# 文化体育's only commitment (a "proof" of keeping a code of ethics) had no legal basis and
# was removed, as the notice 二(二) asks; no other material of the theme can be replaced.
# 婚姻登记's declaration is signed before the registrar, not a commitment replacing a proof.
NO_COMMITMENT_THEMES = {"culture_sports", "marriage"}


def test_sample_catalog_validates(sample_catalog: dict[str, Any]) -> None:
    assert validate_catalog(sample_catalog) == []


def test_sample_has_at_least_sixty_services_in_every_theme(sample_catalog: dict[str, Any]) -> None:
    assert len(sample_catalog["services"]) >= 60
    names = {t["code"]: t["name"] for t in sample_catalog["themes"]}
    assert set(names.values()) == REQUIRED_THEMES
    used = {names[s["theme"]] for s in sample_catalog["services"]}
    assert used == REQUIRED_THEMES


def test_every_theme_has_a_shared_and_a_commitment_material(sample_catalog: dict[str, Any]) -> None:
    sources: dict[str, set[str]] = {}
    for s in sample_catalog["services"]:
        for m in s["guide"]["materials"]:
            sources.setdefault(s["theme"], set()).add(m["source"])
    for theme in (t["code"] for t in sample_catalog["themes"]):
        wanted = {"shared"} if theme in NO_COMMITMENT_THEMES else {"shared", "commitment"}
        assert wanted <= sources.get(theme, set()), theme


def test_every_material_names_its_legal_basis(sample_catalog: dict[str, Any]) -> None:
    assert lint_catalog(catalog_from_dict(sample_catalog)) == []
    for s in sample_catalog["services"]:
        for m in s["guide"]["materials"]:
            assert m["basis"]["law"].startswith("《") and m["basis"]["article"], (s["code"], m)


def test_a_service_that_needs_no_visit_asks_for_no_original_id_card(
    sample_catalog: dict[str, Any],
) -> None:
    for s in sample_catalog["services"]:
        for m in s["guide"]["materials"]:
            if s["guide"]["visits_required"] == 0 and "身份证" in m["name"]:
                assert m["source"] == "shared" and m["form"] == "electronic", (s["code"], m)


def test_every_commitment_is_the_materials_own_and_keeps_its_note(
    sample_catalog: dict[str, Any],
) -> None:
    texts = []
    for s in sample_catalog["services"]:
        for m in s["guide"]["materials"]:
            if m["source"] == "commitment":
                c = m["commitment"]
                assert c["promise"] and c["if_false"].startswith("如"), (s["code"], m["name"])
                texts.append(c["promise"])
            elif "面前亲笔签署" in m["note"]:
                assert "commitment" not in m, (s["code"], m["name"])
    assert len(set(texts)) >= 15  # one per kind of proof, not one text for all
    wedding = next(s for s in sample_catalog["services"] if s["code"] == "HY-001")
    statement = next(m for m in wedding["guide"]["materials"] if m["name"] == "申请结婚登记声明书")
    assert statement["source"] == "citizen" and "须在登记员面前亲笔签署" in statement["note"]


def test_invented_phone_numbers_say_they_are_the_fictional_citys(
    sample_catalog: dict[str, Any],
) -> None:
    for s in sample_catalog["services"]:
        c = s["guide"]["consultation"]
        if c["phone"].startswith("0999-"):
            assert "示范市" in c["phone_note"] and "虚构" in c["phone_note"], s["code"]
        else:  # a real national hotline (12333, 12345 …) needs no such note
            assert len(c["phone"]) == 5 and "phone_note" not in c, s["code"]


def test_every_sample_document_a_guide_names_is_shipped(sample_catalog: dict[str, Any]) -> None:
    from kiosk.catalog import ASSETS_DIR

    named = {
        m["sample_template"]
        for s in sample_catalog["services"]
        for m in s["guide"]["materials"]
        if m["sample_template"]
    }
    assert len(named) >= 40
    shipped = {p.name for p in (ASSETS_DIR / "samples").glob("*.png")}
    assert named - shipped == set()  # no dangling reference
    assert shipped - named == set()  # and no file nobody names


def test_consultations_list_no_materials(sample_catalog: dict[str, Any]) -> None:
    by_code = {s["code"]: s for s in sample_catalog["services"]}
    for code in CONSULTATIONS:
        assert "咨询" in by_code[code]["name"]
        assert by_code[code]["guide"]["materials"] == [], code


def test_marriage_follows_the_2025_regulation(sample_catalog: dict[str, Any]) -> None:
    by_code = {s["code"]: s for s in sample_catalog["services"]}
    for code in ("HY-001", "HY-002", "HY-003"):
        names = [m["name"] for m in by_code[code]["guide"]["materials"]]
        assert not any("户口簿" in n for n in names), (code, names)
    for code in ("HY-001", "HY-002"):
        assert any("全国通办" in c for c in by_code[code]["guide"]["conditions"]), code
        assert any("2025" in b["law"] for b in by_code[code]["guide"]["legal_basis"]), code
    wedding = by_code["HY-001"]["guide"]
    assert not any("户口" in c for c in wedding["conditions"])
    assert not any(
        "户口簿" in f["question"] + f["answer"] and "不需要" not in f["answer"]
        for f in wedding["faq"]
    )


def test_every_guide_is_complete(sample_catalog: dict[str, Any]) -> None:
    for s in sample_catalog["services"]:
        g = s["guide"]
        assert set(g) - {"form", "queue", "face_check"} == GUIDE_FIELDS, s["code"]
        assert g["queue"], s["code"]  # every sample service names its window
        assert len(g["steps"]) >= 2, s["code"]
        assert bool(g["materials"]) is (s["code"] not in CONSULTATIONS), s["code"]
        assert g["faq"] and g["legal_basis"], s["code"]
        assert s["keywords"] and s["description"], s["code"]
        for m in g["materials"]:
            if m["source"] == "citizen" and m["sample_template"] is not None:
                assert m["common_errors"], (s["code"], m["name"])
            if m["source"] == "shared":
                assert m["provider"], (s["code"], m["name"])
        assert g["fees"]["free"] or g["fees"]["items"], s["code"]


def test_notice_start_up_services_are_present(sample_catalog: dict[str, Any]) -> None:
    keywords = {k for s in sample_catalog["services"] for k in s["keywords"]}
    assert {"政策支持", "法律咨询", "知识产权保护", "技能培训", "信息咨询"} <= keywords


def test_must_have_services_are_present(sample_catalog: dict[str, Any]) -> None:
    by_name = {s["name"]: s for s in sample_catalog["services"]}
    assert "社保卡" in by_name["社会保障卡申领"]["keywords"]
    assert "结婚登记" in by_name
    assert any("医疗保险" in n and "医保" in s["keywords"] for n, s in by_name.items())
    assert sum("户口" in n for n in by_name) >= 2


def test_codec_round_trip_is_lossless(sample_catalog: dict[str, Any]) -> None:
    assert catalog_to_dict(catalog_from_dict(sample_catalog)) == sample_catalog


def test_synonym_file_is_well_formed() -> None:
    data = json.loads(BUNDLED_SYNONYMS.read_text(encoding="utf-8"))
    assert all(len(g) >= 2 and all(isinstance(t, str) and t for t in g) for g in data["groups"])


def test_at_least_fifteen_services_carry_a_form_with_card_prefilled_identity(
    sample_catalog: dict[str, Any],
) -> None:
    with_form = [s for s in sample_catalog["services"] if "form" in s["guide"]]
    assert len(with_form) >= 15
    for s in with_form:
        prefilled = {f.get("prefill") for f in s["guide"]["form"]["fields"]}
        assert {"name", "id_number"} <= prefilled, s["code"]


def test_business_theme_bundles_the_start_up_and_follows_the_registration_rules(
    sample_catalog: dict[str, Any],
) -> None:
    by_code = {s["code"]: s for s in sample_catalog["services"] if s["theme"] == "business"}
    assert set(by_code) == {"QY-001", "QY-002", "QY-003", "QY-004", "QY-005"}
    bundle = by_code["QY-001"]["guide"]
    steps = " ".join(s["name"] for s in bundle["steps"])
    for part in ("设立登记", "公章", "发票", "社保", "公积金", "银行"):
        assert part in steps, part
    # One application, done in 1-3 working days; registration itself within 3 (条例 第十九条).
    assert bundle["time_limit"] == {"statutory_days": 3, "promised_days": 2, "unit": "working"}
    for code, s in by_code.items():
        g = s["guide"]
        assert g["queue"] == "business", code
        assert g["fees"]["free"], code  # registration is free
        assert any("市场主体登记管理条例" in b["law"] for b in g["legal_basis"]), code
        assert sum(st["time_limit_days"] for st in g["steps"]) == g["time_limit"]["promised_days"]
        for m in g["materials"]:
            if m["name"].endswith("申请书") or m["name"].endswith("申请表"):
                assert m["sample_template"], (code, m["name"])
    # Simplified deregistration: the 20-day public notice of 第三十三条, the investors' promise.
    dereg = by_code["QY-004"]["guide"]
    assert any("20日" in c for c in dereg["conditions"])
    promise = next(m for m in dereg["materials"] if m["name"] == "全体投资人承诺书")
    assert promise["basis"]["article"] == "第三十三条"
    # Self-printing the licence: 即办, nothing but the ID card read at the printer.
    printing = by_code["QY-005"]["guide"]
    assert printing["time_limit"]["promised_days"] == 0
    assert [m["name"] for m in printing["materials"]] == ["法定代表人（负责人、经营者）居民身份证"]
    assert not printing["agent_allowed"]


def test_employment_refers_licences_to_the_business_theme(sample_catalog: dict[str, Any]) -> None:
    by_code = {s["code"]: s for s in sample_catalog["services"]}
    advice = by_code["JY-004"]
    assert any("企业开办" in f["answer"] for f in advice["guide"]["faq"])
    # Both answer 开公司; the registration bundle ranks first (tests/data/phrases.json).
    assert "开公司" in advice["keywords"] and "开公司" in by_code["QY-001"]["keywords"]
    assert by_code["QY-001"]["popularity"] > advice["popularity"]
