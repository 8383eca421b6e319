"""The working-day calendar: statutory holidays in any year, official arrangements as data,
estimated years marked, time limits counted in their unit."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from pydantic import ValidationError

from kiosk.catalog.calendar import CalendarImportError, install, parse_document, work_calendar
from kiosk.cli import main as kioskctl
from kiosk.cli.common import settings_from_args
from kiosk.cli.doctor import check_calendar
from kiosk.contract.calendar import (
    CalendarDocument,
    DayUnit,
    WorkCalendar,
    builtin_arrangements,
    limit_text,
    statutory_holidays,
)
from kiosk.store import Store


def arrangement_2027() -> dict[str, Any]:
    """An arrangement for 2027 in the State Council's style (the bridging made up for the test,
    the statutory days as the law has them): 春节 5-11 Feb, Sat 13 Feb worked instead."""
    off = {d.isoformat(): n for d, n in statutory_holidays(2027).items()}
    for d in ("2027-02-09", "2027-02-10", "2027-02-11"):
        off[d] = "春节"
    off["2027-10-04"] = off["2027-10-05"] = "国庆节"
    return {
        "year": 2027,
        "notice": "国务院办公厅关于2027年部分节假日安排的通知（测试）",
        "holidays": [{"date": d, "name": n} for d, n in sorted(off.items())],
        "workdays": ["2027-02-13", "2027-09-26", "2027-10-09"],
    }


def document(version: int = 1, years: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "format": "hall-kiosk-calendar/1",
        "version": version,
        "published": "2026-11-20",
        "years": years if years is not None else [arrangement_2027()],
    }


@pytest.mark.parametrize(
    ("year", "spring", "qingming", "dragon_boat", "mid_autumn"),
    [
        # Published dates of 春节 (正月初一), 清明, 端午 and 中秋.
        (2025, date(2025, 1, 29), date(2025, 4, 4), date(2025, 5, 31), date(2025, 10, 6)),
        (2026, date(2026, 2, 17), date(2026, 4, 5), date(2026, 6, 19), date(2026, 9, 25)),
        (2027, date(2027, 2, 6), date(2027, 4, 5), date(2027, 6, 9), date(2027, 9, 15)),
        (2028, date(2028, 1, 26), date(2028, 4, 4), date(2028, 5, 28), date(2028, 10, 3)),
    ],
)
def test_statutory_holidays_of_any_year_follow_the_law_and_the_lunar_calendar(
    year: int, spring: date, qingming: date, dragon_boat: date, mid_autumn: date
) -> None:
    days = statutory_holidays(year)
    assert days[date(year, 1, 1)] == "元旦"
    # 春节: 除夕 to 正月初三 (4 days since the 2024 amendment).
    assert [d for d, n in sorted(days.items()) if n == "春节"] == [
        spring + timedelta(days=k) for k in range(-1, 3)
    ]
    assert days[qingming] == "清明节"
    assert days[date(year, 5, 1)] == days[date(year, 5, 2)] == "劳动节"
    assert days[dragon_boat] == "端午节"
    assert mid_autumn in days  # named 国庆节 when it falls on 1-3 Oct
    assert sorted(d for d, n in days.items() if n == "国庆节") == [
        date(year, 10, k) for k in (1, 2, 3)
    ]
    # 13 days a year, one fewer when 中秋 falls in 国庆 (as in 2028).
    assert len(days) == 13 - (mid_autumn.month == 10 and mid_autumn.day <= 3)


def test_the_official_years_the_package_ships_include_every_statutory_day() -> None:
    """Cross-check of the lunar library against the State Council's own arrangements."""
    for year in (2025, 2026):
        off = {h.date for h in builtin_arrangements()[year].holidays}
        assert set(statutory_holidays(year)) <= off, year


