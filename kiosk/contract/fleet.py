"""The terminal's heartbeat (``POST /api/v1/heartbeat``, signed, about once a minute).

What hall staff need to look after the fleet without a citizen telling them: versions, each
device's state and reason code, the paper, the outbox backlog and dead letters, the last
error's reason code, uptime. No personal data and no free text: reasons are codes. The one
exception is the searches that found nothing (``search_misses``): short queries without a
digit, which the terminal keeps only under those rules and central checks again.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import Field, field_validator

from kiosk.contract.base import WireModel

CODE = r"^[a-z0-9_]{0,40}$"
# Every number has a bound far beyond real use that keeps it a database integer: an unbounded
# one overflowed SQLite's 64 bits at central (a 500 instead of a 422). A terminal's searches
# in a day:
MAX_DAILY_SEARCHES = 1_000_000
MAX_COUNT = 1_000_000_000  # outbox items, dead letters: far beyond any real terminal
MAX_VERSION = 9_999_123_199  # YYYYMMDDNN, as catalogs and calendars are numbered
MAX_UPTIME_S = 100 * 365 * 86_400


class DeviceReport(WireModel):
    """One device: ``ok`` / ``warning`` / ``error`` / ``unknown`` and a reason code."""

    state: str = Field(pattern=r"^(ok|warning|error|unknown)$")
    reason: str = Field(default="", pattern=CODE)


class SearchMissDay(WireModel):
    """One day's searches at the terminal whose final query found nothing: how many, and the
    texts of those short enough and without a digit (at most 20, most frequent first)."""

    day: date
    count: int = Field(ge=0, le=MAX_DAILY_SEARCHES)
    queries: dict[str, int] = Field(default_factory=dict, max_length=20)

    @field_validator("queries")
    @classmethod
    def _nothing_personal(cls, queries: dict[str, int]) -> dict[str, int]:
        for text, n in queries.items():
            if not text.strip() or len(text) > 12 or any(ch.isdigit() for ch in text):
                raise ValueError("a query kept must be 1-12 characters without a digit")
            if not 1 <= n <= MAX_DAILY_SEARCHES:
                raise ValueError(f"a query kept was searched 1 to {MAX_DAILY_SEARCHES} times")
        return queries


class Heartbeat(WireModel):
    """The terminal's state now."""

    software_version: str = Field(max_length=40)
    catalog_version: int | None = Field(default=None, ge=0, le=MAX_VERSION)
    calendar_version: int | None = Field(default=None, ge=0, le=MAX_VERSION)
    card_reader: DeviceReport
    printer: DeviceReport
    scanner: DeviceReport | None = None  # None: no scanner configured
    camera: DeviceReport | None = None  # the document camera (高拍仪); None: none configured
    # The A4 printer for certificates (自助打印证明); None: none configured.
    a4_printer: DeviceReport | None = None
    paper: str = Field(default="unknown", pattern=r"^(ok|near_end|out|unknown)$")
    outbox_pending: int = Field(ge=0, le=MAX_COUNT)
    outbox_dead: int = Field(ge=0, le=MAX_COUNT)
    last_error: str = Field(default="", pattern=CODE)
    uptime_s: int = Field(ge=0, le=MAX_UPTIME_S)
    # The last days' counts of searches that found nothing (replaces central's numbers).
    search_misses: list[SearchMissDay] = Field(default_factory=list, max_length=14)


class HeartbeatAck(WireModel):
    """Central's answer: when it recorded the heartbeat."""

    received_at: datetime
