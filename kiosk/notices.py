"""Hall notices for the attract screen, from ``assets/notices.json`` or a local override.

Same layout as the queue file: a ``default`` list and optional ``halls`` lists keyed by hall
id. A deployment (or central, through the installer's config management) drops its own file
at ``<data_dir>/notices.json``. A broken file never stops the terminal: no notices are shown
and staff get a log line.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

BUNDLED_NOTICES = Path(__file__).resolve().parent.parent / "assets" / "notices.json"
MAX_NOTICES = 6
HOURS_TITLE = "服务时间"


@dataclass(frozen=True)
class Notice:
    """One notice: a short title and a sentence or two."""

    title: str
    body: str
    valid_from: date | None = None
    valid_to: date | None = None

    def current(self, day: date) -> bool:
        """Whether the notice is to be shown on ``day``."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


def _notice(raw: Any) -> Notice:
    if not isinstance(raw, dict) or not isinstance(raw.get("title"), str):
        raise ValueError("a notice needs a title")
    body = raw.get("body", "")
    if not isinstance(body, str):
        raise ValueError("a notice's body must be text")

    def day(key: str) -> date | None:
        value = raw.get(key)
        return date.fromisoformat(value) if value else None

    return Notice(raw["title"].strip(), body.strip(), day("valid_from"), day("valid_to"))


def load_notices(path: Path, hall_id: str, day: date) -> list[Notice]:
    """The hall's current notices from ``path`` (at most :data:`MAX_NOTICES`)."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        halls = doc.get("halls") or {}
        raw = halls.get(hall_id, doc.get("default", []))
        notices = [_notice(n) for n in raw]
    except (OSError, ValueError, AttributeError, TypeError) as exc:
        log.error("hall notices in %s not usable: %s", path, exc)
        return []
    return [n for n in notices if n.current(day) and n.title][:MAX_NOTICES]


def notices_for(data_dir: Path, hall_id: str, day: date, hall_hours: str = "") -> list[Notice]:
    """A deployment's ``<data_dir>/notices.json`` when present, else the bundled file; then
    the hall's hours (``Settings.hall_hours``, the one place they are written) as the last
    notice. A file's own 服务时间 notice gives way to them, so two sets of hours never show."""
    local = data_dir / "notices.json"
    found = load_notices(local if local.is_file() else BUNDLED_NOTICES, hall_id, day)
    hours = hall_hours.strip()
    if not hours:
        return found
    found = [n for n in found if n.title != HOURS_TITLE][: MAX_NOTICES - 1]
    return [*found, Notice(HOURS_TITLE, hours)]
