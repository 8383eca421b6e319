"""Working days (工作日) on the Chinese calendar, with 调休 (weekend days worked instead).

The ``chinese-calendar`` package knows the State Council's holiday notices for the years it
ships; for a date beyond them (its data ends a year or so ahead) the count falls back to
Monday–Friday and logs it once per call, so a promised date is never refused, only possibly
a little early where next year's holidays are not yet published.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

import chinese_calendar

log = logging.getLogger(__name__)


def is_working_day(day: date) -> tuple[bool, bool]:
    """(working day?, known to the official calendar?) for ``day``."""
    try:
        return bool(chinese_calendar.is_workday(day)), True
    except NotImplementedError:
        return day.weekday() < 5, False


def add_working_days(start: date, days: int) -> date:
    """The ``days``-th working day after ``start`` (``days`` = 0: ``start`` itself, 即办).

    ``start`` is the day the application was accepted; counting begins the next day, so an
    application accepted on a Saturday with 1 working day is due on the Monday (or on the
    Sunday when that Sunday is a 调休 working day).
    """
    if days < 0:
        raise ValueError("working days cannot be negative")
    day, left, guessed = start, days, False
    while left > 0:
        day += timedelta(days=1)
        working, known = is_working_day(day)
        guessed = guessed or not known
        if working:
            left -= 1
    if guessed:
        log.warning(
            "holiday calendar has no data up to %s; counted Monday-Friday as working days",
            day.isoformat(),
        )
    return day
