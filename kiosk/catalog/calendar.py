"""The official holiday arrangement on the terminal: install, read, and the calendar from it.

Central publishes the arrangement as a calendar document (:class:`CalendarDocument`) beside
the catalog feed; staff can import the same document from a file. Like a catalog, a document
is validated as a whole and installed in one transaction, newer versions only, and replaces
the installed document whole (so each document carries every year it vouches for); its years
override the ``chinese-calendar`` package's. The document lives in ``terminal_meta``.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from pydantic import ValidationError

from drivers.errors import ReasonError
from kiosk.contract import CalendarFeed
from kiosk.contract.calendar import CalendarDocument, WorkCalendar
from kiosk.store import Store
from kiosk.store.models import TerminalMeta

log = logging.getLogger(__name__)

META_CALENDAR = "calendar_document"


class CalendarImportError(ReasonError):
    """A calendar document that was refused: ``unreadable``, ``invalid`` (``issues`` lists
    every fault), ``older_version`` or ``same_version``."""

    def __init__(self, reason: str, message: str, issues: list[str] | None = None):
        super().__init__(reason, message)
        self.issues = issues or []


@dataclass(frozen=True)
class CalendarImport:
    """What an import did."""

    version: int
    previous_version: int | None
    years: list[int]


def parse_document(raw: Any) -> CalendarDocument:
    """Validate a whole calendar document; every fault is listed in the error."""
    try:
        return CalendarDocument.model_validate(raw)
    except ValidationError as exc:
        issues = []
        for e in exc.errors():
            where = ".".join(str(p) for p in e["loc"]) or "(document)"
            cause = (e.get("ctx") or {}).get("error")
            issues.append(f"{where}: {cause if isinstance(cause, ValueError) else e['msg']}")
        raise CalendarImportError(
            "invalid", f"calendar has {len(issues)} problem(s); nothing was changed", issues
        ) from None


def read_file(path: Path) -> CalendarDocument:
    """Read and validate a calendar file."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CalendarImportError("unreadable", f"calendar file {path} does not exist") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CalendarImportError("unreadable", f"{path} is not UTF-8 JSON: {exc}") from None
    except OSError as exc:
        raise CalendarImportError("unreadable", f"{path} cannot be read: {exc}") from None
    return parse_document(raw)


def installed(store: Store) -> CalendarDocument | None:
    """The installed calendar document, or None."""
    with store.session() as s:
        row = s.get(TerminalMeta, META_CALENDAR)
        value = row.value if row is not None else None
    if value is None:
        return None
    try:
        return CalendarDocument.model_validate_json(value)
    except ValidationError:
        log.error("the installed calendar document no longer validates; it is ignored")
        return None


def install(store: Store, doc: CalendarDocument, *, force: bool = False) -> CalendarImport:
    """Install ``doc`` (already validated) unless an equal or newer version is installed."""
    body = doc.model_dump_json()
    with store.session(write=True) as s:
        row = s.get(TerminalMeta, META_CALENDAR)
        previous = None
        if row is not None:
            try:
                previous = CalendarDocument.model_validate_json(row.value).version
            except ValidationError:
                previous = None
        if previous is not None and doc.version < previous:
            raise CalendarImportError(
                "older_version",
                f"calendar version {doc.version} is older than installed {previous}",
            )
        if previous is not None and doc.version == previous and not force:
            raise CalendarImportError(
                "same_version", f"calendar version {doc.version} is already installed"
            )
        if row is None:
            row = TerminalMeta(key=META_CALENDAR, value=body)
        else:
            row.value = body
        s.add(row)
    years = [y.year for y in doc.years]
    log.info("calendar version %d installed (years %s)", doc.version, years)
    return CalendarImport(doc.version, previous, years)


def work_calendar(store: Store) -> WorkCalendar:
    """The calendar: the package's official years, overridden by the installed document."""
    doc = installed(store)
    return WorkCalendar.with_documents([doc] if doc is not None else [])


class CalendarSource(Protocol):
    """What :func:`pull_from_central` needs of the central client."""

    def calendar(self, since: int) -> CalendarFeed: ...


def pull_from_central(store: Store, client: CalendarSource) -> CalendarImport | None:
    """Fetch central's calendar document when it is newer than the installed one and install
    it (on the sync thread). A document that does not validate is logged for staff and left
    out; it is fetched again next time. Network errors propagate (:class:`CentralError`)."""
    doc = installed(store)
    since = doc.version if doc is not None else 0
    feed = client.calendar(since)
    if feed.document is None or feed.version <= since:
        return None
    try:
        new = parse_document(feed.document)
        if new.version != feed.version:
            raise CalendarImportError(
                "invalid", f"feed version {feed.version} but document version {new.version}"
            )
        return install(store, new)
    except CalendarImportError as exc:
        log.error("calendar from central refused: %s [%s] %s", exc, exc.reason, exc.issues[:5])
        return None
