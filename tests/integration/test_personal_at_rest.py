"""Personal data at rest on the terminal (issue #20, item 6), on real SQLite files.

A citizen writes what they like into a complaint or a question: their name, their phone,
someone else's. That free text is sealed like every other personal field; so are list
values under a personal key, and the form fields of the sample catalog that are personal
(出生日期, 残疾类别: health data). The catalog validator flags fields that look personal but
are not marked. ``kiosk.db`` and its folder are created 0600/0700, WAL and SHM files too.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.catalog import BUNDLED_CATALOG
from kiosk.catalog.validation import validate_catalog
from kiosk.contract import ConsultationQuestion, Evaluation
from kiosk.store import Store
from kiosk.sync.crypto import FieldCipher, split_personal
from kiosk.sync.outbox import enqueue
from tests.integration.services_env import Terminal

NAME = "欧阳娜娜"
PHONE = "13912345678"
STORY = f"窗口工作人员对我态度很差，我叫{NAME}，电话{PHONE}，住在幸福路88号。"


def raw_bytes(folder: Path) -> bytes:
    """Everything SQLite wrote: the database, its WAL and shared-memory files."""
    return b"".join(p.read_bytes() for p in folder.glob("kiosk.db*") if p.is_file())


def test_complaint_question_and_comment_text_is_sealed_at_rest(tmp_path: Path) -> None:
    term = Terminal(tmp_path / "t")
    try:
        term.complaints.file("attitude", STORY, anonymous=True)
        now = datetime.now(UTC)
        with term.store.session(write=True) as s:
            question = ConsultationQuestion(
                question_id=uuid.uuid4().hex, hall_id="H0001", text=STORY, asked_at=now
            )
            enqueue(s, "consultation", question)
            rating = Evaluation(
                visit_id=uuid.uuid4().hex, hall_id="H0001", level=1, comment=STORY, rated_at=now
            )
            enqueue(s, "evaluation", rating)
        stored = raw_bytes(term.folder)
        for secret in (NAME, PHONE, "幸福路88号"):
            assert secret.encode() not in stored, secret
            assert json.dumps(secret).encode() not in stored, secret  # \\u-escaped JSON too
        # … and it all comes back for sending.
        cipher = FieldCipher.for_data_dir(term.folder)
        with sqlite3.connect(term.store.path) as conn:
            opened = [
                cipher.open(json.loads(p), sealed, key)
                for p, sealed, key in conn.execute(
                    "SELECT payload, sealed, idempotency_key FROM outbox ORDER BY id"
                )
            ]
        assert [o.get("text") or o.get("comment") for o in opened] == [STORY] * 3
    finally:
        term.close()


def test_list_values_under_a_personal_key_are_taken_whole() -> None:
    payload = {"form": {"children": {"contact": ["张小明", "张小红"]}, "n": 2}}
    public, taken = split_personal(payload)
    assert public == {"form": {"children": {"contact": None}, "n": 2}}
    assert taken == [[["form", "children", "contact"], ["张小明", "张小红"]]]


def _fields(code: str) -> dict[str, dict[str, object]]:
    doc = json.loads(BUNDLED_CATALOG.read_text(encoding="utf-8"))
    service = next(s for s in doc["services"] if s["code"] == code)
    return {f["id"]: f for f in service["guide"]["form"]["fields"]}


@pytest.mark.parametrize(
    ("code", "field"),
    [
        ("CJ-001", "birth_date"),
        ("CJ-001", "category"),
        ("EL-001", "birth_date"),
        ("EL-003", "birth_date"),
    ],
)
def test_birth_dates_and_health_data_are_personal_in_the_sample_catalog(
    code: str, field: str
) -> None:
    assert _fields(code)[field].get("personal") is True


def _doc_with(field: dict[str, object]) -> dict[str, object]:
    doc = json.loads(BUNDLED_CATALOG.read_text(encoding="utf-8"))
    service = next(s for s in doc["services"] if s["code"] == "CJ-001")
    service["guide"]["form"]["fields"].append({"required": False, **field})
    return doc


@pytest.mark.parametrize(
    "field",
    [
        {"id": "mother_name", "label": "母亲姓名", "type": "text"},
        {"id": "x1", "label": "紧急联系人手机", "type": "text"},
        {"id": "x2", "label": "户籍地址", "type": "text"},
        {"id": "x3", "label": "配偶身份证号", "type": "text"},
        {"id": "x4", "label": "出生年月", "type": "date"},
        {"id": "x5", "label": "所患疾病", "type": "text"},
        {"id": "x6", "label": "其他", "type": "phone"},
        {"id": "contact_phone", "label": "其他", "type": "text"},
    ],
)
def test_the_catalog_lint_flags_fields_that_look_personal_but_are_not_marked(
    field: dict[str, object],
) -> None:
    issues = validate_catalog(_doc_with(field))
    assert [(i.code, "personal" in i.message) for i in issues] == [("CJ-001", True)], issues
    marked = validate_catalog(_doc_with({**field, "personal": True}))
    assert marked == []
    # An explicit "personal": false is a reviewed decision, not an oversight.
    assert validate_catalog(_doc_with({**field, "personal": False})) == []


def test_the_bundled_catalog_passes_the_lint() -> None:
    doc = json.loads(BUNDLED_CATALOG.read_text(encoding="utf-8"))
    assert validate_catalog(doc) == []


def test_the_database_and_its_folder_are_private(tmp_path: Path) -> None:
    old = os.umask(0o022)  # a typical service umask: files 0644, folders 0755
    try:
        folder = tmp_path / "data" / "kiosk"
        store = Store(folder / "kiosk.db")
        with store.session(write=True) as s:
            enqueue(
                s,
                "consultation",
                ConsultationQuestion(
                    question_id=uuid.uuid4().hex,
                    hall_id="H0001",
                    text="x",
                    asked_at=datetime.now(UTC),
                ),
            )
        files = sorted(folder.glob("kiosk.db*"))
        assert {p.name for p in files} >= {"kiosk.db", "kiosk.db-wal", "kiosk.db-shm"}
        modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in files}
        assert modes == {p.name: 0o600 for p in files}
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        store.close()
    finally:
        os.umask(old)


def test_an_existing_database_left_readable_is_tightened(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    Store(folder / "kiosk.db").close()
    (folder / "kiosk.db").chmod(0o644)
    Store(folder / "kiosk.db").close()
    assert stat.S_IMODE((folder / "kiosk.db").stat().st_mode) == 0o600


def test_a_catalog_change_from_central_with_an_unmarked_field_is_sealed_not_refused(
    catalog_store: Store,
) -> None:
    from kiosk.catalog.importer import apply_delta, export_document

    doc = export_document(catalog_store)
    assert doc is not None
    item = next(s for s in doc["services"] if s["code"] == "CJ-001")
    item["guide"]["form"]["fields"].append(
        {"id": "mother_name", "label": "母亲姓名", "type": "text", "required": False}
    )
    assert apply_delta(catalog_store, [item], []) is not None
    after = export_document(catalog_store)
    assert after is not None
    fields = next(s for s in after["services"] if s["code"] == "CJ-001")["guide"]["form"]
    assert {f["id"]: f.get("personal") for f in fields["fields"]}["mother_name"] is True
