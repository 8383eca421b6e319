"""Check the values of an application form and fill in what the card already told us.

:func:`validate` returns one :class:`FieldError` per field that is wrong, each with a reason
code the screen turns into a sentence; an empty list means the form may be submitted.
:func:`prefill` takes the identity fields from a card read (they are never typed).
Values are strings as the screen's inputs give them (``yes_no``: ``"yes"``/``"no"``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from kiosk.domain.catalog import ApplicationForm, FieldType, FormField, Prefill
from kiosk.domain.id_numbers import id_number_problem
from kiosk.domain.identity import Identity, mask_name, mask_number

_MOBILE = re.compile(r"^1[3-9][0-9]{9}$")
_LANDLINE = re.compile(r"^0[0-9]{2,3}[0-9]{7,8}$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_AMOUNT = re.compile(r"^\d+(\.\d{1,2})?$")


@dataclass(frozen=True)
class FieldError:
    """One field that cannot be accepted.

    ``reason``: ``required``, ``choose_one`` (a required choice left open), ``too_long``,
    ``invalid_format``, ``invalid_number``, ``invalid_date``, ``invalid_phone``,
    ``invalid_choice``, ``id_number_length`` / ``_characters`` / ``_birth`` / ``_check``,
    ``invalid_amount``, ``out_of_range``.
    """

    field_id: str
    reason: str


def validate(form: ApplicationForm, values: dict[str, str]) -> list[FieldError]:
    """Every problem of ``values`` against ``form``, in the form's field order."""
    errors: list[FieldError] = []
    for f in form.fields:
        value = (values.get(f.id) or "").strip()
        if not value:
            if f.required:
                chosen = f.type in (FieldType.CHOICE, FieldType.YES_NO)
                errors.append(FieldError(f.id, "choose_one" if chosen else "required"))
            continue
        reason = _check(f, value)
        if reason:
            errors.append(FieldError(f.id, reason))
    return errors


def clean(form: ApplicationForm, values: dict[str, str]) -> dict[str, str]:
    """The values of the form's fields only, trimmed; empty optional fields left out."""
    out: dict[str, str] = {}
    for f in form.fields:
        value = (values.get(f.id) or "").strip()
        if value:
            out[f.id] = value.upper() if f.type is FieldType.ID_NUMBER else value
    return out


def is_valid_phone(value: str) -> bool:
    """A mainland mobile number (11 digits) or a landline with its area code, as people write
    them: spaces and dashes anywhere, ``+86`` in front. The one phone rule of the terminal."""
    compact = "".join(value.split()).replace("-", "")
    if compact.startswith("+86"):
        compact = compact[3:]
    return bool(_MOBILE.match(compact) or _LANDLINE.match(compact))


def _check(f: FormField, value: str) -> str | None:
    if len(value) > f.max_length:
        return "too_long"
    kind = f.type
    if kind is FieldType.PHONE:
        return None if is_valid_phone(value) else "invalid_phone"
    if kind is FieldType.ID_NUMBER:
        return id_number_problem(value)
    if kind is FieldType.CHOICE:
        return None if value in {c.value for c in f.choices} else "invalid_choice"
    if kind is FieldType.YES_NO:
        return None if value in ("yes", "no") else "invalid_choice"
    if kind is FieldType.DATE:
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return "invalid_date"
        return _range(f, day)
    if kind in (FieldType.NUMBER, FieldType.AMOUNT):
        pattern, reason = (
            (_AMOUNT, "invalid_amount") if kind is FieldType.AMOUNT else (_NUMBER, "invalid_number")
        )
        if not pattern.match(value):
            return reason
        try:
            number = Decimal(value)
        except InvalidOperation:
            return reason
        return _range(f, number)
    if f.pattern and not re.fullmatch(f.pattern, value):
        return "invalid_format"
    return None


def _range(f: FormField, value: date | Decimal) -> str | None:
    if isinstance(value, date):
        low = date.fromisoformat(f.min) if f.min else None
        high = date.fromisoformat(f.max) if f.max else None
        too_low = low is not None and value < low
        too_high = high is not None and value > high
    else:
        too_low = f.min is not None and value < Decimal(f.min)
        too_high = f.max is not None and value > Decimal(f.max)
    return "out_of_range" if too_low or too_high else None


def prefill(form: ApplicationForm, identity: Identity) -> dict[str, str]:
    """Values for the fields marked ``prefill``, taken from the card read."""
    source: dict[Prefill, str] = {
        Prefill.NAME: identity.name or identity.name_en,
        Prefill.ID_NUMBER: identity.id_number,
        Prefill.BIRTH_DATE: identity.birth_date.isoformat() if identity.birth_date else "",
        Prefill.SEX: identity.sex.value,
        Prefill.ADDRESS: identity.address,
        Prefill.NATION: identity.nation or "",
    }
    return {
        f.id: source[f.prefill] for f in form.fields if f.prefill is not None and source[f.prefill]
    }


def mask_address(value: str) -> str:
    """An address with the district kept, so the citizen recognises it, and the rest hidden."""
    return value[:6] + "****" if len(value) > 6 else "****"


def shown_value(f: FormField, value: str) -> str:
    """A value as its owner typed it, for their own screen during the visit: choices as
    their labels, everything else unchanged. Never for paper, logs or the next person."""
    if f.type is FieldType.CHOICE:
        return next((c.label for c in f.choices if c.value == value), value)
    return value


def masked_value(f: FormField, value: str) -> str:
    """How a value shows to anyone but its owner during the visit: personal values masked,
    choices as labels."""
    if not value:
        return ""
    if f.type is FieldType.ID_NUMBER or f.type is FieldType.PHONE or f.pattern:
        return mask_number(value) if f.personal else value
    if f.type is FieldType.ADDRESS:
        return mask_address(value)
    if f.type is FieldType.CHOICE:
        # A personal choice (残疾类别) is sealed at rest; the citizen still checks its words.
        return shown_value(f, value)
    if f.personal and f.type is FieldType.TEXT:
        return mask_name(value)
    return value  # dates, numbers, yes_no ("yes"/"no": the screen words it) as entered
