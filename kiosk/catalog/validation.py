"""Check a whole catalog document before anything is written, and list EVERY problem.

Staff fix a catalog file in one go only if they see all of its faults at once, each with the
service code and the field, so the validator never stops at the first error. The structure and
each object's own rules are the models' (:mod:`kiosk.domain.catalog`; pydantic reports every
failing field); rules over the whole document (unique codes, known themes) and the personal-data
lint are checked here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from kiosk.domain.catalog import Catalog

# The format's JSON Schema, generated from the models (kiosk.catalog.codec.catalog_schema) for
# people and tools outside the terminal; the terminal itself validates with the models.
SCHEMA_PATH = Path(__file__).resolve().parent.parent.parent / "assets/catalog/catalog.schema.json"


@dataclass(frozen=True)
class CatalogIssue:
    """One problem: the service code (or ``#index`` / ``catalog``), the field, and what is wrong."""

    code: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.code}: {self.field}: {self.message}"


def _field_name(path: list[Any]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(document)"


def _message(error: ErrorDetails) -> str:
    """The models' own sentence, or pydantic's with what was found (when short enough)."""
    if error["type"] == "missing":
        return "is missing"
    cause = (error.get("ctx") or {}).get("error")
    if isinstance(cause, ValueError):
        return str(cause)
    found = error.get("input")
    if isinstance(found, str | int | float | bool) and len(repr(found)) <= 60:
        return f"{error['msg']} (found {found!r})"
    return error["msg"]


def _locate(doc: Any, error: ErrorDetails) -> CatalogIssue:
    path = list(error["loc"])
    code = "catalog"
    if len(path) >= 2 and path[0] in ("services", "referrals") and isinstance(path[1], int):
        services = doc.get(path[0]) if isinstance(doc, dict) else None
        entry = services[path[1]] if isinstance(services, list) else None
        raw = entry.get("code") if isinstance(entry, dict) else None
        code = raw if isinstance(raw, str) and raw else f"#{path[1]}"
        path = path[2:]
    return CatalogIssue(code, _field_name(path), _message(error))


def _structure_issues(doc: Any) -> list[CatalogIssue]:
    try:
        Catalog.model_validate(doc)
    except ValidationError as exc:
        return [_locate(doc, e) for e in exc.errors(include_url=False)]
    return []


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


# Field types that hold personal data by nature, and words in a field's label or id that
# suggest it (names, phones, addresses, ID numbers, birth, health). A field that matches must
# say "personal": true (sealed at rest, masked on screen) or "personal": false (reviewed: it
# is not); the lint only catches the field nobody thought about.
PERSONAL_TYPES = frozenset({"id_number", "phone", "address"})
PERSONAL_LABEL = re.compile(
    "姓名|名字|电话|手机|联系方式|地址|住址|住所|居住地|身份证|身份号码|证件号|护照|出生|生日|"
    "年龄|残疾|疾病|病情|病史|患|健康|诊断|就诊|就医|医疗|孕|分娩|生育"
)
PERSONAL_ID = re.compile(
    r"(?:^|_)(?:name|phone|mobile|tel|address|addr|id_?number|idno|birth|dob|age|health|"
    r"disab\w*|diagnos\w*|medical|illness|disease|pregnan\w*)(?:_|$)",
    re.IGNORECASE,
)


def looks_personal(field: dict[str, Any]) -> bool:
    """Whether a form field's type, label or id suggests personal data."""
    label, fid = field.get("label"), field.get("id")
    return (
        field.get("type") in PERSONAL_TYPES
        or (isinstance(label, str) and PERSONAL_LABEL.search(label) is not None)
        or (isinstance(fid, str) and PERSONAL_ID.search(fid) is not None)
    )


def seal_unmarked_personal(doc: Any) -> list[str]:
    """Mark every field that looks personal and says nothing as ``"personal": true`` (in
    place); returns ``CODE.field`` of each. For catalogs that arrive from central: an
    unreviewed field is sealed rather than refusing the whole update."""
    marked: list[str] = []
    services = doc.get("services") if isinstance(doc, dict) else None
    for s in _list(services):
        guide = s.get("guide") if isinstance(s, dict) else None
        form = guide.get("form") if isinstance(guide, dict) else None
        for f in _list(form.get("fields")) if isinstance(form, dict) else []:
            if isinstance(f, dict) and "personal" not in f and looks_personal(f):
                f["personal"] = True
                marked.append(f"{s.get('code')}.{f.get('id')}")
    return marked


def _personal_issues(code: str, guide: Any) -> list[CatalogIssue]:
    """A form field that looks personal says whether it is."""
    form = guide.get("form") if isinstance(guide, dict) else None
    fields = _list(form.get("fields")) if isinstance(form, dict) else []
    issues = []
    for index, f in enumerate(fields):
        if isinstance(f, dict) and "personal" not in f and looks_personal(f):
            issues.append(
                CatalogIssue(
                    code,
                    f"guide.form.fields[{index}]",
                    f"field {f.get('id')!r} ({f.get('label')}) looks personal: mark it "
                    '"personal": true (sealed and masked), or "personal": false if it is not',
                )
            )
    return issues


def _semantic_issues(doc: dict[str, Any]) -> list[CatalogIssue]:
    issues: list[CatalogIssue] = []
    themes = _list(doc.get("themes"))
    theme_codes = [t.get("code") for t in themes if isinstance(t, dict)]
    for dup in sorted({c for c in theme_codes if theme_codes.count(c) > 1 and c}):
        issues.append(CatalogIssue("catalog", "themes", f"theme code {dup!r} appears twice"))
    seen: set[str] = set()
    services = _list(doc.get("services"))
    for index, s in enumerate(services):
        if not isinstance(s, dict):
            continue
        raw_code = s.get("code")
        code = raw_code if isinstance(raw_code, str) and raw_code else f"#{index}"
        if code in seen:
            issues.append(CatalogIssue(code, "code", "service code appears more than once"))
        seen.add(code)
        theme = s.get("theme")
        if isinstance(theme, str) and theme not in theme_codes:
            issues.append(CatalogIssue(code, "theme", f"{theme!r} is not one of the themes"))
        issues.extend(_personal_issues(code, s.get("guide")))
    for r in _list(doc.get("referrals")):
        raw_code = r.get("code") if isinstance(r, dict) else None
        if not isinstance(raw_code, str) or not raw_code:
            continue
        if raw_code in seen:
            # One code space: search results and the feed name an entry by its code alone.
            issues.append(
                CatalogIssue(raw_code, "code", "referral code is also used by another entry")
            )
        seen.add(raw_code)
    return issues


def validate_catalog(doc: Any) -> list[CatalogIssue]:
    """Every problem of ``doc`` (a parsed JSON document); an empty list means it is valid."""
    issues = _structure_issues(doc)
    if isinstance(doc, dict):
        issues.extend(_semantic_issues(doc))
    # Stable order: document-level first, then by service position as the file lists them.
    order = {"catalog": -1}
    if isinstance(doc, dict):
        entries = _list(doc.get("services")) + _list(doc.get("referrals"))
        for i, s in enumerate(entries):
            if isinstance(s, dict) and isinstance(s.get("code"), str):
                order.setdefault(s["code"], i)
    unique = list(dict.fromkeys(issues))
    return sorted(
        unique,
        key=lambda x: order.get(x.code, int(x.code[1:]) if x.code[1:].isdigit() else 10**9),
    )
