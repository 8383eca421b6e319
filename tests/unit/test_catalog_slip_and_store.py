"""Slip content from a guide, and the catalog tables of the store."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from sqlmodel import SQLModel

from kiosk.catalog import BUNDLED_CATALOG, build_slip
from kiosk.catalog.codec import item_from_dict
from kiosk.domain.catalog import MaterialSource
from kiosk.store import Store
from kiosk.store import models as _models  # noqa: F401  (registers the tables)

HALL_HOURS = "工作日 9:00—12:00，13:30—17:00（法定节假日除外）"


def sample_item(code: str):
    doc = json.loads(BUNDLED_CATALOG.read_text(encoding="utf-8"))
    return item_from_dict(next(s for s in doc["services"] if s["code"] == code))


def test_slip_marks_shared_and_commitment_materials() -> None:
    slip = build_slip(sample_item("SY-001"))
    marks = {m.name: m.mark for m in slip.materials}
    assert marks["结婚证信息"] == MaterialSource.SHARED
    assert marks["生育情况个人承诺书"] == MaterialSource.COMMITMENT
    # No visit needed: the card read verifies the ID, nothing is left to bring.
    assert marks["夫妻双方居民身份证"] == MaterialSource.SHARED
    assert slip.to_bring == ()
    assert [m.name for m in build_slip(sample_item("HJ-004")).to_bring][:2] == [
        "申请人居民身份证",
        "本人近期免冠证件照",
    ]
    assert slip.online_url.endswith("/SY-001")
    assert slip.fee_free and slip.fee_lines == ()


def test_slip_lists_fees_and_time_limits() -> None:
    slip = build_slip(sample_item("HJ-003"))
    assert not slip.fee_free
    assert slip.fee_lines == (("居民身份证工本费（申领、换领、补领）", "20.00"),)
    assert (slip.statutory_days, slip.promised_days) == (60, 15)
    assert slip.consultation_phone and slip.complaint_phone == "12345"


def test_catalog_models_mirror_migration_columns(tmp_path: Path) -> None:
    Store(tmp_path / "k.db").close()
    conn = sqlite3.connect(tmp_path / "k.db")
    try:
        for table in ("catalog_theme", "catalog_service", "catalog_search"):
            columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
            model = SQLModel.metadata.tables[table]
            assert columns == {c.name for c in model.columns}, table
    finally:
        conn.close()


def test_the_printed_slip_tells_everything_at_once_with_its_number_and_catalog_version(
    tmp_path: Path,
) -> None:
    from datetime import date, datetime

    from kiosk.services.guide_slip import next_slip_no, slip_document

    item = sample_item("HJ-003")  # fees, an agent allowed, materials to bring
    consultation = item.guide.consultation.model_copy(update={"hours": HALL_HOURS})
    hall_item = item.model_copy(
        update={"guide": item.guide.model_copy(update={"consultation": consultation})}
    )
    store = Store(tmp_path / "k.db")
    try:
        numbers = [next_slip_no(store, "H0001", "T01", date(2026, 3, 2)) for _ in range(2)]
        numbers.append(next_slip_no(store, "H0001", "T01", date(2026, 3, 3)))
    finally:
        store.close()
    assert numbers == ["H0001-T01-260302-G0001", "H0001-T01-260302-G0002", "H0001-T01-260303-G0001"]

    slip = build_slip(hall_item, catalog_version=2026120201)
    doc = slip_document(slip, "示范市政务服务中心", datetime(2026, 3, 2, 9, 0), numbers[0])
    paper = "\n".join(doc.texts())
    g = item.guide
    for condition in g.conditions:
        assert condition in paper
    for m in g.materials:
        assert m.name in paper and m.basis is not None
        assert f"依据：{m.basis.law}{m.basis.article}" in paper
        for error in m.common_errors:
            assert error in paper
        if m.note:
            assert m.note in paper  # the material's own note, never replaced by a mark
    assert "委托他人代办的，另需携带" in paper and "授权委托书" in paper
    assert "《中华人民共和国民法典》第一百六十五条" in paper
    assert (
        "收费依据" in doc.texts()
        and g.fees.basis in doc.texts()
        and g.fees.items[0].amount_yuan in paper
    )
    # The sample keeps no hours of its own: the hall's hours (CatalogBrowser) are printed.
    assert g.consultation.hours is None and g.consultation.place in paper
    assert HALL_HOURS in paper
    assert f"{g.consultation.phone}（示范市公安局（示范数据" in paper  # invented, and says so
    assert (
        g.consultation.phone in paper
        and "投诉电话" in doc.texts()
        and g.complaint_phone in doc.texts()
    )
    texts = doc.texts()
    assert texts[texts.index("告知单编号") + 1] == "H0001-T01-260302-G0001"
    assert texts[texts.index("事项目录版本") + 1] == "2026120201"
    assert doc.reference == numbers[0]


def test_a_slip_of_a_service_without_agents_lists_no_agent_materials() -> None:
    assert build_slip(sample_item("HY-001")).agent_materials == ()
    assert [m.name for m in build_slip(sample_item("SB-001")).agent_materials] == [
        "授权委托书",
        "受托人（代办人）本人居民身份证",
    ]
