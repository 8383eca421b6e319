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
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import cached_property
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
        "text",
        "comment",
    }
)
# A key holding one of these words is personal too (``full_name``, ``contactPhone`` …) …
PERSONAL_KEY_WORDS = frozenset(
    {
        "name",
        "phone",
        "mobile",
        "tel",
        "telephone",
        "address",
        "addr",
        "birth",
        "birthday",
        "dob",
        "email",
        "contact",
        "holder",
        "applicant",
        "complainant",
        "asker",
        "photo",
        "passport",
        "permit",
    }
)
# … unless its first word says what kind of thing is named (``service_name``, ``file_name``).
NEUTRAL_KEY_PREFIXES = frozenset(
    {
        "service",
        "queue",
        "file",
        "host",
        "printer",
        "reader",
        "scanner",
        "device",
        "theme",
        "catalog",
        "hall",
        "logger",
        "thread",
        "module",
        "func",
        "material",
        "field",
        "driver",
        "scheme",
        "task",
        "process",
        "event",
        "key",
        "table",
        "column",
        "terminal",
        "job",
    }
)
REDACTED = "[redacted]"

_CJK = "\u4e00-\u9fff"
# Full-width digits and X typed through an input method count as digits here.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９Ｘｘ", "0123456789Xx")


class _Pattern:
    """A regular expression compiled on its first use. The ten below take ~10 ms to compile,
    which importing this module (before the terminal's first frame, when nothing is logged
    yet) would otherwise pay."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        return re.compile(*self._source)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)


# ID numbers: 18 characters, optionally in groups (spaces or hyphens), glued to letters or
# not; the birth date inside must be plausible, so other long numbers are left alone …
_ID18 = _Pattern(r"(?<![0-9])[1-9](?:[ -]?[0-9]){16}[ -]?[0-9Xx](?![0-9])")
# … and 15-digit first-generation numbers (YYMMDD inside).
_ID15 = _Pattern(
    r"(?<![0-9])[1-9][0-9]{5}[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}(?![0-9])"
)
# A mainland mobile number, optionally with +86 / 86 in front and in groups.
_MOBILE = _Pattern(r"(?<![0-9])(?:\+?86[- ]?)?(1[3-9][0-9])[- ]?[0-9]{4}[- ]?([0-9]{4})(?![0-9])")
# A landline with its area code: 010-62345678, (0755) 8888 6666, 0571-87654321-123.
_LANDLINE = _Pattern(
    r"(?<![0-9])(\(?0[1-9][0-9]{1,2}\)?)[ -]?[2-9][0-9]{2,3}[ -]?[0-9]{4}(?:-[0-9]{1,5})?(?![0-9])"
)
# Permits and passports: HK/Macau (H/M + 8 or 10 digits), passports (E, G, D, S, P + 8; EA +
# 7), the old foreign permanent residence card (3 letters + 12 digits).
_DOCUMENT = _Pattern(
    r"(?<![A-Za-z0-9])(?:[HM][0-9]{8}(?:[0-9]{2})?|[EGDSP][A-Z]?[0-9]{7,8}|[A-Z]{3}[0-9]{12})"
    r"(?![A-Za-z0-9])"
)
_EMAIL = _Pattern(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# pydantic quotes the input in its errors: ``input_value='张三', input_type=str``.
_PYDANTIC_INPUT = _Pattern(r"(input_value=)(.*?)(?=, input_type=|\]|$)", re.MULTILINE)
# A Chinese street address: … 路/街/巷/村 + number + 号, and what follows (楼, 单元, 室).
_ADDRESS = _Pattern(
    rf"[{_CJK}0-9A-Za-z-]*?[{_CJK}](?:路|街|巷|弄|道|村|组|小区|大厦|公寓|花园|苑)"
    rf"[0-9一二三四五六七八九十百零〇]+(?:号|弄|栋|幢)[{_CJK}0-9A-Za-z-]*"
)
# A Chinese name after the words that introduce one (我叫, 姓名：, 申请人 …) …
_NAME_CUE = _Pattern(
    rf"(?:我叫|名叫|叫做|我是|姓名|名字|申请人|联系人|投诉人|被投诉人|监护人|代理人|经办人|"
    rf"配偶|持卡人)[:：\s]*([{_CJK}·]{{2,4}})"
)
# … or standing alone (2-4 characters between non-Chinese text) and starting with a common
# surname: ``ticket for 李小龙 printed``. Longer runs (service names) are left alone.
_SURNAMES = (
    "欧阳|司马|诸葛|上官|东方|皇甫|尉迟|公孙|慕容|令狐|长孙|宇文|司徒|夏侯|"
    "[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛"
    "郝龚邵万钱严覃武戴莫孔向汤欧]"
)
_NAME_ALONE = _Pattern(rf"(?<![{_CJK}])(?:{_SURNAMES})[{_CJK}]{{1,2}}(?![{_CJK}])")

# Attributes every LogRecord has; anything else came in through ``extra=``.
_STANDARD_ATTRS = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
    "taskName",
}


def _plausible_id(digits: str) -> bool:
    year, month, day = int(digits[6:10]), int(digits[10:12]), int(digits[12:14])
    return 1800 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31


def _mask_id(raw: str) -> str | None:
    digits = re.sub(r"[ -]", "", raw)
    if len(digits) != 18 or not _plausible_id(digits):
        return None
    return f"{digits[:4]}**********{digits[-4:]}"


def _mask_name(name: str) -> str:
    return name[0] + "*" * (len(name) - 2) + name[-1] if len(name) > 2 else name[0] + "*"


def _spans(text: str) -> list[tuple[int, int, str]]:
    """Where personal data sits in ``text`` (full-width digits already made ASCII), and what
    stands in for it; overlapping finds are merged later."""
    found: list[tuple[int, int, str]] = []
    for m in _PYDANTIC_INPUT.finditer(text):
        if m.group(2):
            found.append((m.start(2), m.end(2), REDACTED))
    for m in _ID18.finditer(text):
        masked = _mask_id(m.group(0))
        if masked is not None:
            found.append((m.start(), m.end(), masked))
    for m in _ID15.finditer(text):
        found.append((m.start(), m.end(), f"{m.group(0)[:4]}*******{m.group(0)[-4:]}"))
    for m in _MOBILE.finditer(text):
        found.append((m.start(), m.end(), f"{m.group(1)}****{m.group(2)}"))
    for m in _LANDLINE.finditer(text):
        found.append((m.start(), m.end(), f"{m.group(1)}-********"))
    for pattern, stand_in in ((_DOCUMENT, "[document]"), (_EMAIL, "[email]")):
        found.extend((m.start(), m.end(), stand_in) for m in pattern.finditer(text))
    found.extend((m.start(), m.end(), "[地址]") for m in _ADDRESS.finditer(text))
    for m in _NAME_CUE.finditer(text):
        found.append((m.start(1), m.end(1), _mask_name(m.group(1))))
    found.extend((m.start(), m.end(), _mask_name(m.group(0))) for m in _NAME_ALONE.finditer(text))
    return found


def redact_text(text: str) -> str:
    """``text`` with personal-looking data masked: ID numbers (18 and 15 digits, grouped,
    full-width, glued to letters), mobile and landline numbers, permit and passport numbers,
    e-mail addresses, Chinese street addresses and names, and pydantic's ``input_value``."""
    normal = text.translate(_FULL_WIDTH)  # one character for one: positions stay valid
    spans = sorted(_spans(normal), key=lambda s: (s[0], -s[1]))
    if not spans:
        return text
    out: list[str] = []
    pos = 0
    for start, end, stand_in in spans:
        if start < pos:  # inside an earlier find: already covered (or extend it)
            if end > pos:
                pos = end
            continue
        out.append(text[pos:start])
        out.append(stand_in)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _key_words(key: str) -> list[str]:
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", key)
    return re.findall(r"[a-z]+|[0-9]+", spaced.lower())


