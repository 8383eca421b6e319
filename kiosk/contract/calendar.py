"""Working days (工作日) on the Chinese calendar, and dates counted in working or calendar days.

A day is known in one of two ways, and a date computed from it says which:

* **official** — the State Council's arrangement for the year (放假安排, with its 调休 weekend
  days worked) is installed: from the ``chinese-calendar`` package for the years it ships, or
  from a calendar document (:class:`CalendarDocument`) that central publishes or staff import;
* **estimated** — no arrangement for the year yet: Saturdays and Sundays are off and so are the
  statutory holidays of the 全国年节及纪念日放假办法 (as amended in 2024), which are
  non-working in every year: 元旦 (1 Jan), 春节 (除夕 to 正月初三), 清明 (the solar term),
  劳动节 (1–2 May), 端午 (五月初五), 中秋 (八月十五), 国庆 (1–3 Oct). The lunar dates come from
  the ``lunar-python`` library. What is never known in advance is which weekend days become
  调休 working days and how the holidays are bridged; a date counted on an estimated year is
  shown as 预计.

The calendar never guesses silently: :class:`Due` carries ``estimated`` and every caller shows
it. There is no module-level calendar; the composition root builds one (:func:`WorkCalendar`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

CALENDAR_FORMAT: Literal["hall-kiosk-calendar/1"] = "hall-kiosk-calendar/1"


class DayUnit(StrEnum):
    """The unit of a time limit: 工作日 (working days) or 自然日 (calendar days)."""

    WORKING = "working"
    CALENDAR = "calendar"

    @property
    def label(self) -> str:
        """The unit as printed and shown: 工作日 / 自然日."""
        return "工作日" if self is DayUnit.WORKING else "自然日"


# Names of the statutory holidays (as the State Council's notices spell them).
NEW_YEAR, SPRING, QINGMING, LABOUR, DRAGON_BOAT, MID_AUTUMN, NATIONAL = (
    "元旦",
    "春节",
    "清明节",
    "劳动节",
    "端午节",
    "中秋节",
    "国庆节",
)
HOLIDAY_NAMES = (NEW_YEAR, SPRING, QINGMING, LABOUR, DRAGON_BOAT, MID_AUTUMN, NATIONAL)
# The years the statutory rules below hold for (the 2024 amendment added 除夕 and 2 May); a year
# outside them without an official arrangement is estimated from weekends alone.
FIRST_YEAR, LAST_YEAR = 2025, 2099
# chinese-calendar's English names of the holidays it ships.
_PACKAGE_NAMES = {
    "New Year's Day": NEW_YEAR,
    "Spring Festival": SPRING,
    "Tomb-sweeping Day": QINGMING,
    "Labour Day": LABOUR,
    "Dragon Boat Festival": DRAGON_BOAT,
    "Mid-autumn Festival": MID_AUTUMN,
    "National Day": NATIONAL,
    "Anti-Fascist 70th Day": "抗战胜利纪念日",
}


def limit_text(days: int, unit: DayUnit | str) -> str:
    """A time limit as the citizen reads it: 即办 for 0, else e.g. "5 个工作日"."""
    if days == 0:
        return "即办"
    return f"{days} 个{DayUnit(unit).label}"


class CalendarError(ValueError):
    """A calendar document or a date outside what the calendar can count."""


@functools.cache
def statutory_holidays(year: int) -> dict[date, str]:
    """The days off by law in ``year`` (whatever the year's arrangement), with their names."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return {}
    from lunar_python import Lunar  # the library's import is slow; only needed here

    def solar(lunar: Lunar) -> date:
        s = lunar.getSolar()
        return date(s.getYear(), s.getMonth(), s.getDay())

    out: dict[date, str] = {date(year, 1, 1): NEW_YEAR}
    new_year = Lunar.fromYmd(year, 1, 1)
    first = solar(new_year)
    out.update(dict.fromkeys((first + timedelta(days=n) for n in range(-1, 3)), SPRING))
    qingming = new_year.getJieQiTable()["清明"]
    out[date(year, qingming.getMonth(), qingming.getDay())] = QINGMING
    out[date(year, 5, 1)] = out[date(year, 5, 2)] = LABOUR
    out[solar(Lunar.fromYmd(year, 5, 5))] = DRAGON_BOAT
    out[solar(Lunar.fromYmd(year, 8, 15))] = MID_AUTUMN
    out.update(dict.fromkeys((date(year, 10, d) for d in (1, 2, 3)), NATIONAL))
    return {d: n for d, n in out.items() if d.year == year}


# -- the official arrangement as data -------------------------------------------------------

DayName = Annotated[str, StringConstraints(strict=True, min_length=1, max_length=20)]


class Holiday(BaseModel):
    """One day off of the arrangement and the holiday it belongs to."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    date: date
    name: DayName


class YearArrangement(BaseModel):
    """The State Council's arrangement of one year: every holiday day off (the statutory ones
    and those bridged by 调休) and every weekend day worked instead (调休上班)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    year: int = Field(ge=FIRST_YEAR, le=LAST_YEAR)
    notice: Annotated[str, StringConstraints(max_length=120)] = ""
    holidays: list[Holiday] = Field(min_length=1, max_length=60)
    workdays: list[date] = Field(default_factory=list, max_length=30)

    @model_validator(mode="after")
    def _consistent(self) -> YearArrangement:
        off = [h.date for h in self.holidays]
        problems = []
        if len(set(off)) != len(off):
            problems.append("a holiday date appears twice")
        if len(set(self.workdays)) != len(self.workdays):
            problems.append("a 调休 working day appears twice")
        outside = sorted(d for d in [*off, *self.workdays] if d.year != self.year)
        if outside:
            problems.append(f"{outside[0].isoformat()} is not in {self.year}")
        both = sorted(set(off) & set(self.workdays))
        if both:
            problems.append(f"{both[0].isoformat()} is both a holiday and a working day")
        weekdays = sorted(d for d in self.workdays if d.weekday() < 5)
        if weekdays:
            problems.append(f"{weekdays[0].isoformat()} is a weekday, not a 调休 working day")
        missing = sorted(set(statutory_holidays(self.year)) - set(off))
        if missing:
            name = statutory_holidays(self.year)[missing[0]]
            problems.append(f"statutory holiday {missing[0].isoformat()} ({name}) is not a day off")
        if problems:
            raise ValueError(f"year {self.year}: " + "; ".join(problems))
        return self


