"""Hall notices: per hall, by date, and a broken file shows nothing instead of failing."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from kiosk.notices import BUNDLED_NOTICES, load_notices, notices_for

DAY = date(2026, 11, 28)


def write(path: Path, doc: object) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_bundled_file_has_notices_for_any_hall(tmp_path: Path) -> None:
    notices = notices_for(tmp_path, "H0001", DAY)
    assert notices and all(n.title for n in notices)
    assert notices == load_notices(BUNDLED_NOTICES, "H9999", DAY)


def test_a_hall_gets_its_own_list_and_only_current_notices(tmp_path: Path) -> None:
    write(
        tmp_path / "notices.json",
        {
            "default": [{"title": "通用"}],
            "halls": {
                "H0002": [
                    {"title": "春节安排", "body": "…", "valid_to": "2026-02-20"},
                    {"title": "新窗口启用", "valid_from": "2026-11-01"},
                    {"title": "下月起", "valid_from": "2026-12-01"},
                ]
            },
        },
    )
    assert [n.title for n in notices_for(tmp_path, "H0002", DAY)] == ["新窗口启用"]
    assert [n.title for n in notices_for(tmp_path, "H0001", DAY)] == ["通用"]


def test_a_broken_file_shows_no_notices(tmp_path: Path, caplog) -> None:
    (tmp_path / "notices.json").write_text("{not json", encoding="utf-8")
    assert notices_for(tmp_path, "H0001", DAY) == []
    write(tmp_path / "notices.json", {"default": [{"body": "no title"}]})
    assert notices_for(tmp_path, "H0001", DAY) == []
    assert "not usable" in caplog.text