def is_personal_key(key: str) -> bool:
    """Whether values under ``key`` are personal: the known keys, and keys made of a
    personal word (``full_name``, ``contactPhone``, ``date_of_birth``, ``id_card_no``)."""
    words = _key_words(key)
    joined = "_".join(words)
    if joined in PERSONAL_KEYS or re.search(r"(?:^|_)id_?(?:card|number|no)(?:_|$)", joined):
        return True
    if not words or words[0] in NEUTRAL_KEY_PREFIXES:
        return False
    return any(w in PERSONAL_KEY_WORDS for w in words)


def redact_value(value: Any, key: str | None = None, by_key: bool = True) -> Any:
    """A JSON-like value with personal-looking text masked and, when ``by_key``, the values
    of personal keys replaced (off for our own reports, where ``name`` names a check)."""
    if by_key and key is not None and is_personal_key(key) and value not in (None, ""):
        return REDACTED
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, dict):
        return {k: redact_value(v, str(k), by_key) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [redact_value(v, None, by_key) for v in value]
    return value


def log_event(
    logger: logging.Logger, event: str, level: int = logging.INFO, **fields: object
) -> None:
    """Log a structured event: the message is ``event``, the fields go out as JSON keys.

    Personal fields are dropped by construction, not masked: a field under a personal key
    (``name``, ``full_name``, ``phone`` …) and any value that is not a plain scalar (an
    identity, a payload, a model) never reach a handler; their keys are listed under
    ``dropped``. Strings still pass the handlers' filter as a last net.
    """
    extra: dict[str, object] = {"event": event}
    dropped: list[str] = []
    for key, value in fields.items():
        plain = value is None or isinstance(value, bool | int | float | str)
        if is_personal_key(key) or not plain:
            dropped.append(key)
            continue
        if isinstance(value, str) and len(value) > 500:
            value = value[:500] + "…"
        extra[f"{key}_" if key in _STANDARD_ATTRS else key] = value
    if dropped:
        extra["dropped"] = dropped
    logger.log(level, event, extra=extra)


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
    # fpdf2 warns of the characters a font lacks by naming them: in a signed document those
    # can be a character of a name. Its errors still come through.
    logging.getLogger("fpdf").setLevel(logging.ERROR)
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