def test_new_years_day_2027_is_a_holiday_and_the_year_is_estimated() -> None:
    cal = WorkCalendar.with_documents([])
    jan1 = cal.day(date(2027, 1, 1))
    assert (jan1.working, jan1.holiday, jan1.source) == (False, "元旦", "estimated")
    assert cal.day(date(2026, 10, 1)).source == "official"
    # Thu 31 Dec 2026 + 1 working day: not Fri 1 Jan 2027 but Mon 4 Jan, and estimated.
    due = cal.add(date(2026, 12, 31), 1)
    assert (due.day, due.estimated) == (date(2027, 1, 4), True)
    # A count that stays in 2026 is not estimated.
    assert cal.add(date(2026, 12, 1), 5).estimated is False


def test_estimated_years_keep_the_lunar_holidays_off() -> None:
    cal = WorkCalendar.with_documents([])
    # 2027 春节: Fri 5 Feb (除夕) … Mon 8 Feb (初三); Thu 4 Feb + 1 working day → Tue 9 Feb.
    assert cal.add(date(2027, 2, 4), 1).day == date(2027, 2, 9)
    assert not cal.is_working_day(date(2027, 9, 15))  # 中秋, a Wednesday


def test_calendar_days_count_every_day_but_end_on_a_working_day() -> None:
    cal = WorkCalendar.with_documents([])
    # Fri 13 Feb 2026 + 7 calendar days = Fri 20 Feb, inside the Spring Festival → Tue 24 Feb.
    assert cal.add(date(2026, 2, 13), 7, DayUnit.CALENDAR).day == date(2026, 2, 24)
    # Mon 2 Mar 2026 + 60 calendar days = Fri 1 May, in the official 1-5 May holiday → Wed 6 May.
    assert cal.add(date(2026, 3, 2), 60, DayUnit.CALENDAR).day == date(2026, 5, 6)
    # The same limit in working days is much later.
    assert cal.add(date(2026, 3, 2), 60, DayUnit.WORKING).day > date(2026, 5, 20)


def test_zero_days_is_the_same_day_and_reads_jiban() -> None:
    cal = WorkCalendar.with_documents([])
    assert cal.add(date(2027, 1, 1), 0).day == date(2027, 1, 1)
    assert limit_text(0, DayUnit.WORKING) == "即办"
    assert limit_text(0, "calendar") == "即办"
    assert limit_text(5, "working") == "5 个工作日"
    assert limit_text(60, DayUnit.CALENDAR) == "60 个自然日"


def test_an_installed_arrangement_makes_the_year_official_with_its_tiaoxiu_days(
    store: Store,
) -> None:
    install(store, parse_document(document()))
    cal = work_calendar(store)
    assert cal.day(date(2027, 1, 1)).source == "official"
    assert cal.is_working_day(date(2027, 2, 13))  # a Saturday worked (调休)
    assert not cal.is_working_day(date(2027, 2, 10))  # a bridged weekday
    due = cal.add(date(2027, 2, 4), 1)
    assert (due.day, due.estimated) == (date(2027, 2, 12), False)  # Fri after 5-11 Feb
    assert cal.official_until() == date(2027, 12, 31)
    # 2028 is still estimated.
    assert cal.day(date(2028, 1, 3)).source == "estimated"


def test_a_document_is_refused_as_a_whole_with_every_problem(store: Store) -> None:
    bad = arrangement_2027()
    bad["holidays"] = [h for h in bad["holidays"] if h["date"] != "2027-10-02"]
    bad["workdays"].append("2027-03-03")  # a Wednesday is no 调休 day
    second = arrangement_2027() | {"year": 2028}  # its dates are in 2027
    with pytest.raises(CalendarImportError) as caught:
        parse_document(document(years=[bad, second]))
    text = "\n".join(caught.value.issues)
    assert "2027-10-02 (国庆节) is not a day off" in text
    assert "2027-03-03 is a weekday" in text
    assert "is not in 2028" in text
    assert caught.value.reason == "invalid"
    with pytest.raises(CalendarImportError):
        parse_document(document(years=[arrangement_2027(), arrangement_2027()]))


def test_only_a_newer_version_is_installed(store: Store) -> None:
    install(store, parse_document(document(version=2)))
    with pytest.raises(CalendarImportError) as older:
        install(store, parse_document(document(version=1)))
    assert older.value.reason == "older_version"
    with pytest.raises(CalendarImportError) as same:
        install(store, parse_document(document(version=2)))
    assert same.value.reason == "same_version"
    assert install(store, parse_document(document(version=3))).previous_version == 2


