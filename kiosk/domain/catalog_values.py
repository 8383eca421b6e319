"""The kinds of value a catalog document holds (:mod:`kiosk.domain.catalog`'s fields).

As in JSON Schema: a number is not text, "true" is not true, 7.0 is the whole number 7 (and
7.5 is not one); lists arrive as JSON arrays and are held as tuples. An optional key is left
out, never null.
"""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BeforeValidator, Field, Strict, StringConstraints

T = TypeVar("T")


def _integral(value: object) -> object:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _present(value: object) -> object:
    if value is None:
        raise ValueError("leave the key out rather than null")
    return value


def _absent_not_null(schema: dict[str, Any]) -> None:
    # The schema of an Omittable key: its own type, no null and no default.
    schema.pop("default", None)
    kinds = [k for k in schema.pop("anyOf", ()) if k != {"type": "null"}]
    schema.update(kinds[0] if kinds else {})


# Pages of one material scanned at the terminal: by default, and at most (a catalog's own
# ``max_pages`` lies between 1 and this).
DEFAULT_MAX_PAGES = 10
MAX_SCAN_PAGES = 50

Integral = BeforeValidator(_integral)  # last in Annotated[...], so the limits stay in the schema
Omittable = Annotated[
    T | None, BeforeValidator(_present), Field(json_schema_extra=_absent_not_null)
]
PlainText = Annotated[str, Strict()]
Text = Annotated[str, StringConstraints(strict=True, min_length=1, pattern=r"\S")]
Days = Annotated[int, Strict(), Field(ge=0, le=365), Integral]
Flag = Annotated[bool, Strict()]
Phone = Annotated[str, StringConstraints(strict=True, pattern=r"^[0-9][0-9-]{2,19}$")]
NonEmpty = Annotated[str, StringConstraints(strict=True, min_length=1)]


def require_unique(values: tuple[str, ...]) -> tuple[str, ...]:
    if len(set(values)) < len(values):
        repeated = sorted(v for v, n in Counter(values).items() if n > 1)
        raise ValueError(f"{repeated[0]!r} appears more than once")
    return values


UniqueTexts = Annotated[
    tuple[Text, ...], AfterValidator(require_unique), Field(json_schema_extra={"uniqueItems": True})
]
