"""Logging for the terminal: JSON lines in the data folder, plain lines on stderr.

* ``<data_dir>/logs/kiosk.jsonl`` — one JSON object per line, rotated (5 × 5 MB), for
  ``kioskctl export-logs`` and machines;
* stderr — plain lines for people; under systemd the journal adds the time, so we leave it out.

Every handler carries a :class:`PersonalDataFilter`: 18-character ID numbers are masked
(``1101**********123X``), mobile numbers too (``138****5678``), and any value passed under a
personal key (``extra={"name": …}``) is replaced. The filter sits on handlers, not loggers,
because records propagated from child loggers skip the root logger's own filters.
"""

from __future__ import annotations

import json
import logging
import logging.handlers
import os
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

PLAIN_FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"
JOURNAL_FORMAT = "%(levelname)s %(threadName)s %(name)s: %(message)s"
LOG_FILE = "kiosk.jsonl"
MAX_BYTES = 5_000_000
BACKUPS = 5

# Keys whose values are personal whatever they look like (extra= fields, dict details).
PERSONAL_KEYS = frozenset(
    {
        "name",
        "id_number",
        "id_no",
        "address",
        "phone",
        "mobile",
        "photo",
        "email",
        "contact",
        "birth_date",
        "applicant",
        "holder",
    }
)
REDACTED = "[redacted]"

# An 18-character resident ID number (area, birth date, sequence, check character) ...
_ID_NUMBER = re.compile(
    r"(?<![0-9A-Za-z])([1-9]\d{3})\d{2}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
    r"(\d{3}[\dXx])(?![0-9A-Za-z])"
)
# ... and a mainland mobile number, optionally with +86 / 86 in front.
_MOBILE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?(1[3-9]\d)[- ]?\d{4}[- ]?(\d{4})(?!\d)")

# Attributes every LogRecord has; anything else came in through ``extra=``.
_STANDARD_ATTRS = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
    "taskName",
}


def redact_text(text: str) -> str:
    """``text`` with ID numbers and mobile numbers masked."""
    text = _ID_NUMBER.sub(lambda m: f"{m.group(1)}**********{m.group(2)}", text)
    return _MOBILE.sub(lambda m: f"{m.group(1)}****{m.group(2)}", text)


def redact_value(value: Any, key: str | None = None, by_key: bool = True) -> Any:
    """A JSON-like value with personal-looking text masked and, when ``by_key``, the values
    of personal keys replaced (off for our own reports, where ``name`` names a check)."""
    if by_key and key is not None and key.lower() in PERSONAL_KEYS and value not in (None, ""):
        return REDACTED
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, dict):
        return {k: redact_value(v, str(k), by_key) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [redact_value(v, None, by_key) for v in value]
    return value


class PersonalDataFilter(logging.Filter):
    """Masks personal data in a record before any handler formats it (never drops it)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite ``record`` in place: message, extra fields and exception text."""
        if getattr(record, "_personal_data_removed", False):
            return True  # already cleaned by another handler's filter
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not hide the record
            message = f"{record.msg!r} {record.args!r}"
        record.msg = redact_text(message)
        record.args = None
        for key, value in list(vars(record).items()):
            if key not in _STANDARD_ATTRS and not key.startswith("_"):
                setattr(record, key, redact_value(value, key))
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact_text(record.exc_text)
        record._personal_data_removed = True
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC), level, logger, thread, message, extra fields."""

    def format(self, record: logging.LogRecord) -> str:
        """The record as a single line of JSON."""
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "thread": record.threadName,
            "msg": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD_ATTRS and not key.startswith("_"):
                entry[key] = value
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exc"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False, default=str)


def under_journal(env: dict[str, str] | None = None) -> bool:
    """Whether stderr goes to the systemd journal (it sets ``JOURNAL_STREAM``)."""
    env = dict(os.environ) if env is None else env
    return bool(env.get("JOURNAL_STREAM"))


def setup_logging(
    log_dir: Path | None, level: int = logging.INFO, env: dict[str, str] | None = None
) -> None:
    """Configure the root logger once for the process (called by entry points only)."""
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    stream = logging.StreamHandler()
    stream.setFormatter(logging.Formatter(JOURNAL_FORMAT if under_journal(env) else PLAIN_FORMAT))
    stream.addFilter(PersonalDataFilter())
    root.addHandler(stream)
    if log_dir is None:
        return
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            log_dir / LOG_FILE, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError as exc:
        root.warning("cannot write logs to %s: %s", log_dir, exc)
        return
    file_handler.setFormatter(JsonFormatter())
    file_handler.addFilter(PersonalDataFilter())
    root.addHandler(file_handler)