def test_the_document_model_rejects_unknown_fields() -> None:
    with pytest.raises(ValidationError):
        CalendarDocument.model_validate(document() | {"extra": 1})


def write(tmp_path: Path, doc: Any) -> Path:
    path = tmp_path / "calendar.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def settings_file(tmp_path: Path, data_dir: Path, clean_env: None, monkeypatch: Any) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(f'data_dir = "{data_dir}"\n', encoding="utf-8")
    monkeypatch.setenv("KIOSK_CONFIG", str(path))
    return path


def show(capsys: Any, month: str) -> dict[str, Any]:
    assert kioskctl(["calendar", "show", month, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_kioskctl_calendar_show_marks_new_year_2027_a_holiday_and_the_month_estimated(
    capsys: Any, settings_file: Path
) -> None:
    month = show(capsys, "2027-01")
    assert month["source"] == "estimated"
    assert len(month["days"]) == 31
    first = month["days"][0]
    assert first == {
        "date": "2027-01-01",
        "working": False,
        "kind": "holiday",
        "holiday": "元旦",
        "source": "estimated",
    }
    assert month["days"][3]["working"] is True  # Mon 4 Jan
    assert show(capsys, "2026-10")["source"] == "official"


def test_kioskctl_calendar_import_installs_a_file_or_changes_nothing(
    capsys: Any, settings_file: Path, tmp_path: Path
) -> None:
    bad = document()
    bad["years"][0]["workdays"] = ["2027-01-01"]  # 元旦 both off and worked
    assert kioskctl(["calendar", "import", str(write(tmp_path, bad))]) == 1
    err = capsys.readouterr().err
    assert "2027-01-01 is both a holiday and a working day" in err
    assert show(capsys, "2027-02")["source"] == "estimated"

    assert kioskctl(["calendar", "import", str(write(tmp_path, document()))]) == 0
    assert "official for 2027" in capsys.readouterr().out
    feb = show(capsys, "2027-02")
    assert feb["source"] == "official"
    sat13 = next(d for d in feb["days"] if d["date"] == "2027-02-13")
    assert (sat13["working"], sat13["source"]) == (True, "official")
    # Human-readable form too, and a bad month is a usage error.
    assert kioskctl(["calendar", "show", "2027-02"]) == 0
    assert "2027-02-13 周六  working" in capsys.readouterr().out
    assert kioskctl(["calendar", "show", "2027-13"]) == 2


def test_doctor_warns_when_the_official_arrangement_ends_within_60_days(
    settings_file: Path, tmp_path: Path, data_dir: Path
) -> None:
    settings = settings_from_args(SimpleNamespace(config=None))
    near = check_calendar(settings, today=date(2026, 11, 15))
    assert near.state == "warning" and "2026-12-31" in near.detail
    assert "kioskctl calendar import" in near.hint
    assert check_calendar(settings, today=date(2026, 10, 1)).state == "ok"
    assert check_calendar(settings, today=date(2027, 1, 5)).state == "warning"
    store = Store(data_dir / "kiosk.db")
    try:
        install(store, parse_document(document()))
    finally:
        store.close()
    assert check_calendar(settings, today=date(2026, 11, 15)).state == "ok"
    assert check_calendar(settings, today=date(2027, 11, 15)).state == "warning"
    # A later year alone leaves a gap: 2027 not covered, so still a warning in late 2026.
    only_2029 = {
        "year": 2029,
        "holidays": [
            {"date": d.isoformat(), "name": n} for d, n in statutory_holidays(2029).items()
        ],
    }
    later = document(version=2, years=[only_2029])
    store = Store(data_dir / "kiosk.db")
    try:
        install(store, parse_document(later))
    finally:
        store.close()
    gap = check_calendar(settings, today=date(2026, 11, 15))
    assert gap.state == "warning" and "2026-12-31" in gap.detail
