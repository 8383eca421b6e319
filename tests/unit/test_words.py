"""One set of words: what the citizen reads on screen and on paper uses one term per idea
(代办, 投诉), one set of hall hours, and explains the case number (办件编号)."""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from kiosk.config import Settings
from kiosk.notices import HOURS_TITLE, notices_for
from kiosk.printing import layouts as L
from kiosk.printing.document import Text
from tests.conftest import REPO

# Variants retired in favour of one term: 代办 (可代办, 代办人, 被代办人) and 投诉.
RETIRED = ("委托代办", "投诉举报")
# A span of clock times ("9:00—17:00"): hours, which are written in one place only.
HOURS = re.compile(r"\d{1,2}[:：]\d{2}\s*[—–\-~～至到]+\s*\d{1,2}[:：]\d{2}")
CJK = re.compile(r"[\u4e00-\u9fff]")


def qml_texts() -> Iterator[tuple[str, str]]:
    """Every qsTr() text of the QML, with the file it is in."""
    pattern = re.compile(r'qsTr\("((?:[^"\\]|\\.)*)"')
    for path in sorted((REPO / "ui" / "qml").rglob("*.qml")):
        for found in pattern.finditer(path.read_text(encoding="utf-8")):
            yield str(path.relative_to(REPO)), found.group(1)


def python_texts(*folders: str) -> Iterator[tuple[str, str]]:
    """Chinese string literals of the Python code (view-models, slips, services), docstrings
    and other bare string statements left out: they are for readers of the code."""
    for folder in folders:
        for path in sorted((REPO / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            bare = {
                id(node.value)
                for node in ast.walk(tree)
                if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
            }
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Constant)
                    and isinstance(node.value, str)
                    and id(node) not in bare
                    and CJK.search(node.value)
                ):
                    yield str(path.relative_to(REPO)), node.value


def json_texts(path: Path) -> Iterator[tuple[str, str]]:
    """Every string in a JSON document, with where it is (``services[3].guide.…``)."""

    def walk(value: object, where: str) -> Iterator[tuple[str, str]]:
        if isinstance(value, str):
            yield where, value
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from walk(item, f"{where}.{key}")
        elif isinstance(value, list):
            for i, item in enumerate(value):
                yield from walk(item, f"{where}[{i}]")

    yield from walk(json.loads(path.read_text(encoding="utf-8")), path.name)


def user_facing() -> list[tuple[str, str]]:
    return [
        *qml_texts(),
        *python_texts("ui", "kiosk"),
        *json_texts(REPO / "assets" / "catalog" / "catalog.json"),
        *json_texts(REPO / "assets" / "notices.json"),
        *json_texts(REPO / "assets" / "queues.json"),
    ]


def test_the_texts_are_found_at_all() -> None:
    # The scan below means something only if it reads the screens, slips and catalog.
    texts = [text for _where, text in user_facing()]
    assert "可代办" in texts and "投诉" in texts  # a badge, the home tile
    assert L.LABELS["receipt_no"] in texts  # a printed label
    assert any("社会保障卡" in text for text in texts)  # the catalog


@pytest.mark.parametrize("retired", RETIRED)
def test_no_retired_variant_comes_back_in_what_the_citizen_reads(retired: str) -> None:
    found = [(where, text) for where, text in user_facing() if retired in text]
    assert found == []


def test_the_bundled_texts_write_no_hours_but_the_setting_and_windows_own() -> None:
    hall_hours = Settings.model_fields["hall_hours"].default
    assert HOURS.search(hall_hours)
    catalog = json.loads((REPO / "assets" / "catalog" / "catalog.json").read_text("utf-8"))
    own = {s["guide"]["consultation"].get("hours") for s in catalog["services"]} - {None}
    assert own and hall_hours not in own  # a window's own hours differ from the hall's
    # Another office's hours (a referral: 不在本大厅办理) are that office's own, not the hall's.
    elsewhere = {r["hours"] for r in catalog.get("referrals", [])}
    assert elsewhere and hall_hours not in elsewhere
    own |= elsewhere
    strays = [
        (where, text)
        for where, text in user_facing()
        if HOURS.search(text) and text != hall_hours and text not in own
    ]
    assert strays == []
    # …and the hall's hours are in the code once: the setting's default.
    assert [w for w, text in python_texts("ui", "kiosk") if text == hall_hours] == [
        "kiosk/config.py"
    ]


def test_the_hall_hours_are_the_last_notice_and_replace_a_files_own(tmp_path: Path) -> None:
    (tmp_path / "notices.json").write_text(
        json.dumps(
            {
                "default": [
                    {"title": "通知"},
                    {"title": HOURS_TITLE, "body": "周一至周五 9:00—17:00"},
                ]
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    day = date(2026, 11, 28)
    notices = notices_for(tmp_path, "H0001", day, "每天 8:00—20:00")
    assert [(n.title, n.body) for n in notices] == [("通知", ""), (HOURS_TITLE, "每天 8:00—20:00")]
    # No hours set: the file's notices as they are.
    assert [n.title for n in notices_for(tmp_path, "H0001", day)] == ["通知", HOURS_TITLE]


def test_the_receipt_says_what_the_case_number_is() -> None:
    doc = L.receipt(
        L.ReceiptData(
            hall_name="示范市政务服务中心",
            receipt_no="H0001-T01-261128-0001",
            service_name="社会保障卡申领",
            applicant="张*",
            submitted_at=datetime(2026, 11, 28, 10, 0),
            terminal_name="自助终端 1 号",
            next_step="等待审核",
        )
    )
    texts = [b.text for b in doc.blocks if isinstance(b, Text)]
    # Under the receipt number, before the details: the case number comes later and is
    # the department's; the receipt number is what to check progress with.
    at = texts.index("H0001-T01-261128-0001")
    assert "办件编号" in texts[at + 1] and "受理编号" in texts[at + 1]