class CalendarDocument(BaseModel):
    """The official arrangements central publishes and staff import (validated as a whole)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    format: Literal["hall-kiosk-calendar/1"] = CALENDAR_FORMAT
    version: int = Field(ge=1, le=9_999_999_999)
    published: date
    years: list[YearArrangement] = Field(min_length=1, max_length=50)

    @model_validator(mode="after")
    def _years_once(self) -> CalendarDocument:
        years = [y.year for y in self.years]
        if len(set(years)) != len(years):
            raise ValueError("a year appears twice")
        return self


@functools.cache
def builtin_arrangements() -> Mapping[int, YearArrangement]:
    """The official arrangements the ``chinese-calendar`` package ships (its years only)."""
    import chinese_calendar

    holidays: dict[int, list[Holiday]] = {}
    for day, name in chinese_calendar.holidays.items():
        label = _PACKAGE_NAMES.get(name, name)
        holidays.setdefault(day.year, []).append(Holiday(date=day, name=label))
    workdays: dict[int, list[date]] = {}
    for day in chinese_calendar.workdays:
        workdays.setdefault(day.year, []).append(day)
    out = {}
    for year, days in holidays.items():
        # Not validated: the package's older years follow the rules before the 2024 amendment.
        out[year] = YearArrangement.model_construct(
            year=year,
            notice="chinese-calendar",
            holidays=sorted(days, key=lambda h: h.date),
            workdays=sorted(workdays.get(year, [])),
        )
    return out


# -- the calendar ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DayInfo:
    """One day: working or not, the holiday it belongs to, and whether that is official."""

    day: date
    working: bool
    holiday: str | None
    official: bool

    @property
    def kind(self) -> str:
        """``working``, ``holiday`` (a named day off) or ``weekend``."""
        if self.working:
            return "working"
        return "holiday" if self.holiday else "weekend"

    @property
    def source(self) -> str:
        """``official`` or ``estimated``."""
        return "official" if self.official else "estimated"


@dataclass(frozen=True)
class Due:
    """A date counted from a start: ``estimated`` when any day counted lies in a year without
    the official arrangement (shown as 预计)."""

    day: date
    estimated: bool


class WorkCalendar:
    """Working days from official arrangements where known, estimated elsewhere."""

    def __init__(self, official: Mapping[int, YearArrangement]) -> None:
        self._years = dict(official)
        self._off: dict[int, dict[date, str]] = {
            y: {h.date: h.name for h in a.holidays} for y, a in self._years.items()
        }
        self._on: dict[int, frozenset[date]] = {
            y: frozenset(a.workdays) for y, a in self._years.items()
        }

    @classmethod
    def with_documents(cls, documents: Iterable[CalendarDocument]) -> WorkCalendar:
        """The package's arrangements, overridden year by year by ``documents`` in order."""
        years = dict(builtin_arrangements())
        for doc in documents:
            years.update({y.year: y for y in doc.years})
        return cls(years)

    def official_years(self) -> list[int]:
        """The years with an official arrangement, ascending."""
        return sorted(self._years)

    def official_until(self, today: date | None = None) -> date | None:
        """The last day of the latest year with an official arrangement, or None. With
        ``today``: the end of the unbroken run of official years from today's year on (a later
        year installed alone does not cover the years before it); None when today's year has
        none."""
        if not self._years:
            return None
        if today is None:
            return date(max(self._years), 12, 31)
        if today.year not in self._years:
            return None
        year = today.year
        while year + 1 in self._years:
            year += 1
        return date(year, 12, 31)

    def day(self, day: date) -> DayInfo:
        """What ``day`` is."""
        off = self._off.get(day.year)
        if off is not None:
            if day in off:
                return DayInfo(day, False, off[day], True)
            if day in self._on[day.year]:
                return DayInfo(day, True, None, True)
            return DayInfo(day, day.weekday() < 5, None, True)
        name = statutory_holidays(day.year).get(day)
        if name is not None:
            return DayInfo(day, False, name, False)
        return DayInfo(day, day.weekday() < 5, None, False)

    def is_working_day(self, day: date) -> bool:
        return self.day(day).working

    def month(self, year: int, month: int) -> list[DayInfo]:
        """Every day of the month."""
        first = date(year, month, 1)
        out = []
        day = first
        while day.month == month:
            out.append(self.day(day))
            day += timedelta(days=1)
        return out

    def add(self, start: date, days: int, unit: DayUnit = DayUnit.WORKING) -> Due:
        """The ``days``-th day after ``start`` in ``unit`` (0: ``start`` itself, 即办).

        ``start`` is the day the application was accepted; counting begins the next day. In
        working days an application accepted on a Saturday with 1 day is due on the Monday (or
        a 调休 Sunday). In calendar days the count is plain, except that a limit whose last
        day is a day off ends on the next working day (民法典 第二百零三条).
        """
        if days < 0:
            raise CalendarError("days cannot be negative")
        if days == 0:
            return Due(start, False)
        estimated = False
        if unit is DayUnit.CALENDAR:
            day = start + timedelta(days=days)
            info = self.day(day)
            estimated = not info.official
            while not info.working:
                day += timedelta(days=1)
                info = self.day(day)
                estimated = estimated or not info.official
            return Due(day, estimated)
        day, left = start, days
        while left > 0:
            day += timedelta(days=1)
            info = self.day(day)
            estimated = estimated or not info.official
            if info.working:
                left -= 1
        return Due(day, estimated)
