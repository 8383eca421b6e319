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
